import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_FEATURES, type FeatureConfig } from '../src/pipeline/understand/sentiment/features.ts';
import { CLASSES, createSentimentModel, DEFAULT_MODEL_PATH, type SentimentClass } from '../src/pipeline/understand/sentiment/linear-model.ts';
import {
  evaluate,
  lexiconLabel,
  featuresOf,
  hasFile,
  pack,
  readTwitter,
  stratifiedFolds,
  train,
  twitterFile,
  type Evaluation,
  type TrainedModel,
  type TrainOptions,
} from './sentiment-training.ts';

// Train the linear sentiment model on the Twitter Financial News training split (MIT; the text
// stays out of the repository, only the weights ship), report 5-fold cross-validated macro-F1
// for the float and the int8 weights, then fit on the whole split and write
// data/sentiment-model.json. Deterministic: the same seed gives the same folds and weights.
//
//   npm run train:sentiment                 # CV + write the weights
//   npm run train:sentiment -- --cv-only    # figures only
//   npm run train:sentiment -- --l2 1e-5 --bits 18 --no-lexicon --no-balanced --char-max 0

export const DEFAULTS = { l2: 3e-6, iterations: 300, balanced: true, seed: 13, folds: 5 };

const { values: args } = parseArgs({
  options: {
    'cv-only': { type: 'boolean', default: false },
    'no-cv': { type: 'boolean', default: false },
    'no-lexicon': { type: 'boolean', default: false },
    'no-balanced': { type: 'boolean', default: false },
    l2: { type: 'string' },
    iterations: { type: 'string' },
    bits: { type: 'string' },
    'char-max': { type: 'string' },
    'word-ngrams': { type: 'string' },
    folds: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
  },
});

if (!hasFile(twitterFile)) {
  console.error(`train-sentiment: ${twitterFile.pathname} is absent (../shared/data); nothing to train on.`);
  process.exit(1);
}

const features: FeatureConfig = {
  ...DEFAULT_FEATURES,
  lexicon: !args['no-lexicon'],
  ...(args.bits === undefined ? {} : { bits: Number(args.bits) }),
  ...(args['char-max'] === undefined ? {} : { charMax: Number(args['char-max']) }),
  ...(args['word-ngrams'] === undefined ? {} : { wordNgrams: Number(args['word-ngrams']) }),
};
const options: TrainOptions = {
  l2: args.l2 === undefined ? DEFAULTS.l2 : Number(args.l2),
  iterations: args.iterations === undefined ? DEFAULTS.iterations : Number(args.iterations),
  balanced: !args['no-balanced'],
};
const seed = args.seed === undefined ? DEFAULTS.seed : Number(args.seed);
const folds = args.folds === undefined ? DEFAULTS.folds : Number(args.folds);

const examples = readTwitter();
const golds = examples.map((example) => example.gold);
const started = performance.now();
const vectors = featuresOf(
  examples.map((example) => example.text),
  features,
);
console.error(`train-sentiment: ${examples.length} examples, features in ${((performance.now() - started) / 1000).toFixed(1)} s`);

function predictFloat(model: TrainedModel, index: number): SentimentClass {
  const vector = vectors[index];
  if (vector === undefined) throw new Error('no vector');
  const logits = [...model.bias];
  vector.indices.forEach((bucket, slot) => {
    for (let k = 0; k < CLASSES.length; k += 1) logits[k] = (logits[k] ?? 0) + (model.weights[bucket * CLASSES.length + k] ?? 0) * (vector.values[slot] ?? 0);
  });
  return CLASSES[logits.indexOf(Math.max(...logits))] as SentimentClass;
}

let crossValidation: { folds: number; macroF1: number; accuracy: number } | undefined;
if (!args['no-cv']) {
  const assignment = stratifiedFolds(golds, folds, seed);
  const floatPredictions: SentimentClass[] = new Array(golds.length);
  const intPredictions: SentimentClass[] = new Array(golds.length);
  // The combination docs/sentiment.md recommends for headlines: the lexicon when it calls a tone.
  const combinedPredictions: SentimentClass[] = new Array(golds.length);
  const perFold: Evaluation[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const foldStart = performance.now();
    const trainIndices = golds.flatMap((_, index) => (assignment[index] === fold ? [] : [index]));
    const testIndices = golds.flatMap((_, index) => (assignment[index] === fold ? [index] : []));
    const model = train(
      trainIndices.map((index) => vectors[index] as (typeof vectors)[number]),
      trainIndices.map((index) => golds[index] as SentimentClass),
      features,
      options,
    );
    const quantised = createSentimentModel(pack(model, { trainedOn: 'fold', examples: 0, l2: 0, iterations: 0, balanced: false, seed }));
    for (const index of testIndices) {
      floatPredictions[index] = predictFloat(model, index);
      intPredictions[index] = quantised.classify(examples[index]?.text ?? '').label;
      const lexicon = lexiconLabel(examples[index]?.text ?? '');
      combinedPredictions[index] = lexicon === 'neutral' ? (intPredictions[index] as SentimentClass) : lexicon;
    }
    const foldEvaluation = evaluate(
      testIndices.map((index) => golds[index] as SentimentClass),
      testIndices.map((index) => intPredictions[index] as SentimentClass),
    );
    perFold.push(foldEvaluation);
    console.error(`  fold ${fold + 1}/${folds}: macro-F1 ${foldEvaluation.macroF1} in ${((performance.now() - foldStart) / 1000).toFixed(1)} s`);
  }
  const floatEvaluation = evaluate(golds, floatPredictions);
  const intEvaluation = evaluate(golds, intPredictions);
  crossValidation = { folds, macroF1: intEvaluation.macroF1, accuracy: intEvaluation.accuracy };
  console.log(
    JSON.stringify(
      {
        dataset: 'Twitter Financial News, training split',
        folds,
        seed,
        features,
        options,
        float: floatEvaluation,
        int8: intEvaluation,
        lexiconPolarFirst: evaluate(golds, combinedPredictions),
        lexiconAlone: evaluate(
          golds,
          examples.map((example) => lexiconLabel(example.text)),
        ),
        perFoldMacroF1: perFold.map((fold) => fold.macroF1),
        anchors: { finbert: 0.668, gpt4: 0.758, note: 'published figures are on the validation split' },
      },
      null,
      2,
    ),
  );
}

if (!args['cv-only']) {
  const model = train(vectors, golds, features, options);
  const data = pack(model, {
    trainedOn: 'Twitter Financial News sentiment, training split (zeroshot, MIT)',
    examples: examples.length,
    l2: options.l2,
    iterations: options.iterations,
    balanced: options.balanced,
    seed,
    ...(crossValidation === undefined ? {} : { crossValidation }),
  });
  const out = args.out ?? DEFAULT_MODEL_PATH;
  const json = `${JSON.stringify(data)}\n`;
  writeFileSync(out, json);
  console.error(`train-sentiment: wrote ${out instanceof URL ? out.pathname : out} (${(json.length / 1024).toFixed(0)} KiB)`);
}
