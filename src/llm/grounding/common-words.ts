import { readFileSync } from 'node:fs';

let cached: ReadonlySet<string> | null = null;

/** Everyday lower-case English words (data/common-words.json), loaded once: the grounding guard's "not a name" list. */
export function loadCommonWords(path: URL = new URL('../../../data/common-words.json', import.meta.url)): ReadonlySet<string> {
  if (cached !== null) return cached;
  const { words } = JSON.parse(readFileSync(path, 'utf8')) as { words: string[] };
  cached = new Set(words);
  return cached;
}
