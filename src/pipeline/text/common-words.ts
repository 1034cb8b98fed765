import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** data/common-words.json: everyday lower-case English words, and common first names and surnames. */
export interface CommonWordLists {
  words: ReadonlySet<string>;
  names: ReadonlySet<string>;
}

const DEFAULT_FILE = fileURLToPath(new URL('../../../data/common-words.json', import.meta.url));
const cache = new Map<string, CommonWordLists>();

/**
 * The word lists of a common-words.json, read once per file and shared: the reference index, the
 * cleaner and the LLM grounding guard all need them, and the file is large enough to notice twice.
 * `text`, when the caller has already read the file, saves reading it again.
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

/** The everyday lower-case English words of the project's own data/common-words.json (read on first use). */
export function commonWords(): ReadonlySet<string> {
  return readCommonWords(DEFAULT_FILE).words;
}
