import { loadHtmlparser2 } from './lazy.ts';

// htmlparser2's Parser keeps its open elements with Array#unshift and finds an end tag's element
// with indexOf, so its time grows with depth × tags: 1 MB of unclosed `<div>` takes minutes, and
// linkedom (built on it) and Readability (which walks ancestors and subtrees) do worse. This pass
// uses only the Tokenizer (linear) and its own stack (a push or pop per tag, counts by name) to cut
// the tags of elements nested deeper than MAX_DEPTH; their content stays, in the deepest element
// kept. Real pages nest 20–40 deep (33 at most in the shared test pages).
export const MAX_DEPTH = 100;

// htmlparser2's void elements (never pushed) and, as a subset of its rules, the open tags that
// close an open element on top of the stack: counting a few elements too many only flattens sooner.
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const P = new Set(['p']);
const CLOSES = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((name) => [name, P] as [string, Set<string>]),
]);

// Block elements whose cut tags become a line break, so that their text stays apart.
const BLOCK = new Set(['li', 'dd', 'dt', 'tr', 'td', 'th', 'br', ...[...CLOSES.keys()].filter((name) => CLOSES.get(name) === P)]);

/** The page with the tags of elements nested deeper than MAX_DEPTH cut out (unchanged when none are). */
export function flattenDeepHtml(html: string): string {
  const cuts: number[] = [];
  const fillers: string[] = []; // what stands in each cut's place
  const stack: { name: string; cut: boolean }[] = [];
  const open = new Map<string, number>(); // open elements by name
  let kept = 0;
  // A run of cut tags with nothing between them becomes one cut, with one line break at most.
  const addCut = (start: number, end: number, block: boolean): void => {
    if (cuts.length > 0 && cuts[cuts.length - 1] === start) {
      cuts[cuts.length - 1] = end;
      if (block) fillers[fillers.length - 1] = '<br>';
      return;
    }
    cuts.push(start, end);
    fillers.push(block ? '<br>' : '');
  };
  let foreign = 0; // inside svg or math, where `<x/>` closes
  let name = '';
  let tagStart = 0;
  const pop = (): void => {
    const top = stack.pop();
    if (!top) return;
    open.set(top.name, (open.get(top.name) ?? 1) - 1);
    if (!top.cut) kept -= 1;
    if (top.name === 'svg' || top.name === 'math') foreign -= 1;
  };
  const openTag = (end: number, selfClosed: boolean): void => {
    const closes = CLOSES.get(name);
    while (closes && stack.length > 0 && closes.has(stack.at(-1)?.name ?? '')) pop();
    if (VOID.has(name)) return;
    const cut = kept >= MAX_DEPTH;
    if (cut) addCut(tagStart, end + 1, BLOCK.has(name));
    else kept += 1;
    stack.push({ name, cut });
    open.set(name, (open.get(name) ?? 0) + 1);
    if (name === 'svg' || name === 'math') foreign += 1;
    if (selfClosed && foreign > 0) pop();
  };
  const { Tokenizer } = loadHtmlparser2();
  const noop = (): void => {};
  const tokens = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        name = html.slice(start, end).toLowerCase();
        tagStart = start - 1;
      },
      onopentagend(end) {
        openTag(end, false);
      },
      onselfclosingtag(end) {
        openTag(end, true);
      },
      onclosetag(start, end) {
        const closing = html.slice(start, end).toLowerCase();
        if ((open.get(closing) ?? 0) === 0) return;
        while (stack.length > 0) {
          const top = stack.at(-1) as { name: string; cut: boolean };
          pop();
          if (top.name === closing) {
            if (top.cut) {
              const close = html.indexOf('>', end);
              addCut(start - 2, close === -1 ? html.length : close + 1, BLOCK.has(closing));
            }
            return;
          }
        }
      },
      ontext: noop,
      ontextentity: noop,
      onattribname: noop,
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      oncomment: noop,
      oncdata: noop,
      ondeclaration: noop,
      onprocessinginstruction: noop,
      onend: noop,
    },
  );
  tokens.write(html);
  tokens.end();
  if (cuts.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (let index = 0; index < cuts.length; index += 2) {
    parts.push(html.slice(from, cuts[index]), fillers[index / 2] ?? '');
    from = cuts[index + 1] ?? html.length;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
