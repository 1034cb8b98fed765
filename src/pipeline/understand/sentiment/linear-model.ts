import { readFileSync } from 'node:fs';
import { extractFeatures, type FeatureConfig, lexiconScore } from './features.ts';

// A trained linear sentiment classifier: multinomial logistic regression over hashed word and
// character n-grams (features.ts), trained by scripts/train-sentiment.ts on the Twitter
// Financial News training split (MIT). The weights are int8 in data/sentiment-model.json and are
// read once, on first use. See docs/sentiment.md for the figures and when to use it.

/** The classes in the order of the model's outputs. */
export const CLASSES = ['negative', 'positive', 'neutral'] as const;
export type SentimentClass = (typeof CLASSES)[number];

/** The weights file. */
export interface SentimentModelData {
  format: 'market-brief-sentiment-linear/1';
  classes: SentimentClass[];
  features: FeatureConfig;
  /** A weight is its int8 value times this scale. */
  scale: number;
  bias: number[];
  /** base64 of int8 weights, buckets × classes, row-major. */
  weights: string;
  meta: {
    trainedOn: string;
    examples: number;
    l2: number;
    iterations: number;
    balanced: boolean;
    seed: number;
    crossValidation?: { folds: number; macroF1: number; accuracy: number };
  };
}

export interface ModelSentiment {
  label: SentimentClass;
  /** P(positive) − P(negative): -1 … 1. */
  score: number;
  probabilities: Record<SentimentClass, number>;
}

export interface SentimentModel {
  /** `lexiconRaw`: the text's lexiconScore (features.ts), when the caller has computed it already. */
  classify(text: string, lexiconRaw?: number): ModelSentiment;
  readonly features: FeatureConfig;
}

export const DEFAULT_MODEL_PATH = new URL('../../../../data/sentiment-model.json', import.meta.url);

/** A model from the parsed weights file. */
export function createSentimentModel(data: SentimentModelData): SentimentModel {
  if (data.format !== 'market-brief-sentiment-linear/1') throw new Error(`unknown sentiment model format: ${String(data.format)}`);
  if (data.classes.join() !== CLASSES.join()) throw new Error(`sentiment model classes ${data.classes.join()} are not ${CLASSES.join()}`);
  const bytes = Buffer.from(data.weights, 'base64');
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = 2 ** data.features.bits * CLASSES.length;
  if (weights.length !== size) throw new Error(`sentiment model has ${weights.length} weights, expected ${size}`);
  const { scale, features } = data;
  const [biasNegative = 0, biasPositive = 0, biasNeutral = 0] = data.bias;
  return {
    features,
    classify(text: string, lexiconRaw?: number): ModelSentiment {
      const { indices, values } = extractFeatures(text, features, lexiconRaw);
      let negative = 0;
      let positive = 0;
      let neutral = 0;
      for (let slot = 0; slot < indices.length; slot += 1) {
        const base = (indices[slot] as number) * 3;
        const value = values[slot] as number;
        negative += (weights[base] as number) * value;
        positive += (weights[base + 1] as number) * value;
        neutral += (weights[base + 2] as number) * value;
      }
      negative = negative * scale + biasNegative;
      positive = positive * scale + biasPositive;
      neutral = neutral * scale + biasNeutral;
      const max = Math.max(negative, positive, neutral);
      const eNegative = Math.exp(negative - max);
      const ePositive = Math.exp(positive - max);
      const eNeutral = Math.exp(neutral - max);
      const sum = eNegative + ePositive + eNeutral;
      const probabilities = { negative: eNegative / sum, positive: ePositive / sum, neutral: eNeutral / sum };
      const label: SentimentClass =
        probabilities.positive > probabilities.negative && probabilities.positive > probabilities.neutral
          ? 'positive'
          : probabilities.negative > probabilities.neutral
            ? 'negative'
            : 'neutral';
      return { label, score: probabilities.positive - probabilities.negative, probabilities };
    },
  };
}

const loaded = new Map<string, SentimentModel>();

/** The model in a weights file (default data/sentiment-model.json), read once per path. */
export function loadSentimentModel(path: string | URL = DEFAULT_MODEL_PATH): SentimentModel {
  const key = path instanceof URL ? path.href : path;
  let model = loaded.get(key);
  if (model === undefined) {
    model = createSentimentModel(JSON.parse(readFileSync(path, 'utf8')) as SentimentModelData);
    loaded.set(key, model);
  }
  return model;
}

/** Classify a headline or sentence with the shipped model (loaded on the first call). */
export function classify(text: string): ModelSentiment {
  return loadSentimentModel().classify(text);
}

/** The lexicon's polar threshold (src/pipeline/understand/sentiment/sentiment.ts). */
const LEXICON_POLAR = 0.5;

/**
 * The measured choice for headlines and short items (docs/sentiment.md): the lexicon's label
 * when it calls a tone, otherwise the model's. `score` is the lexicon's tanh(raw / 1.5) when the
 * lexicon decided, the model's otherwise; `probabilities` are always the model's.
 */
export function classifyHeadline(text: string, model: SentimentModel = loadSentimentModel()): ModelSentiment & { by: 'lexicon' | 'model' } {
  // The lexicon's score is also one of the model's features: computed once for both.
  const raw = lexiconScore(text);
  const fromModel = model.classify(text, raw);
  if (Math.abs(raw) < LEXICON_POLAR) return { ...fromModel, by: 'model' };
  return { ...fromModel, label: raw > 0 ? 'positive' : 'negative', score: Math.tanh(raw / 1.5), by: 'lexicon' };
}

/**
 * classifyHeadline's label, score and source without the model's probabilities: the model runs
 * only when the lexicon calls no polar tone (what ingest needs for every headline).
 */
export function headlineTone(text: string, model: SentimentModel = loadSentimentModel()): { label: SentimentClass; score: number; by: 'lexicon' | 'model' } {
  const raw = lexiconScore(text);
  if (Math.abs(raw) >= LEXICON_POLAR) return { label: raw > 0 ? 'positive' : 'negative', score: Math.tanh(raw / 1.5), by: 'lexicon' };
  const { label, score } = model.classify(text, raw);
  return { label, score, by: 'model' };
}
