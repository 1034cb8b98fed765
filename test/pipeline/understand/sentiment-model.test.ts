import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFeatures, DEFAULT_FEATURES, tokenize } from '../../../src/pipeline/understand/sentiment/features.ts';
import {
  classify,
  classifyHeadline,
  createSentimentModel,
  DEFAULT_MODEL_PATH,
  loadSentimentModel,
  type SentimentModelData,
} from '../../../src/pipeline/understand/sentiment/linear-model.ts';

const phraseBankFile = new URL('../../../../shared/data/sentiment/financial-phrasebank/Sentences_AllAgree.txt', import.meta.url);
const hasPhraseBank = existsSync(phraseBankFile);
if (!hasPhraseBank) console.warn(`sentiment model: ${phraseBankFile.pathname} is absent; the PhraseBank check is skipped`);

describe('the shipped sentiment model', () => {
  it('loads the weights once and describes its features', () => {
    const model = loadSentimentModel();
    expect(loadSentimentModel()).toBe(model);
    expect(model.features.bits).toBeGreaterThan(10);
    const data = JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as SentimentModelData;
    expect(data.meta.crossValidation?.macroF1 ?? 0).toBeGreaterThanOrEqual(0.75);
  });

  it('reads clear headlines', () => {
    expect(classify('Acme shares plunge after profit warning').label).toBe('negative');
    expect(classify('Acme beats estimates, raises guidance').label).toBe('positive');
    expect(classify('Acme to present at investor conference').label).toBe('neutral');
    expect(classify('Widgetco downgraded to sell at big bank on weak demand').label).toBe('negative');
    expect(classify('Widgetco stock soars to record high on strong quarterly sales').label).toBe('positive');
    expect(classify('Widgetco to hold annual shareholder meeting on May 4').label).toBe('neutral');
  });

  it('combines with the lexicon for headlines: the lexicon when it calls a tone, the model otherwise', () => {
    expect(classifyHeadline('Acme swung to a net profit in the third quarter')).toMatchObject({ label: 'positive', by: 'lexicon' });
    expect(classifyHeadline('Acme to present at investor conference')).toMatchObject({ label: 'neutral', by: 'model' });
  });

  it('gives probabilities that sum to one and a score with the sign of the label', () => {
    for (const text of ['Acme shares plunge after profit warning', 'Acme beats estimates, raises guidance', 'Acme to present at investor conference']) {
      const { label, score, probabilities } = classify(text);
      expect(probabilities.positive + probabilities.negative + probabilities.neutral).toBeCloseTo(1, 6);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
      if (label === 'positive') expect(score).toBeGreaterThan(0);
      if (label === 'negative') expect(score).toBeLessThan(0);
    }
  });

  it('is deterministic', () => {
    const text = 'Acme cuts full-year outlook as costs rise; shares fall 7% https://example.com/x $ACME';
    const first = classify(text);
    expect(classify(text)).toEqual(first);
    // A model built afresh from the same file agrees exactly.
    const fresh = createSentimentModel(JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as SentimentModelData);
    expect(fresh.classify(text)).toEqual(first);
  });

  it('completes on hostile input', () => {
    const repeated = 'aaaa'.repeat(250_000);
    expect(classify(repeated).label).toMatch(/^(positive|negative|neutral)$/);
    const words = 'Acme shares plunge $ACME 12.5% https://x.y/z @user '.repeat(20_000);
    expect(classify(words).label).toMatch(/^(positive|negative|neutral)$/);
    expect(classify('').label).toBe('neutral');
  });
});

describe('sentiment features', () => {
  it('normalises URLs, cashtags, users and numbers to placeholder tokens', () => {
    expect(tokenize('$TSLA up 12.5% after https://t.co/abc, says @trader: Q3 beat!')).toEqual([
      '<cashtag>',
      'up',
      '<num>',
      '%',
      'after',
      '<url>',
      'says',
      '<user>',
      'q3',
      'beat',
      '!',
    ]);
  });

  it('gives the same features for the same text, whatever the case', () => {
    const left = extractFeatures('Acme Beats Estimates', DEFAULT_FEATURES);
    const right = extractFeatures('acme beats estimates', DEFAULT_FEATURES);
    expect([...left.indices]).toEqual([...right.indices]);
    expect([...left.values]).toEqual([...right.values]);
  });
});

describe.skipIf(!hasPhraseBank)('the shipped model on held-out Financial PhraseBank (all agree)', () => {
  it('beats the majority class by a margin', () => {
    const items = readFileSync(phraseBankFile, 'latin1')
      .split(/\r?\n/)
      .filter((line) => line.includes('@'))
      .map((line) => ({ text: line.slice(0, line.lastIndexOf('@')), gold: line.slice(line.lastIndexOf('@') + 1).trim() }));
    const counts = new Map<string, number>();
    let correct = 0;
    const cells = new Map<string, number>();
    for (const { text, gold } of items) {
      const predicted = classify(text).label;
      counts.set(gold, (counts.get(gold) ?? 0) + 1);
      if (predicted === gold) correct += 1;
      cells.set(`${gold}>${predicted}`, (cells.get(`${gold}>${predicted}`) ?? 0) + 1);
    }
    const majority = Math.max(...counts.values()) / items.length;
    const accuracy = correct / items.length;
    const labels = ['positive', 'negative', 'neutral'];
    const cell = (gold: string, predicted: string): number => cells.get(`${gold}>${predicted}`) ?? 0;
    const macroF1 =
      labels.reduce((sum, name) => {
        const predicted = labels.reduce((total, gold) => total + cell(gold, name), 0);
        const actual = labels.reduce((total, guess) => total + cell(name, guess), 0);
        const precision = predicted === 0 ? 0 : cell(name, name) / predicted;
        const recall = actual === 0 ? 0 : cell(name, name) / actual;
        return sum + (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));
      }, 0) / labels.length;
    console.log(`sentiment model PhraseBank all agree: accuracy ${accuracy.toFixed(3)}, macro-F1 ${macroF1.toFixed(3)} (majority ${majority.toFixed(3)})`);
    expect(accuracy).toBeGreaterThan(majority + 0.1);
    expect(macroF1).toBeGreaterThan(0.7);
  });
});
