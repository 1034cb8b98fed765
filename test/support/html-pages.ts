// The real HTML pages in ../shared/data/html (evaluation only: read in place, never copied) with the
// text each should yield, and the token-level scoring the extraction test and bench/html.ts share.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const sharedHtml = fileURLToPath(new URL('../../../shared/data/html/', import.meta.url));
export const hasSharedHtml = existsSync(`${sharedHtml}goose3-fixtures`) && existsSync(`${sharedHtml}postlight-parser-fixtures`);

/** Lower-cased letter/number runs: the units the F1 counts. */
export const tokens = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** Bag-of-tokens F1 of a prediction against the gold tokens. */
export function tokenF1(predicted: string[], gold: string[]): number {
  const counts = new Map<string, number>();
  for (const token of gold) counts.set(token, (counts.get(token) ?? 0) + 1);
  let hits = 0;
  for (const token of predicted) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      hits += 1;
      counts.set(token, left - 1);
    }
  }
  if (hits === 0) return 0;
  const precision = hits / predicted.length;
  const recall = hits / gold.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Longest run of the expected opening's tokens found, in order, within the first 80 tokens of ours. */
export function openingRun(ours: string[], expected: string[]): number {
  const window = ours.slice(0, 80).join(' ');
  let best = 0;
  for (let start = 0; start < expected.length; start += 1) {
    for (let end = expected.length; end > start + best; end -= 1) {
      if (` ${window} `.includes(` ${expected.slice(start, end).join(' ')} `)) best = end - start;
    }
  }
  return best;
}

/** Wire datelines are dropped on purpose ("SAN FRANCISCO (AP) — "); compare the gold text without them. */
export const withoutDateline = (text: string): string => text.replace(/^[A-Z][A-Z .,'-]+\((?:AP|Reuters)\)\s*[-—–]\s*/, '');

export interface PageExpectation {
  file: string;
  url: string | undefined;
  title: string | undefined;
  opening: string | undefined;
  date: string | undefined;
}

/** The Postlight test files name a fixture, then assert its title, date and first words, in that order. */
export function postlightExpectations(directory = `${sharedHtml}postlight-parser-fixtures/expected/`): PageExpectation[] {
  const unquote = (value: string | undefined): string | undefined => value?.replace(/\\'/g, "'");
  const string = `(["'\`])((?:\\\\.|(?!\\1)[\\s\\S])*?)\\1`;
  return readdirSync(directory).flatMap((name) => {
    const source = readFileSync(`${directory}${name}`, 'utf8');
    const urls = [...source.matchAll(/url\s*=\s*'([^']+)'/g)].map((match) => match[1]);
    return source
      .split(/readFileSync\(\s*'\.\/fixtures\//)
      .slice(1)
      .map((part, index) => ({
        file: part.slice(0, part.indexOf("'")),
        url: urls[index],
        title: unquote(part.match(new RegExp(`assert\\.equal\\(\\s*title,\\s*${string}`))?.[2]),
        opening: unquote(part.match(new RegExp(`first\\d+,\\s*${string}`))?.[2]),
        date: part.match(/date_published,\s*[`'"]([^`'"]+)[`'"]/)?.[1],
      }));
  });
}

/** One evaluation page: its bytes, its URL and the gold tokens of the article's beginning. */
export interface GoldPage {
  name: string;
  bytes: Uint8Array;
  url: string | undefined;
  gold: string[];
}

/** goose3 pages (gold: the expected `cleaned_text`) and Postlight pages (gold: the expected first words). */
export function goldPages(): GoldPage[] {
  const goose = `${sharedHtml}goose3-fixtures/`;
  const goosePages = readdirSync(goose)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const expected = JSON.parse(readFileSync(`${goose}${name}`, 'utf8')) as { url: string; expected: { cleaned_text: string } };
      const html = name.replace(/\.json$/, '.html');
      return { name: html, bytes: readFileSync(`${goose}${html}`), url: expected.url, gold: tokens(withoutDateline(expected.expected.cleaned_text)) };
    });
  const postlightPages = postlightExpectations()
    .filter((page) => page.opening)
    .map((page) => ({
      name: page.file,
      bytes: readFileSync(`${sharedHtml}postlight-parser-fixtures/${page.file}`),
      url: page.url,
      gold: tokens(withoutDateline(page.opening ?? '')),
    }));
  return [...goosePages, ...postlightPages];
}

/** The gold text is the article's beginning only: score the same number of our first tokens. */
export const openingF1 = (text: string, gold: string[]): number => tokenF1(tokens(text).slice(0, gold.length), gold);
