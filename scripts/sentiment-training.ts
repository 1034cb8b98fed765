import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sentenceSentiment } from '../src/pipeline/understand/sentiment/sentiment.ts';
import { extractFeatures, type FeatureConfig, type FeatureVector } from '../src/pipeline/understand/sentiment/features.ts';
import { lbfgs } from './sentiment-lbfgs.ts';
import { CLASSES, type SentimentClass, type SentimentModelData } from '../src/pipeline/understand/sentiment/linear-model.ts';

// Shared by scripts/train-sentiment.ts, scripts/eval-sentiment.ts and the model's test: the
// evaluation sets, the metrics and the trainer (multinomial logistic regression with L2, fitted
// by full-batch L-BFGS: deterministic, no learning rate to tune).

export const dataDirectory = new URL('../../shared/data/sentiment/', import.meta.url);
export const twitterFile = new URL('twitter-financial-news/sent_train.csv', dataDirectory);
export const phraseBankDirectory = new URL('financial-phrasebank/', dataDirectory);
export const semEvalFile = new URL('fiqa-semeval-sentiment/SemEval2017Task5_subtask2_headlines.json', dataDirectory);
export const fiqaFile = new URL('fiqa-semeval-sentiment/FiQA_task1_post.json', dataDirectory);

export interface Example {
  text: string;
  gold: SentimentClass;
}

/** Twitter Financial News labels: 0 bearish, 1 bullish, 2 neutral. */
const TWITTER_LABELS: Record<string, SentimentClass> = { '0': 'negative', '1': 'positive', '2': 'neutral' };

/** The lexicon scorer's label of a sentence (it never says `mixed` of one sentence). */
export function lexiconLabel(text: string): SentimentClass {
  const { label } = sentenceSentiment(text);
  return label === 'mixed' ? 'neutral' : label;
}

export function hasFile(file: URL): boolean {
  return existsSync(file);
}

export function readTwitter(): Example[] {
  const rows = parse(readFileSync(twitterFile, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<{ text: string; label: string }>;
  return rows.map((row) => {
    const gold = TWITTER_LABELS[row.label.trim()];
    if (gold === undefined) throw new Error(`unknown label ${row.label}`);
    return { text: row.text, gold };
  });
}

/** Financial PhraseBank: `sentence@label` lines in ISO-8859-1. */
export function readPhraseBank(file: string): Example[] {
  return readFileSync(new URL(file, phraseBankDirectory), 'latin1')
    .split(/\r?\n/)
    .filter((line) => line.includes('@'))
    .map((line) => {
      const at = line.lastIndexOf('@');
      return { text: line.slice(0, at), gold: line.slice(at + 1).trim() as SentimentClass };
    });
}

/** The mapping docs/sentiment.md used for the lexicon: a gold score beyond ±0.1 is polar. */
export function scoreToLabel(score: number): SentimentClass {
  return score > 0.1 ? 'positive' : score < -0.1 ? 'negative' : 'neutral';
}

export function readSemEval(): Example[] {
  const items = JSON.parse(readFileSync(semEvalFile, 'utf8')) as Array<{ title: string; sentiment: number }>;
  return items.map((item) => ({ text: item.title, gold: scoreToLabel(item.sentiment) }));
}

export function readFiqa(): Example[] {
  const posts = Object.values(JSON.parse(readFileSync(fiqaFile, 'utf8')) as Record<string, { sentence: string; info: Array<{ sentiment_score: string }> }>);
  return posts.map((post) => ({ text: post.sentence, gold: scoreToLabel(Number(post.info[0]?.sentiment_score ?? 0)) }));
}

export interface Evaluation {
  accuracy: number;
  macroF1: number;
  count: number;
}

export function evaluate(golds: readonly SentimentClass[], predictions: readonly SentimentClass[]): Evaluation {
  const cells = new Map<string, number>();
  let correct = 0;
  golds.forEach((gold, index) => {
    const predicted = predictions[index];
    if (predicted === gold) correct += 1;
    cells.set(`${gold}>${predicted}`, (cells.get(`${gold}>${predicted}`) ?? 0) + 1);
  });
  const cell = (gold: string, predicted: string): number => cells.get(`${gold}>${predicted}`) ?? 0;
  let f1Sum = 0;
  for (const name of CLASSES) {
    const truePositives = cell(name, name);
    const predicted = CLASSES.reduce((sum, gold) => sum + cell(gold, name), 0);
    const actual = CLASSES.reduce((sum, guess) => sum + cell(name, guess), 0);
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = actual === 0 ? 0 : truePositives / actual;
    f1Sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return { accuracy: round(correct / golds.length), macroF1: round(f1Sum / CLASSES.length), count: golds.length };
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** mulberry32, the same generator as test/support/seeded-random.ts. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold numbers 0…folds-1, stratified by class, shuffled with the seed. */
export function stratifiedFolds(golds: readonly SentimentClass[], folds: number, seed: number): Int8Array {
  const random = seededRandom(seed);
  const assignment = new Int8Array(golds.length);
  for (const name of CLASSES) {
    const members = golds.flatMap((gold, index) => (gold === name ? [index] : []));
    for (let index = members.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [members[index], members[other]] = [members[other] as number, members[index] as number];
    }
    members.forEach((member, rank) => {
      assignment[member] = rank % folds;
    });
  }
  return assignment;
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the biases), per example. */
  l2: number;
  iterations: number;
  /** Weigh each class by total / (classes × its count): helps macro-F1 on the rare classes. */
  balanced: boolean;
}

export interface TrainedModel {
  features: FeatureConfig;
  /** Buckets × classes, row-major, float. */
  weights: Float64Array;
  bias: Float64Array;
}

const K = CLASSES.length;

export function featuresOf(texts: readonly string[], config: FeatureConfig): FeatureVector[] {
  return texts.map((text) => extractFeatures(text, config));
}

/** Fit a multinomial logistic regression by L-BFGS over the buckets the examples use. */
export function train(vectors: readonly FeatureVector[], golds: readonly SentimentClass[], config: FeatureConfig, options: TrainOptions): TrainedModel {
  const classIndex = golds.map((gold) => CLASSES.indexOf(gold));
  const classCounts = new Float64Array(K);
  for (const index of classIndex) classCounts[index] = (classCounts[index] ?? 0) + 1;
  const exampleWeights = new Float64Array(golds.length);
  classIndex.forEach((index, example) => {
    exampleWeights[example] = options.balanced ? golds.length / (K * (classCounts[index] ?? 1)) : 1;
  });
  // Compact the used buckets to columns 0…used-1.
  const columnOf = new Map<number, number>();
  const columns = vectors.map((vector) => {
    const mapped = new Int32Array(vector.indices.length);
    vector.indices.forEach((bucket, slot) => {
      let column = columnOf.get(bucket);
      if (column === undefined) {
        column = columnOf.size;
        columnOf.set(bucket, column);
      }
      mapped[slot] = column;
    });
    return mapped;
  });
  const used = columnOf.size;
  const dimension = used * K + K;
  const count = vectors.length;
  const logits = new Float64Array(K);

  const objective = (x: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    for (let example = 0; example < count; example += 1) {
      const vector = vectors[example] as FeatureVector;
      const cols = columns[example] as Int32Array;
      for (let k = 0; k < K; k += 1) logits[k] = x[used * K + k] as number;
      for (let slot = 0; slot < cols.length; slot += 1) {
        const base = (cols[slot] as number) * K;
        const value = vector.values[slot] as number;
        for (let k = 0; k < K; k += 1) logits[k] = (logits[k] as number) + (x[base + k] as number) * value;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k += 1) max = Math.max(max, logits[k] as number);
      let sum = 0;
      for (let k = 0; k < K; k += 1) {
        logits[k] = Math.exp((logits[k] as number) - max);
        sum += logits[k] as number;
      }
      const gold = classIndex[example] as number;
      const weight = (exampleWeights[example] as number) / count;
      loss -= weight * Math.log(Math.max((logits[gold] as number) / sum, 1e-300));
      for (let k = 0; k < K; k += 1) {
        const residual = weight * ((logits[k] as number) / sum - (k === gold ? 1 : 0));
        gradient[used * K + k] = (gradient[used * K + k] as number) + residual;
        for (let slot = 0; slot < cols.length; slot += 1) {
          const at = (cols[slot] as number) * K + k;
          gradient[at] = (gradient[at] as number) + residual * (vector.values[slot] as number);
        }
      }
    }
    for (let index = 0; index < used * K; index += 1) {
      const value = x[index] as number;
      loss += 0.5 * options.l2 * value * value;
      gradient[index] = (gradient[index] as number) + options.l2 * value;
    }
    return loss;
  };

  const x = lbfgs(objective, dimension, options.iterations);
  const weights = new Float64Array((1 << config.bits) * K);
  for (const [bucket, column] of columnOf) {
    for (let k = 0; k < K; k += 1) weights[bucket * K + k] = x[column * K + k] as number;
  }
  return { features: config, weights, bias: x.slice(used * K) };
}

/**
 * Quantise to int8 with one scale for all weights (max |w| / 127) and pack for
 * data/sentiment-model.json. Biases stay floats (three numbers).
 */
export function pack(model: TrainedModel, meta: SentimentModelData['meta']): SentimentModelData {
  let max = 0;
  for (const value of model.weights) max = Math.max(max, Math.abs(value));
  const scale = max === 0 ? 1 : max / 127;
  const quantised = new Int8Array(model.weights.length);
  for (let index = 0; index < model.weights.length; index += 1) quantised[index] = Math.round((model.weights[index] as number) / scale);
  return {
    format: 'market-brief-sentiment-linear/1',
    classes: [...CLASSES],
    features: model.features,
    scale,
    bias: [...model.bias].map((value) => Number(value.toFixed(6))),
    weights: Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength).toString('base64'),
    meta,
  };
}
