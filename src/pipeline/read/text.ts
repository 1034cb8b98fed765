import type { RawArticle } from '../../domain/index.ts';
import { normaliseDate } from '../text/index.ts';

type HeaderField = 'title' | 'author' | 'date' | 'url' | 'source' | 'guid';

// Labels a "key: value" header line may use, lowercased with spaces and `_`/`-` removed.
const HEADER_KEYS: Record<string, HeaderField> = {
  title: 'title',
  headline: 'title',
  subject: 'title',
  author: 'author',
  authors: 'author',
  by: 'author',
  byline: 'author',
  writer: 'author',
  date: 'date',
  published: 'date',
  publishedat: 'date',
  publishdate: 'date',
  pubdate: 'date',
  dateline: 'date',
  time: 'date',
  url: 'url',
  link: 'url',
  source: 'source',
  publisher: 'source',
  site: 'source',
  guid: 'guid',
};

const LABELLED = /^\s*([A-Za-z][A-Za-z _-]{0,18}?)\s*:\s*(.*)$/;
const MARKED = /^\s*--(?:\s(.*)|)$/;
const URL_VALUE = /^<?(https?:\/\/\S+?)>?$/i;

/**
 * A plain-text article, optionally opened by a header block: `key: value` lines (Title:, Date:,
 * URL:, Source:…) or marker lines (`-- value`, as in wire-service dumps) whose values are recognised
 * by shape (a URL, a date, a `By …` byline; the first other value is the title). The body is the
 * rest, untouched: choosing a title among leading lines is the cleaner's job.
 */
export function readPlainText(text: string): RawArticle {
  const lines = text.split('\n');
  let index = 0;
  while (index < lines.length && (lines[index] ?? '').trim() === '') index += 1;
  const found: Partial<Record<HeaderField, string>> = {};
  let headerLines = 0;
  let labelledTitleOrUrl = false;
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const marked = line.match(MARKED);
    const labelled = marked ? null : line.match(LABELLED);
    const field = labelled ? HEADER_KEYS[(labelled[1] ?? '').toLowerCase().replace(/[\s_-]/g, '')] : undefined;
    if (marked) {
      assignByShape(found, (marked[1] ?? '').trim());
    } else if (labelled && field) {
      const value = (labelled[2] ?? '').trim();
      if (value !== '') found[field] ??= value;
      if (field === 'title' || field === 'url') labelledTitleOrUrl = true;
    } else {
      break;
    }
    headerLines += 1;
  }
  if (headerLines < 2 && !(headerLines === 1 && labelledTitleOrUrl)) return { text };

  const url = found.url?.match(URL_VALUE)?.[1];
  return {
    title: found.title,
    text: lines
      .slice(index)
      .join('\n')
      .replace(/^\s*\n/, ''),
    url,
    source: found.source,
    publishedAt: found.date ? normaliseDate(found.date) : undefined,
    guid: found.guid,
  };
}

function assignByShape(found: Partial<Record<HeaderField, string>>, value: string): void {
  if (value === '') return;
  if (URL_VALUE.test(value)) found.url ??= value;
  else if (/^by\s/i.test(value)) found.author ??= value.replace(/^by\s+/i, '');
  else if (value.length < 60 && normaliseDate(value)) found.date ??= value;
  else found.title ??= value;
}
