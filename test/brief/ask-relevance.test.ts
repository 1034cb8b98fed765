import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/brief/answer.ts';
import { asksWhy, givesCause, matchesFocus, movesAsAsked, questionFocus, stem, withOtherForms } from '../../src/brief/relevance.ts';
import { ingestArticle } from '../../src/pipeline/ingest-article.ts';
import { createAnalyzer } from '../../src/pipeline/understand/analyze.ts';
import { loadReferenceIndex } from '../../src/pipeline/understand/reference/load.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { SHARED_DATA } from '../support/run-cli.ts';

const reference = loadReferenceIndex();
const stores: Array<ReturnType<typeof createSqliteStore>> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function storeWith(articles: Array<{ title: string; text: string; publishedAt?: string }>) {
  const store = createSqliteStore(':memory:');
  stores.push(store);
  const services = { store, clock: { now: () => new Date('2026-11-24T08:00:00Z') }, analyzer: createAnalyzer(reference) };
  for (const article of articles) await ingestArticle(article, services);
  return store;
}

const lines = (reply: Awaited<ReturnType<typeof answerQuestion>>) => reply.sections.flatMap((section) => section.lines.map((line) => line.text));
const NOTHING = /haven't read anything that answers this.*\/company.*\/market/;

const inflation = {
  title: 'Fed minutes: price pressures eased',
  text: 'Fed officials said price pressures had eased in recent months. They kept interest rates unchanged.',
};
const fraud = { title: 'SEC charges bullion dealer', text: 'The SEC charged a gold dealer with fraud on Tuesday. The dealer denied wrongdoing.' };
const goldMove = {
  title: 'Gold climbs on a weaker dollar',
  text: 'Gold rose 1% to $2,400 an ounce on Wednesday as the dollar weakened. Traders cited safe-haven demand.',
};

describe('/ask answers only from passages that match what the question asks about', () => {
  it('says nothing stored answers when passages share a word but not the measure or the subject', async () => {
    const store = await storeWith([inflation, fraud]);
    const reply = await answerQuestion('what is the price of gold?', { store, reference });
    expect(reply.sources).toEqual([]);
    expect(lines(reply)[0]).toMatch(NOTHING);
  });

  it('answers from the passage that names the subject and gives its price', async () => {
    const store = await storeWith([inflation, fraud, goldMove]);
    const reply = await answerQuestion('what is the price of gold?', { store, reference });
    expect(lines(reply)).toEqual(['Gold rose 1% to $2,400 an ounce on Wednesday as the dollar weakened.']);
    expect(reply.sources.map((source) => source.title)).toEqual([goldMove.title]);
  });

  it('keeps to the year the question asks about', async () => {
    const store = await storeWith([
      { title: 'Copper 2017', text: 'Copper prices rose 2% to a three-year high on Chinese demand.', publishedAt: '2017-05-02T10:00:00Z' },
      { title: 'Copper 2026', text: 'Copper prices fell 4% as Chinese demand slowed.', publishedAt: '2026-11-20T10:00:00Z' },
    ]);
    const reply = await answerQuestion('what did copper prices do in 2017?', { store, reference });
    expect(reply.sources.map((source) => source.title)).toEqual(['Copper 2017']);
    const none = await answerQuestion('what did copper prices do in 2012?', { store, reference });
    expect(lines(none)[0]).toMatch(NOTHING);
  });

  it('without a name in the question, needs the subject words, not only a shared measure', async () => {
    const store = await storeWith([inflation]);
    const reply = await answerQuestion('what is the rate of unemployment in Brazil?', { store, reference });
    expect(lines(reply)[0]).toMatch(NOTHING);
  });
});

describe('question focus', () => {
  it('splits measure, time and subject', () => {
    const focus = questionFocus(['price', 'gold', '2008', 'October']);
    expect(focus.measures).toHaveLength(1);
    expect(focus.years).toEqual([2008]);
    expect(focus.months).toEqual(['october']);
    expect(focus.subject).toEqual(['gold']);
    const passage = (text: string, publishedAt: string | null = null) => ({ text, publishedAt, stems: new Set(text.split(/\W+/).filter(Boolean).map(stem)) });
    expect(matchesFocus(focus, passage('Gold price jumped in October 2008'), false)).toBe(true);
    expect(matchesFocus(focus, passage('Gold price jumped in October', '2008-10-03T00:00:00Z'), false)).toBe(true);
    expect(matchesFocus(focus, passage('Gold price jumped in October 2009'), false)).toBe(false);
    expect(matchesFocus(focus, passage('Gold was mentioned in October 2008'), false)).toBe(false);
  });

  it('takes a measure in the plural and the singular alike', () => {
    const passage = (text: string) => ({ text, publishedAt: null, stems: new Set(text.split(/\W+/).filter(Boolean).map(stem)) });
    expect(matchesFocus(questionFocus(['rates']), passage('The central bank cut interest rates by half a point'), true)).toBe(true);
    expect(matchesFocus(questionFocus(['rate']), passage('The central bank cut interest rates by half a point'), true)).toBe(true);
    expect(matchesFocus(questionFocus(['costs']), passage('Fuel cost the airline more this quarter'), true)).toBe(true);
    expect(matchesFocus(questionFocus(['profit']), passage('The bank posted wider losses in its trading unit'), true)).toBe(true);
    expect(matchesFocus(questionFocus(['rates']), passage('The central bank kept its bond buying unchanged'), true)).toBe(false);
    expect(stem('loss')).toBe('loss');
  });

  it('takes a past form for its verb, and searches each form', () => {
    expect(stem('fell')).toBe(stem('fall'));
    expect(stem('rose')).toBe(stem('rises'));
    expect(withOtherForms(['fall', 'copper'])).toEqual([
      ['fall', 'copper'],
      ['fell', 'copper'],
      ['fallen', 'copper'],
    ]);
    expect(withOtherForms(['sold', 'stake'])).toEqual([
      ['sold', 'stake'],
      ['sell', 'stake'],
    ]);
    expect(withOtherForms(['profit'])).toEqual([['profit']]);
  });

  it('takes what moved for the subject, not the move: a passage about something else that fell does not answer', () => {
    const focus = questionFocus(['oil', 'rise']);
    expect(focus.subject).toEqual(['oil']);
    const passage = (text: string) => ({ text, publishedAt: null, stems: new Set(text.split(/\W+/).filter(Boolean).map(stem)) });
    expect(matchesFocus(focus, passage('Retail sales rose 1.2 percent last month'), false)).toBe(false);
    expect(matchesFocus(focus, passage('Oil jumped on supply worries'), false)).toBe(true);
  });

  it('prefers a passage where what the question asks about moves as asked to one where the move is of something else', () => {
    const focus = questionFocus(['why', 'gold', 'rise'].filter((word) => word !== 'why'));
    expect(focus.moves).toEqual(['rise']);
    expect(movesAsAsked('Spot gold rose by nearly $90 an ounce as investors sought safety.', focus, [])).toBe(true);
    expect(movesAsAsked('U.S. gold futures rise back above $1,000 an ounce.', focus, [])).toBe(true);
    expect(movesAsAsked('The law included a rise in royalties on gold exports to 4 percent.', focus, [])).toBe(false);
    expect(movesAsAsked('Spot gold rose by nearly $90 an ounce.', questionFocus(['gold', 'price']), [])).toBe(false);
  });

  it('ranks the move asked about first in an answer', async () => {
    const royalties = {
      title: 'Miners still in talks over royalties',
      text: 'Miners are still in talks with the government two years after it passed a law that included a rise in royalties on gold exports to 4 percent.',
      publishedAt: '2026-11-23T08:00:00Z',
    };
    const spot = {
      title: 'Gold posts record one-day gain',
      text: 'Spot gold rose by nearly $90 an ounce on Wednesday, a record one-day gain, as investors sought safety amid turmoil on equity markets.',
      publishedAt: '2026-10-01T08:00:00Z',
    };
    const reply = await answerQuestion('why did gold rise', { store: await storeWith([royalties, spot]), reference });
    expect(lines(reply)[0]).toMatch(/^Spot gold rose by nearly \$90/);
  });

  it('knows a question that asks why and a passage that gives a cause', () => {
    expect(asksWhy('Why did copper fall?')).toBe(true);
    expect(asksWhy('what drove oil higher')).toBe(true);
    expect(asksWhy('what did the Fed do')).toBe(false);
    expect(givesCause('Copper fell 3% amid worries about Chinese demand.')).toBe(true);
    expect(givesCause('Shares rose after the company raised its forecast.')).toBe(true);
    expect(givesCause('Copper fell 3% on Tuesday.')).toBe(false);
  });
});

const reutersPath = `${SHARED_DATA}articles/reuters-2006-2013.jsonl.gz`;
if (!existsSync(reutersPath)) console.warn(`skipping /ask relevance on Reuters articles: ${reutersPath} is absent`);

describe.skipIf(!existsSync(reutersPath))('/ask on real Reuters articles', () => {
  it('quotes only sentences about the subject and the measure asked, or says nothing answers', { timeout: 240_000 }, async () => {
    const articles = gunzipSync(readFileSync(reutersPath))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const raw = (JSON.parse(line) as { raw: string }).raw;
        return {
          title: (raw.split('\n')[0] ?? '').replace(/^-- /, ''),
          text: raw
            .split('\n')
            .filter((row) => !row.startsWith('-- '))
            .join('\n'),
        };
      })
      .filter((article) => /gold|price pressures|fraud|\boil\b/i.test(article.text))
      .slice(0, 300);
    const store = await storeWith(articles);
    const gold = lines(await answerQuestion('what is the price of gold?', { store, reference }));
    expect(gold.length).toBeGreaterThan(0);
    for (const line of gold) {
      expect(line).toMatch(/gold|bullion/i);
      expect(line).toMatch(/pric|ounce|rose|fell|gain|jump|climb|drop|slid|cost|worth|value|rise|fall/i);
      expect(line).not.toMatch(/price pressures/i);
    }
    const oil = lines(await answerQuestion('what is the price of oil?', { store, reference }));
    for (const line of oil) expect(line).toMatch(/oil|crude/i);
    const absent = lines(await answerQuestion('what is the price of bitcoin?', { store, reference }));
    expect(absent[0]).toMatch(NOTHING);
  });
});
