import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Article } from '../../src/domain/article.ts';
import { cleanArticle, readArticles } from '../../src/pipeline/index.ts';
import type { ReferenceIndex } from '../../src/pipeline/index.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/recognizer.ts';
import { makeArticle } from './articles.ts';

/** The Reuters 2006–2013 sample in ../shared/data (evaluation only: read at test time, never copied). */
export const reutersPath = fileURLToPath(new URL('../../../shared/data/articles/reuters-2006-2013.jsonl.gz', import.meta.url));
export const hasReuters = existsSync(reutersPath);

/** Every `step`-th Reuters article, cleaned and with its entities recognised; [] when the file is absent. */
export function loadReuters(reference: ReferenceIndex, step = 1): Article[] {
  if (!hasReuters) return [];
  const recognizer = createEntityRecognizer(reference);
  const lines = gunzipSync(readFileSync(reutersPath)).toString('utf8').split('\n').filter(Boolean);
  return lines
    .filter((_line, index) => index % step === 0)
    .flatMap((line, index) => {
      const { file, raw } = JSON.parse(line) as { file: string; raw: string };
      const [read] = readArticles({ name: `${file}.txt`, bytes: new TextEncoder().encode(raw) });
      if (read === undefined || read.text.trim() === '') return [];
      const clean = cleanArticle(read);
      return [makeArticle({ id: `reuters-${index}`, title: clean.title, text: clean.text, entities: recognizer.recognize(clean.title, clean.text) })];
    });
}
