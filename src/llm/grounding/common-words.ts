import { fileURLToPath } from 'node:url';
import { readCommonWords } from '../../pipeline/index.ts';

/**
 * Everyday lower-case English words (data/common-words.json): the grounding guard's "not a name"
 * list. Read once and shared with the reference index, which loads the same file.
 */
export function loadCommonWords(path: URL = new URL('../../../data/common-words.json', import.meta.url)): ReadonlySet<string> {
  return readCommonWords(fileURLToPath(path)).words;
}
