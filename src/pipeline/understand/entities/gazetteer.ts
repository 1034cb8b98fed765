import { KeyFilter, phraseWords, type TokenShape } from '../name-keys/index.ts';
import { ACRONYMS } from './acronyms.ts';
import type { ReferenceEntity, ReferenceIndex } from '../reference/index.ts';

/** One way of writing one entity's name, as stored at the end of its path in the trie. */
export interface AliasEntry {
  /** Null for a blocker: a phrase that is matched only so that the shorter alias inside it is not. */
  entity: ReferenceEntity | null;
  /** Shapes of the alias's own words: "HSBC" wants capitals, "gold" lower case, "Goldman Sachs" initial capitals. */
  shapes: TokenShape[];
  /** The alias is also an everyday word or phrase ("Target", "Energy Transfer"). */
  ambiguous: boolean;
  /** A one-word, capitalised name that is refused right after another capitalised word ("Harrison Ford"). */
  guardPrevious: boolean;
  /**
   * A one-word name of a little-known listing ("Cohen", "Kirby", "Herbalife"): often a surname, so it counts
   * only when the article also names the company plainly ("Herbalife Ltd", its ticker).
   */
  needsSupport: boolean;
  /** Written with a possessive ("Macy's", "Leslie's"): the text must have it too, or "Leslie" the person would match. */
  possessive: boolean;
  /** Starts with "the" ("the Nasdaq"): refused when its last word runs on with a hyphen ("the Nasdaq-listed"). */
  startsWithThe: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  entries: AliasEntry[] | null;
}

export interface Gazetteer {
  root: TrieNode;
  /** The first words of every alias (the keys of root.next), to settle most words without a map lookup. */
  firstWords: KeyFilter;
  /** The later words of every alias (the keys of every other node's next), likewise. */
  laterWords: KeyFilter;
  /** Keys that are by themselves a whole alias: a symbol in parentheses that is one ("(ECB)") is left to the gazetteer. */
  isSingleWordAlias(key: string): boolean;
}

/** Builds the token trie over every name and alias once; matching an article then costs one map lookup per word. */
export function buildGazetteer(index: ReferenceIndex): Gazetteer {
  const root: TrieNode = { next: null, entries: null };
  const add = (phrase: string, entity: ReferenceEntity | null, ambiguous: boolean): void => {
    const tokens = phraseWords(phrase);
    const first = tokens[0];
    if (first === undefined) return;
    // A little-known listing called by an everyday word ("Western", "Bullish") is never matched by that word alone.
    if (entity !== null && (entity.rank ?? 0) < 2 && tokens.length === 1 && index.isCommonWord(first.key)) return;
    if (tokens.length === 1 && (first.key.length < 2 || first.shape === 'number')) return;
    let node = root;
    for (const token of tokens) {
      node.next ??= new Map();
      let child = node.next.get(token.key);
      if (child === undefined) {
        child = { next: null, entries: null };
        node.next.set(token.key, child);
      }
      node = child;
    }
    const shapes = tokens.map((token) => token.shape);
    node.entries ??= [];
    if (node.entries.some((entry) => entry.entity === entity && sameShapes(entry.shapes, shapes) && entry.possessive === /['’]s$/i.test(phrase))) return;
    node.entries.push({
      entity,
      shapes,
      ambiguous,
      guardPrevious: entity !== null && entity.type === 'company' && tokens.length === 1 && first.shape === 'capitalized',
      // CamelCase, digits or four or more capitals ("MarketAxess", "3M", "AGCO") do not read as a surname.
      needsSupport:
        (entity !== null && (entity.rank ?? 0) < 2 && tokens.length === 1 && !/\p{Ll}\p{Lu}|\d|^\p{Lu}{4,}$/u.test(phrase)) ||
        (tokens.length === 1 && ACRONYMS.has(phrase) && (entity?.rank ?? 0) < 3),
      possessive: /['’]s$/i.test(phrase),
      startsWithThe: first.key === 'the' && tokens.length > 1,
    });
  };
  // Better-known entities first, so that where two share a key the first valid entry is the likelier one.
  const entities = [...index.entities].sort((left, right) => (right.rank ?? 0) - (left.rank ?? 0));
  for (const entity of entities) {
    const ambiguous = new Set(entity.ambiguousAliases ?? []);
    add(entity.name, entity, ambiguous.has(entity.name));
    for (const alias of entity.aliases) add(alias, entity, ambiguous.has(alias));
  }
  for (const phrase of index.blockers) add(phrase, null, false);
  const firstWords = new KeyFilter();
  const laterWords = new KeyFilter();
  const nodes: TrieNode[] = [];
  for (const [key, child] of root.next ?? []) {
    firstWords.add(key);
    nodes.push(child);
  }
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    for (const [key, child] of node.next ?? []) {
      laterWords.add(key);
      nodes.push(child);
    }
  }
  return {
    root,
    firstWords,
    laterWords,
    isSingleWordAlias: (key) => root.next?.get(key)?.entries?.some((entry) => entry.entity !== null) === true,
  };
}

function sameShapes(left: readonly TokenShape[], right: readonly TokenShape[]): boolean {
  return left.length === right.length && left.every((shape, position) => shape === right[position]);
}
