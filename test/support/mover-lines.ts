import type { Mover } from '../../src/domain/index.ts';
import { findMovers } from '../../src/brief/movers.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/recognizer.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { makeArticle } from './articles.ts';

/** The shipped reference index and a recogniser over it, loaded once per test file. */
export const reference = loadReferenceIndex();
export const recognizer = createEntityRecognizer(reference);

/** The movers of one article written for a test (entities found by the real recogniser). */
export function moversOf(text: string, title = ''): Mover[] {
  const article = makeArticle({ id: 'a', title, text, entities: recognizer.recognize(title, text) });
  return findMovers([article], reference, 10);
}

/** Each mover as "<name> <up|down> <figure>[ <period>]". */
export function moverLines(text: string, title = ''): string[] {
  return moversOf(text, title).map((mover) => `${mover.name} ${mover.direction} ${mover.figure}${mover.horizon == null ? '' : ` ${mover.horizon}`}`);
}
