// Cues the recogniser's judge reads around a name that its words alone leave open ("While Apple
// fell 2 percent": "While" opens the clause, "fell 2 percent" shows a traded name).
import type { Token } from '../name-keys/index.ts';
import type { TokenContext } from './context.ts';

// A price move by a figure after a name ("Apple fell 2 percent", "Target rose by 3%"): a traded name, not a word.
const MOVE_CUES =
  /^(rose|rises|fell|falls|gained|gains|lost|loses|jumped|jumps|climbed|climbs|dropped|drops|slid|slides|slipped|slips|tumbled|tumbles|surged|surges|plunged|plunges|rallied|rallies|sank|sinks|soared|soars|declined|declines|advanced|advances|added|adds|shed|sheds|eased|eases|dipped|dips|edged)$/;
const BEFORE_FIGURE = /^(up|down|higher|lower|by|about|nearly|almost|around|roughly|some|over|more|than|as|much)$/;
// Words capitalised only because they open a sentence, never the first word of a name: "While Apple
// fell", "Although Intel rose", "After Ford reported". ("The" is not one: "The Sun", "The Gap".)
const CLAUSE_OPENERS = new Set(
  (
    'after although and as at because before both but by despite during for from if in like meanwhile on or ' +
    'since so though unless unlike until when whereas while with without yet'
  ).split(' '),
);
/** The words from `end` are a move verb and its figure ("fell 2 percent", "rose by about 3%"). */
export function movesByFigure(context: TokenContext, end: number): boolean {
  const { tokens, text } = context;
  const verb = tokens[end];
  if (verb === undefined || !MOVE_CUES.test(verb.key) || !/^ +$/.test(text.slice((tokens[end - 1] as Token).end, verb.start))) return false;
  for (let position = end + 1; position <= end + 4; position += 1) {
    const token = tokens[position];
    if (token === undefined) return false;
    if (token.shape === 'number') return true;
    if (!BEFORE_FIGURE.test(token.key)) return false;
  }
  return false;
}

/** The token at `position` opens its sentence as a capitalised function word: no name's first word. */
export function opensClause(context: TokenContext, position: number): boolean {
  const token = context.tokens[position];
  return token !== undefined && context.sentenceStart[position] === 1 && token.shape === 'capitalized' && CLAUSE_OPENERS.has(token.key);
}
