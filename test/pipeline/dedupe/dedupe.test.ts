import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentHash, dedupeKeys, estimateSimilarity, isNearDuplicate, NEAR_DUPLICATE_THRESHOLD } from '../../../src/pipeline/dedupe/dedupe.ts';
import { splitSentences } from '../../../src/pipeline/clean/sentences.ts';

const reutersFile = new URL('../../../../shared/data/articles/reuters-2006-2013.jsonl.gz', import.meta.url);
const hasReuters = existsSync(reutersFile);
if (!hasReuters) console.warn(`dedupe: ${reutersFile.pathname} is absent; the Reuters near-duplicate evaluation is skipped`);

const story = [
  'Acme Industries said on Tuesday it would close two factories in Ohio and cut 1,200 jobs as demand for its',
  'household appliances slowed. The company expects the restructuring to cost about $85 million over two years.',
  'Chief executive Maria Lopez said the plants were running at less than half of capacity. Shares of Acme fell',
  '4 percent in morning trading after the announcement, while the broader market was little changed.',
].join(' ');

describe('contentHash', () => {
  it('ignores case, spacing and punctuation but not wording', () => {
    const base = contentHash('Acme to close plants', story);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('ACME to close plants!', story.replace(/ /g, '  ').toUpperCase())).toBe(base);
    expect(contentHash('Acme to close plants', story.replace('1,200', '1,300'))).not.toBe(base);
    expect(contentHash('Acme to shut plants', story)).not.toBe(base);
  });
});

describe('dedupeKeys', () => {
  it('gives equal keys for equal text and band keys of a stable shape', () => {
    const first = dedupeKeys('Acme to close plants', story);
    const second = dedupeKeys('Acme to close plants', story);
    expect(first.signature).toHaveLength(120);
    expect(first.bands).toHaveLength(40);
    expect(new Set(first.bands).size).toBe(40);
    for (const band of first.bands) expect(band).toMatch(/^[0-9a-z]+:[0-9a-f]{16}$/);
    expect(second.bands).toEqual(first.bands);
    expect(estimateSimilarity(first.signature, second.signature)).toBe(1);
  });

  it('flags a copy with a new dateline and trailer, not a different story on the same company', () => {
    const original = dedupeKeys('Acme to close plants', story);
    const copy = dedupeKeys('UPDATE 1-Acme to close two plants', `CLEVELAND, March 4 (Wire) - ${story} (Reporting by A. Writer; Editing by B. Editor)`);
    const other = dedupeKeys(
      'Acme wins defence contract',
      'Acme Industries said on Thursday it had won a $300 million contract to supply generators to the army. ' +
        'The company said the order would keep its Texas plant busy through 2027. Shares of Acme rose 2 percent.',
    );
    expect(isNearDuplicate(original.signature, copy.signature)).toBe(true);
    expect(original.bands.some((band) => copy.bands.includes(band))).toBe(true);
    expect(isNearDuplicate(original.signature, other.signature)).toBe(false);
    expect(estimateSimilarity(original.signature, other.signature)).toBeLessThan(0.2);
  });

  it('reads every shingle of a long text, its buffers grown, whatever came before', () => {
    // 24,000 distinct words: far beyond the buffers a short article uses. Two texts sharing one
    // half share about a third of their shingles, whichever half it is; a shingle past the end of
    // a buffer that did not grow would be lost, and the estimate would fall towards 0 or rise to 1.
    const words = (from: number, count: number) => Array.from({ length: count }, (_unused, index) => `w${(from + index).toString(36)}`);
    const [first, second, other] = [words(0, 12_000), words(12_000, 12_000), words(50_000, 12_000)];
    const whole = dedupeKeys('Title', [...first, ...second].join(' ')).signature;
    const sameStart = dedupeKeys('Title', [...first, ...other].join(' ')).signature;
    dedupeKeys('Short', 'a short text read between two long ones');
    const sameEnd = dedupeKeys('Title', [...other, ...second].join(' ')).signature;
    for (const pair of [estimateSimilarity(whole, sameStart), estimateSimilarity(whole, sameEnd)]) {
      expect(pair).toBeGreaterThan(0.2);
      expect(pair).toBeLessThan(0.5);
    }
    // A text repeated is the same shingles: its signature does not change.
    const loop = 'oil rose as supply fell in the gulf';
    expect([...dedupeKeys('T', Array(3_000).fill(loop).join(' ')).signature]).toEqual([...dedupeKeys('T', Array(3).fill(loop).join(' ')).signature]);
  });

  it('never calls two empty articles duplicates', () => {
    const empty = dedupeKeys('', '');
    expect(empty.bands).toEqual([]);
    expect(estimateSimilarity(empty.signature, dedupeKeys('', '  ').signature)).toBe(0);
  });
});

interface Story {
  title: string;
  body: string;
}

function readReuters(): Story[] {
  return gunzipSync(readFileSync(reutersFile))
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const { raw } = JSON.parse(line) as { raw: string };
      const rows = raw.split('\n');
      return {
        title: (rows[0] ?? '').replace(/^-- /, ''),
        body: rows
          .filter((row) => !row.startsWith('-- '))
          .join('\n')
          .trim(),
      };
    })
    .filter((article) => article.body.length > 800);
}

// A syndicated copy: another agency's dateline, a "UPDATE" title, the credit line gone and a
// copyright trailer added.
function syndicate(article: Story): Story {
  const body = article.body
    .replace(/^\s*[A-Z][A-Za-z .,]*\s*\(Reuters\)\s*-\s*/, 'NEW YORK, Jan 5 (Wire Service) -- ')
    .replace(/\((?:Reporting|Additional reporting|Editing|Writing)[^)]*\)\s*$/s, '');
  return { title: `UPDATE 2-${article.title}`, body: `${body}\n\nCopyright Wire Service. All rights reserved. Click here for more market news.` };
}

// A light rewrite: about one sentence in seven dropped, two pairs swapped, six words replaced.
function rewrite(article: Story, random: () => number): Story {
  const replacements: Record<string, string> = {
    said: 'stated',
    rose: 'climbed',
    fell: 'dropped',
    company: 'firm',
    percent: 'pct',
    shares: 'stock',
    billion: 'bln',
    million: 'mln',
    also: 'additionally',
    expected: 'forecast',
  };
  let sentences = splitSentences(article.body).filter((_, index) => index === 0 || random() > 0.15);
  for (let swap = 0; swap < 2 && sentences.length > 3; swap += 1) {
    const at = 1 + Math.floor(random() * (sentences.length - 2));
    sentences = sentences.map((sentence, index) => (index === at ? sentences[at + 1] : index === at + 1 ? sentences[at] : sentence) ?? sentence);
  }
  let replaced = 0;
  const body = sentences
    .join(' ')
    .replace(/\b(said|rose|fell|company|percent|shares|billion|million|also|expected)\b/g, (word) => (replaced++ < 6 ? (replacements[word] ?? word) : word));
  return { title: article.title.replace(/\b\w+$/, 'news'), body };
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe.skipIf(!hasReuters)('near-duplicates among Reuters articles', () => {
  it('flags syndicated copies and light rewrites and almost never distinct articles', () => {
    const articles = readReuters();
    const sample = articles.filter((_, index) => index % 7 === 0).slice(0, 400);
    const random = seededRandom(7);
    const started = performance.now();
    const keys = sample.map((article) => dedupeKeys(article.title, article.body));
    const keysMs = (performance.now() - started) / sample.length;

    // Copies are found the way the store finds them: a shared band key, then the estimate.
    const found = (original: ReturnType<typeof dedupeKeys>, copy: Story): boolean => {
      const copyKeys = dedupeKeys(copy.title, copy.body);
      return copyKeys.bands.some((band) => original.bands.includes(band)) && isNearDuplicate(original.signature, copyKeys.signature);
    };
    let syndicatedFound = 0;
    let rewrittenFound = 0;
    sample.forEach((article, index) => {
      const original = keys[index];
      if (original === undefined) return;
      if (found(original, syndicate(article))) syndicatedFound += 1;
      if (found(original, rewrite(article, random))) rewrittenFound += 1;
    });

    const byBand = new Map<string, number[]>();
    let candidatePairs = 0;
    let falsePositives = 0;
    keys.forEach((key, index) => {
      const seen = new Set<number>();
      for (const band of key.bands) {
        for (const other of byBand.get(band) ?? []) {
          if (seen.has(other)) continue;
          seen.add(other);
          candidatePairs += 1;
          const otherKey = keys[other];
          if (otherKey !== undefined && isNearDuplicate(otherKey.signature, key.signature)) falsePositives += 1;
        }
        byBand.set(band, [...(byBand.get(band) ?? []), index]);
      }
    });
    const pairs = (sample.length * (sample.length - 1)) / 2;
    console.log(
      `dedupe: ${sample.length} Reuters articles, threshold ${NEAR_DUPLICATE_THRESHOLD}: syndicated recall ${(syndicatedFound / sample.length).toFixed(3)}, ` +
        `rewrite recall ${(rewrittenFound / sample.length).toFixed(3)}; ${candidatePairs} of ${pairs} distinct pairs share a band, ` +
        `${falsePositives} flagged (false-positive rate ${(falsePositives / pairs).toExponential(2)}); dedupeKeys ${keysMs.toFixed(2)} ms/article`,
    );
    expect(syndicatedFound / sample.length).toBeGreaterThanOrEqual(0.99);
    expect(rewrittenFound / sample.length).toBeGreaterThanOrEqual(0.9);
    expect(falsePositives / pairs).toBeLessThan(1e-4);
  });

  it('keeps different stories about the same company apart', () => {
    const articles = readReuters();
    // Articles tagged with the same primary instrument code, e.g. "( XOM.N )", are about one company.
    const byCompany = new Map<string, Story[]>();
    for (const article of articles) {
      const code = /\(\s*([A-Z]{1,5}\.[A-Z]{1,2})\s*\)/.exec(article.body)?.[1];
      if (code !== undefined) byCompany.set(code, [...(byCompany.get(code) ?? []), article]);
    }
    // The corpus itself holds a few re-publications of one story (a revised headline); a flagged
    // pair counts against the detector only when the headlines say they are different stories.
    const titleWords = (title: string): Set<string> => new Set(title.toLowerCase().match(/[a-z0-9]+/g) ?? []);
    const sameHeadline = (left: Story, right: Story): boolean => {
      const a = titleWords(left.title);
      const b = titleWords(right.title);
      const shared = [...a].filter((word) => b.has(word)).length;
      return shared / (a.size + b.size - shared) >= 0.5;
    };
    let pairs = 0;
    let republished = 0;
    let flagged = 0;
    let highest = 0;
    for (const group of byCompany.values()) {
      const stories = group.slice(0, 12);
      const keys = stories.map((article) => dedupeKeys(article.title, article.body));
      for (let left = 0; left < keys.length; left += 1) {
        for (let right = left + 1; right < keys.length; right += 1) {
          const a = keys[left];
          const b = keys[right];
          if (a === undefined || b === undefined) continue;
          const similarity = estimateSimilarity(a.signature, b.signature);
          const leftStory = stories[left];
          const rightStory = stories[right];
          if (leftStory !== undefined && rightStory !== undefined && sameHeadline(leftStory, rightStory)) {
            if (similarity >= NEAR_DUPLICATE_THRESHOLD) republished += 1;
            continue;
          }
          pairs += 1;
          highest = Math.max(highest, similarity);
          if (similarity >= NEAR_DUPLICATE_THRESHOLD) flagged += 1;
        }
      }
    }
    console.log(
      `dedupe: ${pairs} pairs of different stories on one company, ${flagged} flagged, highest estimated similarity ${highest.toFixed(3)}; ` +
        `${republished} re-publications of one story flagged`,
    );
    expect(pairs).toBeGreaterThan(500);
    expect(flagged).toBe(0);
  });
});
