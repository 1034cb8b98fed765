import { classifyHeadline, loadSentimentModel, type SentimentClass } from '../src/pipeline/understand/sentiment/linear-model.ts';
import {
  evaluate,
  lexiconLabel,
  fiqaFile,
  hasFile,
  phraseBankDirectory,
  readFiqa,
  readPhraseBank,
  readSemEval,
  readTwitter,
  round,
  semEvalFile,
  twitterFile,
  type Example,
} from './sentiment-training.ts';

// Compare, on sets the model never trained on, (a) the lexicon scorer `sentenceSentiment`,
// (b) the linear model and (c) combinations of the two; print JSON.
//
//   node scripts/eval-sentiment.ts
//
// Financial PhraseBank (the lexicon was tuned by reading its errors: its figures flatter the
// lexicon), SemEval-2017 headlines and FiQA-2018 posts (gold score beyond ±0.1 is polar, as in
// docs/sentiment.md; neither scorer was tuned on them). The Twitter Financial News training
// split is shown for the lexicon only: the model's figure there is its cross-validation
// (npm run train:sentiment).

const sets: Array<{ name: string; file: URL; read: () => Example[] }> = [
  { name: 'phrasebank-50agree', file: new URL('Sentences_50Agree.txt', phraseBankDirectory), read: () => readPhraseBank('Sentences_50Agree.txt') },
  { name: 'phrasebank-allagree', file: new URL('Sentences_AllAgree.txt', phraseBankDirectory), read: () => readPhraseBank('Sentences_AllAgree.txt') },
  { name: 'semeval2017-headlines', file: semEvalFile, read: readSemEval },
  { name: 'fiqa2018-posts', file: fiqaFile, read: readFiqa },
];

const present = sets.filter((set) => hasFile(set.file));
if (present.length === 0) {
  console.error('eval-sentiment: ../shared/data/sentiment is absent; skipping the evaluation.');
  process.exit(0);
}
for (const set of sets) if (!present.includes(set)) console.error(`eval-sentiment: ${set.file.pathname} is absent; ${set.name} skipped.`);

const model = loadSentimentModel();
/** Words in a text: the combination below switches scorer on length. */
const wordCount = (text: string): number => text.split(' ').filter((word) => word !== '').length;
const LONG_WORDS = 20;

type Scorer = (text: string) => SentimentClass;
const scorers: Record<string, Scorer> = {
  lexicon: (text) => lexiconLabel(text),
  model: (text) => model.classify(text).label,
  // The lexicon for long (body) sentences, the model for short items.
  'by-length': (text) => (wordCount(text) >= LONG_WORDS ? lexiconLabel(text) : model.classify(text).label),
  // The lexicon when it calls a polar tone, otherwise the model.
  // classifyHeadline: the lexicon when it calls a polar tone, otherwise the model.
  'lexicon-polar-first': (text) => classifyHeadline(text, model).label,
};

const results: Record<string, unknown> = {};
for (const set of present) {
  const examples = set.read();
  const golds = examples.map((example) => example.gold);
  const figures: Record<string, unknown> = {};
  for (const [name, scorer] of Object.entries(scorers))
    figures[name] = evaluate(
      golds,
      examples.map((example) => scorer(example.text)),
    );
  // Split by length, to decide where each scorer belongs.
  for (const [part, keep] of [
    ['short (<20 words)', (text: string) => wordCount(text) < LONG_WORDS],
    ['long (>=20 words)', (text: string) => wordCount(text) >= LONG_WORDS],
  ] as const) {
    const subset = examples.filter((example) => keep(example.text));
    if (subset.length === 0) continue;
    figures[part] = {
      count: subset.length,
      lexicon: evaluate(
        subset.map((example) => example.gold),
        subset.map((example) => scorers.lexicon?.(example.text) ?? 'neutral'),
      ).macroF1,
      model: evaluate(
        subset.map((example) => example.gold),
        subset.map((example) => scorers.model?.(example.text) ?? 'neutral'),
      ).macroF1,
    };
  }
  results[set.name] = figures;
}

if (hasFile(twitterFile)) {
  const examples = readTwitter();
  results['twitter-financial-news-train'] = {
    lexicon: evaluate(
      examples.map((example) => example.gold),
      examples.map((example) => lexiconLabel(example.text)),
    ),
    model: 'see the cross-validation of npm run train:sentiment (the model trained on this split)',
  };
}

// Speed: classifications per CPU-second on headlines (SemEval titles, or a written set).
const headlines = hasFile(semEvalFile)
  ? readSemEval().map((example) => example.text)
  : ['Acme shares plunge after profit warning', 'Acme beats estimates, raises guidance', 'Acme to present at investor conference'];
const perCpuSecond = (scorer: Scorer): number => {
  for (const text of headlines) scorer(text); // warm up
  const start = process.cpuUsage();
  let done = 0;
  while (done < 20_000) {
    for (const text of headlines) scorer(text);
    done += headlines.length;
  }
  const used = process.cpuUsage(start);
  return Math.round(done / ((used.user + used.system) / 1e6));
};
const loadStart = process.hrtime.bigint();
// (Already loaded above: a fresh path measures one read-and-decode of the weights file.)
loadSentimentModel(new URL('../data/sentiment-model.json', import.meta.url).pathname);
const modelLoadMs = round(Number(process.hrtime.bigint() - loadStart) / 1e6);
results['speed'] = {
  headlineClassificationsPerCpuSecond: { lexicon: perCpuSecond(scorers.lexicon as Scorer), model: perCpuSecond(scorers.model as Scorer) },
  modelLoadMs,
};

console.log(JSON.stringify(results, null, 2));
