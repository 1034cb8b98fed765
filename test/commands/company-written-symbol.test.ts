import { describe, expect, it } from 'vitest';
import { resolveCompany } from '../../commands/resolve.ts';
import { closeStoresAfterEach, reference, storeWith } from '../support/answer-store.ts';

closeStoresAfterEach();

// Written for this test: a token that shares its name with a listed company whose ticker differs.
const token = {
  title: 'Cronos (CRO) Gains 3% As Crypto Traders Return',
  text: 'The exchange token Cronos traded at $0.06 on Tuesday, up 3% in a week, while Bitcoin held steady.',
};

describe('/company does not show an article about a namesake the written ticker rules out', () => {
  it('keeps the Cronos token article off Cronos Group (CRON) and stores it under the token', async () => {
    const store = await storeWith([token]);
    const company = await resolveCompany(reference, store, 'Cronos');
    expect(company.id).toBe('company:cronos');
    expect(await store.listArticles({ entityIds: ['company:cronos'], limit: 10 })).toEqual([]);
    const [article] = await store.listArticles({ entityIds: ['crypto:cronos'], limit: 10 });
    expect(article?.entities.find((entity) => entity.id === 'crypto:cronos')).toMatchObject({ ticker: 'CRO', type: 'crypto' });
  });
});
