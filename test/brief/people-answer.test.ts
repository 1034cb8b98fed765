import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/brief/answer.ts';
import { closeStoresAfterEach, reference, storeWith } from '../support/answer-store.ts';

closeStoresAfterEach();

const boj = {
  title: 'Yen slips as the central bank holds rates',
  text: 'Bank of Japan Governor Kazuo Ueda said on Tuesday that policy would stay loose for now, and the yen weakened against the dollar. Ueda added that wages were rising faster than expected.',
};
const lender = {
  title: 'Regional lender expands',
  text: 'Harwell Cooperative Bank opened twelve branches this year. "Demand for small business loans is strong," said Mara Lindqvist, chief executive of Harwell Cooperative Bank, in an interview on Monday.',
};

describe('people with roles, stored and asked about', () => {
  it('stores people with their role and organisation, and open-vocabulary organisations, with the article', async () => {
    const store = await storeWith([boj, lender]);
    const [stored] = await store.listArticles({ entityIds: ['person:kazuo-ueda'] });
    expect(stored?.entities.find((entity) => entity.type === 'person')).toMatchObject({
      name: 'Kazuo Ueda',
      role: 'governor',
      organisationId: 'central-bank:boj',
      count: 2,
    });
    const found = await store.findStoredEntities('harwell cooperative bank', [], ['company'], 5);
    expect(found.map((count) => count.entity.id)).toEqual(['company:harwell-cooperative-bank']);
  });

  it('answers "who" questions with the people at the organisation named', async () => {
    const store = await storeWith([boj, lender]);
    const reply = await answerQuestion('Who is the governor of the Bank of Japan?', { store, reference });
    const people = reply.sections.find((section) => section.heading === 'People');
    expect(people?.lines.map((line) => line.text)).toEqual(['Kazuo Ueda: governor, Bank of Japan']);
    expect(reply.sources[0]?.title).toBe(boj.title);
  });

  it('does not list a minister named in the same sentence as the Bank of Japan among its people', async () => {
    const minister = {
      title: 'Minister backs the central bank',
      text: 'Economics Minister Tomas Verhoven said the Bank of Japan should keep rates low, and Bank of Japan Governor Ilse Markgraf agreed on Friday.',
    };
    const store = await storeWith([minister]);
    const reply = await answerQuestion('Who is the Bank of Japan governor?', { store, reference });
    const people = reply.sections.find((section) => section.heading === 'People');
    expect(people?.lines.map((line) => line.text)).toEqual(['Ilse Markgraf: governor, Bank of Japan']);
  });

  it('lists the person whose role the question names exactly before one whose role only contains it', async () => {
    const deputies = {
      title: 'Central bank officials differ on wages',
      text: 'Bank of Japan Deputy Governor Ryo Tanabe said wages were rising, and Bank of Japan Governor Ilse Markgraf agreed on Friday.',
    };
    const store = await storeWith([deputies]);
    const lines = async (question: string) =>
      (await answerQuestion(question, { store, reference })).sections.find((section) => section.heading === 'People')?.lines.map((line) => line.text);
    expect(await lines('Who is the Bank of Japan governor?')).toEqual(['Ilse Markgraf: governor, Bank of Japan', 'Ryo Tanabe: deputy governor, Bank of Japan']);
    expect(await lines('Who is the deputy governor of the Bank of Japan?')).toEqual([
      'Ryo Tanabe: deputy governor, Bank of Japan',
      'Ilse Markgraf: governor, Bank of Japan',
    ]);
  });
});
