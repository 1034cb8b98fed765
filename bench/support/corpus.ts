// Real articles for the benchmarks, read at run time from ../shared/data (never copied into the
// repository), and the light perturbation that turns one article into many distinct ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Random } from '../../test/support/seeded-random.ts';

export const DATA_DIRECTORY = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const REUTERS = join(DATA_DIRECTORY, 'articles/reuters-2006-2013.jsonl.gz');
const CRYPTO = join(DATA_DIRECTORY, 'articles/crypto-news-2022-2023.json.gz');
const HTML_FOLDERS = ['html/postlight-parser-fixtures', 'html/goose3-fixtures'].map((folder) => join(DATA_DIRECTORY, folder));

/** One input as a user would hand it to the bot: a file name and its content. */
export interface CorpusItem {
  name: string;
  content: string;
}

export function corpusAvailable(): boolean {
  return existsSync(REUTERS) && existsSync(CRYPTO) && HTML_FOLDERS.every((folder) => existsSync(folder));
}

/** Stops a benchmark with a clear message when the evaluation data is not beside the repository. */
export function requireCorpus(): void {
  if (corpusAvailable()) return;
  process.stderr.write(`bench: the evaluation data is missing (expected ${DATA_DIRECTORY}articles and html); see ../shared/data/README.md\n`);
  process.exit(2);
}

/**
 * Plain-text articles: Reuters wire stories as dumped (`-- title`, `-- date`, `-- url` lines, then
 * the body) and crypto-market news rendered as `Title:`/`URL:`/`Date:` headers and the body.
 */
export function loadTextCorpus(): CorpusItem[] {
  const reuters = gunzipSync(readFileSync(REUTERS))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => ({ name: `reuters-${index}.txt`, content: (JSON.parse(line) as { raw: string }).raw }));
  const crypto = (JSON.parse(gunzipSync(readFileSync(CRYPTO)).toString('utf8')) as Array<Record<string, unknown>>)
    .filter((item) => typeof item['content'] === 'string' && item['content'].trim() !== '')
    .map((item, index) => ({
      name: `crypto-${index}.txt`,
      content: [
        `Title: ${String(item['title'] ?? '')}`,
        ...(typeof item['url'] === 'string' ? [`URL: ${item['url']}`] : []),
        ...(typeof item['date_publish'] === 'string' ? [`Date: ${item['date_publish']}`] : []),
        '',
        String(item['content']),
      ].join('\n'),
    }));
  return [...reuters, ...crypto];
}

/** Finance web pages as saved (postlight and goose3 extraction fixtures). */
export function loadHtmlCorpus(): CorpusItem[] {
  return HTML_FOLDERS.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.html'))
      .sort()
      .map((name) => ({ name, content: readFileSync(join(folder, name), 'utf8') })),
  );
}

const WORD = /\p{L}[\p{L}'’]*/gu;

/** Lower-case words of the texts in running order (with repeats), so draws follow the corpus's word frequencies. */
export function wordStream(items: readonly CorpusItem[], limit = 400_000): string[] {
  const words: string[] = [];
  for (const item of items) {
    for (const match of item.content.matchAll(WORD)) {
      words.push(match[0].toLowerCase());
      if (words.length >= limit) return words;
    }
  }
  return words;
}

/**
 * Replaces every `every`-th word (letters only; numbers stay) by one drawn from `words`, keeping an
 * initial capital. With every = 4, each 4-word shingle of the result holds a new word, so a copy
 * is a distinct story to the near-duplicate detector while its length, figures and word
 * frequencies stay those of real news.
 */
export function perturbWords(text: string, random: Random, words: readonly string[], every = 4): string {
  let count = random.below(every);
  return text.replace(WORD, (word) => {
    count += 1;
    if (count % every !== 0) return word;
    const replacement = random.pick(words);
    const first = word.charAt(0);
    return first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
  });
}

function withQuery(url: string, variant: number): string {
  return `${url}${url.includes('?') ? '&' : '?'}bench=${variant}`;
}

/**
 * Copy `variant` of a plain-text article: title and body words perturbed, and its URL made unique
 * (the bot would otherwise rightly take it for the same article).
 */
export function perturbText(item: CorpusItem, variant: number, random: Random, words: readonly string[]): CorpusItem {
  const content = item.content
    .split('\n')
    .map((line) => {
      const url = /^(--\s+|URL:\s*)(https?:\/\/\S+)\s*$/.exec(line);
      if (url !== null) return `${url[1]}${withQuery(url[2] ?? '', variant)}`;
      if (/^(--\s+|Date:)/.test(line) && /\d{4}/.test(line)) return line;
      return perturbWords(line, random, words);
    })
    .join('\n');
  return { name: item.name.replace(/\.txt$/, `-v${variant}.txt`), content };
}

/**
 * Copy `variant` of a web page: the words of its paragraphs perturbed (tags and character
 * references untouched) and its canonical and og:url addresses made unique.
 */
export function perturbHtml(item: CorpusItem, variant: number, random: Random, words: readonly string[]): CorpusItem {
  const paragraphs = item.content.replace(/(<p\b[^>]*>)([\s\S]*?)(<\/p>)/gi, (_match, open: string, inner: string, close: string) => {
    const perturbed = inner
      .split(/(<[^>]*>|&#?\w+;)/)
      .map((part) => (part.startsWith('<') || part.startsWith('&') ? part : perturbWords(part, random, words)))
      .join('');
    return `${open}${perturbed}${close}`;
  });
  const addresses = paragraphs.replace(/<(link|meta)\b[^>]*>/gi, (tag) =>
    /canonical|og:url/i.test(tag)
      ? tag.replace(
          /(href|content)=(["'])(https?:\/\/[^"']+)\2/i,
          (_match, attribute: string, quote: string, url: string) => `${attribute}=${quote}${withQuery(url, variant)}${quote}`,
        )
      : tag,
  );
  return { name: item.name.replace(/\.html$/, `-v${variant}.html`), content: addresses };
}
