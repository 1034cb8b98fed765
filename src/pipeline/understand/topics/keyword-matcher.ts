import { KeyFilter, type Token, tokenize } from '../name-keys/index.ts';
import { TOPIC_KEYWORD_WEIGHTS, TOPIC_KEYWORDS, WEAK_KEYWORD_WEIGHT, WEAK_TOPIC_KEYWORDS } from './keywords.ts';

// The topic keywords as one token trie, and the scan that finds them in a text's tokens: at each
// token the longest keyword phrase starting there, whole words only; after a hit the scan resumes
// past it.

export interface TopicHit {
  slug: string;
  weight: number;
}

export interface KeywordMatcher {
  /** Calls `hit` with the topics of each keyword phrase found, in text order. */
  scan(tokens: readonly Token[], hit: (hits: readonly TopicHit[]) => void): void;
}

interface KeywordEntry {
  hits: TopicHit[];
  /** For a case-sensitive phrase, its words as written; null when any case matches. */
  written: string[] | null;
  /** Each written word in capitals when it has a lower-case letter ("CHINA" for "China"), else null. */
  capitals: Array<string | null> | null;
}

interface KeywordNode {
  next: Map<string, KeywordNode> | null;
  /** Topics of the phrase ending here. */
  entries: KeywordEntry[] | null;
}

let built: KeywordMatcher | null = null;

/** The matcher over every topic keyword, built on first use. */
export function keywordMatcher(): KeywordMatcher {
  if (built !== null) return built;
  const root: KeywordNode = { next: null, entries: null };
  const lists: Array<[string, readonly string[], number]> = [
    ...Object.entries(TOPIC_KEYWORDS).map(([slug, phrases]): [string, readonly string[], number] => [slug, phrases, TOPIC_KEYWORD_WEIGHTS[slug] ?? 1]),
    ...Object.entries(WEAK_TOPIC_KEYWORDS).map(([slug, phrases]): [string, readonly string[], number] => [slug, phrases, WEAK_KEYWORD_WEIGHT]),
  ];
  const starts = new KeyFilter();
  for (const [slug, phrases, weight] of lists) {
    for (const phrase of phrases) {
      const words = tokenize(phrase);
      let node = root;
      for (const word of words) {
        node.next ??= new Map();
        let child = node.next.get(word.key);
        if (child === undefined) node.next.set(word.key, (child = { next: null, entries: null }));
        node = child;
      }
      if (words[0] !== undefined) starts.add(words[0].key);
      const written = phrase === phrase.toLowerCase() ? null : words.map((word) => stripPossessive(word.text));
      node.entries ??= [];
      const same = node.entries.find((entry) => String(entry.written) === String(written));
      if (same === undefined) {
        const capitals = written === null ? null : written.map((word) => (/\p{Ll}/u.test(word) ? word.toUpperCase() : null));
        node.entries.push({ hits: [{ slug, weight }], written, capitals });
      } else if (!same.hits.some((hit) => hit.slug === slug)) same.hits.push({ slug, weight });
    }
  }
  built = {
    scan(tokens, hit) {
      let position = 0;
      while (position < tokens.length) {
        let bestHits: TopicHit[] | null = null;
        let bestEnd = 0;
        // Most tokens start no keyword: the filter answers for them without a map lookup.
        let node: KeywordNode | undefined = starts.mayHold((tokens[position] as Token).key) ? root : undefined;
        for (let cursor = position; node !== undefined && cursor < tokens.length; cursor += 1) {
          node = node.next?.get((tokens[cursor] as Token).key);
          if (node === undefined) break;
          if (node.entries !== null) {
            const entry = acceptedEntry(node.entries, tokens, position);
            if (entry !== undefined) {
              bestHits = entry.hits;
              bestEnd = cursor + 1;
            }
          }
          if (node.next === null) break;
        }
        if (bestHits === null) position += 1;
        else {
          hit(bestHits);
          position = bestEnd;
        }
      }
    },
  };
  return built;
}

/** The first entry whose written form (if any) the tokens from `first` on match. */
function acceptedEntry(entries: readonly KeywordEntry[], tokens: readonly Token[], first: number): KeywordEntry | undefined {
  for (const entry of entries) if (accepts(entry, tokens, first)) return entry;
  return undefined;
}

function accepts(entry: KeywordEntry, tokens: readonly Token[], first: number): boolean {
  const { written, capitals } = entry;
  if (written === null || capitals === null) return true;
  for (let offset = 0; offset < written.length; offset += 1) {
    const text = stripPossessive(tokens[first + offset]?.text ?? '');
    // "CHINA" in an all-capitals headline is China; "US" must stay "US".
    if (text !== written[offset] && (capitals[offset] === null || text !== capitals[offset])) return false;
  }
  return true;
}

/** /['’]s$/ removed from a word longer than two characters ("China's" → "China"). */
function stripPossessive(word: string): string {
  const length = word.length;
  if (length <= 2 || word.charCodeAt(length - 1) !== 0x73) return word;
  const apostrophe = word.charCodeAt(length - 2);
  return apostrophe === 0x27 || apostrophe === 0x2019 ? word.slice(0, -2) : word;
}
