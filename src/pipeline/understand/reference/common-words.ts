import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** data/common-words.json: everyday lower-case English words, and common first names and surnames. */
export interface CommonWordLists {
  words: ReadonlySet<string>;
  names: ReadonlySet<string>;
}

const cache = new Map<string, CommonWordLists>();

/**
 * The word lists of a common-words.json, read once per file and shared: the reference index and
 * the LLM grounding guard both need them, and the file is large enough to notice twice. `text`, when the
 * caller has already read the file, saves reading it again.
 */
export function readCommonWords(file: string, text?: string): CommonWordLists {
  const path = resolve(file);
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  const { words, names } = JSON.parse(text ?? readFileSync(path, 'utf8')) as { words: string[]; names: string[] };
  const lists = { words: new Set(words), names: new Set(names) };
  cache.set(path, lists);
  return lists;
}
