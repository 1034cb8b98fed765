import { describe, expect, it } from 'vitest';
import { entityTone } from '../../src/brief/entity-tone.ts';
import { scoreSentiment } from '../../src/pipeline/understand/sentiment/index.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/recognizer.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { hasReuters, loadReuters } from '../support/reuters-articles.ts';

// Sentences written for these tests; the Reuters check reads ../shared/data at test time.
const reference = loadReferenceIndex();
const recognizer = createEntityRecognizer(reference);

function tone(text: string, entityId: string): string {
  return entityTone({ title: '', text, entities: recognizer.recognize('', text) }, entityId, reference).label;
}

describe('entityTone: from the clauses about the entity', () => {
  it('does not give a rival the tone of the company that gains on it', () => {
    const text = 'BYD, which has been gaining ground on Tesla, reported record sales and strong growth.';
    expect(scoreSentiment('', text).label).toBe('positive');
    expect(tone(text, 'company:tesla')).not.toBe('positive');
    expect(tone(text, 'company:byd')).toBe('positive');
  });

  it('takes each company its own clause in a contrast', () => {
    const text = 'Tesla shares plunged after weak deliveries, while BYD posted record profit.';
    expect(tone(text, 'company:tesla')).toBe('negative');
    expect(tone(text, 'company:byd')).toBe('positive');
  });

  it('is not positive for a company that could go under, in an otherwise upbeat article', () => {
    const text = 'Boeing could liquidate its defence unit as losses mount. Airbus shares surged on strong demand and record orders.';
    expect(tone(text, 'company:boeing')).not.toBe('positive');
    expect(tone(text, 'company:airbus')).toBe('positive');
  });

  it('is neutral for a company the article only names in passing', () => {
    expect(tone('Analysts compared the results with those of Microsoft. Nvidia posted record profit and strong growth.', 'company:microsoft')).toBe('neutral');
  });
});

describe.skipIf(!hasReuters)('entityTone on Reuters articles (shared data)', () => {
  it('is neutral for entities no clause is about, and differs from the article tone for some entities', { timeout: 240_000 }, () => {
    const articles = loadReuters(reference, 20);
    let differing = 0;
    let pairs = 0;
    for (const article of articles) {
      for (const mention of article.entities.slice(0, 4)) {
        const own = entityTone(article, mention.id, reference);
        expect(own.score).toBeGreaterThanOrEqual(-1);
        expect(own.score).toBeLessThanOrEqual(1);
        pairs += 1;
        if (own.label !== scoreSentiment(article.title, article.text).label) differing += 1;
      }
    }
    console.log(`[entity-tone] ${differing}/${pairs} entity tones differ from their article's tone`);
    expect(pairs).toBeGreaterThan(50);
    expect(differing).toBeGreaterThan(0);
  });
});

describe('entity tone for organisations the reference lists do not know', () => {
  it('reads the tone of the clauses about an organisation found from its shape', () => {
    const text = 'Shares of Quorvane Analytics Inc jumped 14% after the company won a large contract. Rivals were little changed.';
    const id = recognizer.recognize('', text).find((mention) => mention.name.startsWith('Quorvane'))?.id ?? '';
    expect(id).not.toBe('');
    expect(tone(text, id)).toBe('positive');
    const fall = 'Brelliton Holdings slumped 9% after it cut its forecast and warned of weak demand.';
    const fallen = recognizer.recognize('', fall).find((mention) => mention.name.startsWith('Brelliton'))?.id ?? '';
    expect(tone(fall, fallen)).toBe('negative');
  });
});
