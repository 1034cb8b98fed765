// Analysis cost without a store: read → clean → understand (entities, topics, sentiment) → dedupe
// keys (content hash, MinHash signature, LSH bands) over the real plain-text articles in
// ../shared/data/articles, in CPU time (process.cpuUsage), so a busy machine inflates it less
// than wall time. Each stage runs over the whole corpus in turn; the median of several passes is
// reported, with the per-stage split and the load average.
// Run: npm run bench:analysis [-- --passes N] [-- --save FILE | --compare FILE]
//   --save FILE     writes every article's outputs (title, entities, topics, sentiment, hash,
//                   signature, bands) as JSON lines, to compare after a change
//   --compare FILE  checks this run's outputs against a saved file and counts differences per field
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CleanArticle, EntityMention, RawArticle, Sentiment } from '../src/domain/index.ts';
import { cleanArticle } from '../src/pipeline/clean/index.ts';
import { contentHashOfWords, dedupeKeysOfWords, normalisedWords } from '../src/pipeline/dedupe/index.ts';
import { readArticles } from '../src/pipeline/read/index.ts';
import { createEntityRecognizer } from '../src/pipeline/understand/entities/index.ts';
import { loadReferenceIndex } from '../src/pipeline/understand/index.ts';
import { scoreSentiment } from '../src/pipeline/understand/sentiment/index.ts';
import { assignTopics } from '../src/pipeline/understand/topics/index.ts';
import type { DedupeKeys } from '../src/ports/index.ts';
import { loadTextCorpus, requireCorpus } from './support/corpus.ts';
import { progress, runBenchmark } from './support/report.ts';
import { median, round } from './support/stats.ts';

const NAME = 'analysis';
/** Goal of issue 14 for the whole ingest (store included) per CPU-second; analysis alone must leave room for the store. */
const INGEST_GOAL = 1_000;

const { values: options } = parseArgs({
  options: { passes: { type: 'string', default: '3' }, save: { type: 'string' }, compare: { type: 'string' } },
});
const passes = Math.max(1, Number(options.passes));

function cpuMicroseconds(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** Runs `work` over every item and returns the outputs and the CPU milliseconds it took. */
function timed<In, Out>(items: readonly In[], work: (item: In, index: number) => Out): { outputs: Out[]; ms: number } {
  const started = cpuMicroseconds();
  const outputs = items.map(work);
  return { outputs, ms: (cpuMicroseconds() - started) / 1000 };
}

interface Output {
  title: string;
  entities: string;
  topics: string;
  sentiment: string;
  contentHash: string;
  signature: string;
  bands: string;
}

interface Analysis {
  entities: EntityMention[];
  topics: string[];
  sentiment: Sentiment;
  contentHash: string;
  dedupe: DedupeKeys;
}

function describe(clean: CleanArticle, analysis: Analysis): Output {
  return {
    title: clean.title,
    entities: JSON.stringify(analysis.entities),
    topics: analysis.topics.join(','),
    sentiment: `${analysis.sentiment.label} ${analysis.sentiment.score}`,
    contentHash: analysis.contentHash,
    signature: Buffer.from(analysis.dedupe.signature.buffer).toString('base64'),
    bands: analysis.dedupe.bands.join(','),
  };
}

await runBenchmark(NAME, async () => {
  requireCorpus();
  const corpus = loadTextCorpus().map((item) => ({ name: item.name, bytes: new TextEncoder().encode(item.content) }));
  const reference = loadReferenceIndex();
  const recognizer = createEntityRecognizer(reference);
  progress(NAME, `${corpus.length} plain-text articles, ${passes} passes (+1 warm-up)`);
  const runs: Array<Record<string, number>> = [];
  let outputs: Output[] = [];
  for (let pass = 0; pass <= passes; pass += 1) {
    const read = timed(corpus, (item) => readArticles(item)[0] as RawArticle);
    const clean = timed(read.outputs, (raw) => {
      try {
        return cleanArticle(raw);
      } catch {
        return null;
      }
    });
    const articles = clean.outputs.filter((article): article is CleanArticle => article !== null);
    // The stages as src/pipeline/ingest-article.ts and understand/analyze.ts run them.
    const entities = timed(articles, (article) => recognizer.recognize(article.title, article.text));
    const topics = timed(articles, (article, index) =>
      assignTopics({ title: article.title, text: article.text, entities: entities.outputs[index] ?? [] }, reference),
    );
    const sentiment = timed(articles, (article) => scoreSentiment(article.title, article.text));
    const words = timed(articles, (article) => ({ title: normalisedWords(article.title), text: normalisedWords(article.text) }));
    const hash = timed(words.outputs, (pair) => contentHashOfWords(pair.title, pair.text));
    const minhash = timed(words.outputs, (pair) => dedupeKeysOfWords([...pair.title, ...pair.text]));
    const stages = {
      entities: entities.ms,
      topics: topics.ms,
      sentiment: sentiment.ms,
      dedupeWords: words.ms,
      contentHash: hash.ms,
      minhash: minhash.ms,
    };
    const analysed = articles.map(
      (_article, index): Analysis => ({
        entities: entities.outputs[index] ?? [],
        topics: topics.outputs[index] ?? [],
        sentiment: sentiment.outputs[index] as Sentiment,
        contentHash: hash.outputs[index] ?? '',
        dedupe: minhash.outputs[index] as DedupeKeys,
      }),
    );
    const analysisMs = Object.values(stages).reduce((sum, value) => sum + value, 0);
    const total = read.ms + clean.ms + analysisMs;
    const run = { read: read.ms, clean: clean.ms, ...stages, total, articles: articles.length };
    if (pass > 0) runs.push(run);
    if (pass === 0) outputs = articles.map((article, index) => describe(article, analysed[index] as Analysis));
    progress(NAME, `pass ${pass}${pass === 0 ? ' (warm-up)' : ''}: ${round((corpus.length / total) * 1000, 0)} articles per CPU-second`);
  }

  const medianOf = (key: string) => median(runs.map((run) => run[key] ?? 0));
  const totalMs = medianOf('total');
  const perSecond = round((corpus.length / totalMs) * 1000, 0);
  const stageKeys = Object.keys(runs[0] ?? {}).filter((key) => key !== 'total' && key !== 'articles');
  const split = Object.fromEntries(
    stageKeys.map((key) => [key, { msPerArticle: round(medianOf(key) / corpus.length, 3), share: round(medianOf(key) / totalMs, 3) }]),
  );

  const digests: Record<string, string> = {};
  for (const field of ['title', 'entities', 'topics', 'sentiment', 'contentHash', 'signature', 'bands'] as const) {
    const hash = createHash('sha256');
    for (const output of outputs) hash.update(`${output[field]}\n`);
    digests[field] = hash.digest('hex').slice(0, 16);
  }
  if (options.save !== undefined) writeFileSync(options.save, `${outputs.map((output) => JSON.stringify(output)).join('\n')}\n`);
  let differences: Record<string, number> | null = null;
  if (options.compare !== undefined) {
    const saved = readFileSync(options.compare, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Output);
    differences = { articles: saved.length === outputs.length ? 0 : Math.abs(saved.length - outputs.length) };
    for (const [index, output] of outputs.entries()) {
      const before = saved[index];
      for (const field of Object.keys(output) as Array<keyof Output>) {
        if (before?.[field] !== output[field]) differences[field] = (differences[field] ?? 0) + 1;
      }
    }
  }

  const summary = [
    { figure: 'plain-text analysis (read → dedupe keys, no store) per CPU-second', value: `${perSecond} (ingest goal ≥ ${INGEST_GOAL} with the store)` },
    ...stageKeys.map((key) => ({ figure: `  ${key} ms per article`, value: `${split[key]?.msPerArticle} (${round((split[key]?.share ?? 0) * 100, 1)} %)` })),
  ];
  if (differences !== null) summary.push({ figure: 'outputs differing from the saved run', value: JSON.stringify(differences) });
  return {
    parameters: { articles: corpus.length, analysed: runs[0]?.['articles'] ?? 0, passes },
    figures: { articlesPerCpuSecond: perSecond, cpuMsPerArticle: round(totalMs / corpus.length, 3), split, digests, differences },
    summary,
    notes: [
      'CPU time (user + system) of this process per stage, each stage run over the whole corpus in turn; median of the passes after a warm-up.',
      'Articles the cleaner rejects count in read and clean only; the digests fingerprint every output so a refactor can be checked for identical results.',
    ],
  };
});
