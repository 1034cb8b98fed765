import { describe, expect, it } from 'vitest';
import { resolveCompany } from '../../commands/resolve.ts';
import { isShortNameOf } from '../../src/pipeline/index.ts';
import { closeStoresAfterEach, reference, storeWith } from '../support/answer-store.ts';

closeStoresAfterEach();

// Articles written for this test about companies no reference list holds.
const zorvath = {
  title: 'Warehouse robots',
  text: 'Zorvath Robotics Inc, a Lisbon maker of warehouse arms, said on Tuesday that it had raised $40 million. Zorvath expects sales to double.',
};
const brevik = { title: 'Fund manager', text: 'Meanwhile Brevik Capital Partners LLC said on Monday that it had closed its third fund at $2 billion.' };

describe('/company finds an open-vocabulary organisation by a short form of its name', () => {
  it('takes the name without its legal suffix or corporate heads, or its distinctive first word', () => {
    expect(isShortNameOf('zorvath', 'Zorvath Robotics', reference)).toBe(true);
    expect(isShortNameOf('Zorvath Robotics Inc', 'Zorvath Robotics', reference)).toBe(true);
    expect(isShortNameOf('brevik capital', 'Brevik Capital Partners', reference)).toBe(true);
    expect(isShortNameOf('brevik', 'Brevik Capital Partners', reference)).toBe(true);
    // Not a word cut short, another word of the name, an everyday or a place's first word.
    expect(isShortNameOf('zorv', 'Zorvath Robotics', reference)).toBe(false);
    expect(isShortNameOf('robotics', 'Zorvath Robotics', reference)).toBe(false);
    expect(isShortNameOf('golden', 'Golden Valley Mining', reference)).toBe(false);
    expect(isShortNameOf('london', 'London Robotics', reference)).toBe(false);
  });

  it('answers /company zorvath and /company brevik from stored articles, and not a word cut short', async () => {
    const store = await storeWith([zorvath, brevik]);
    expect((await resolveCompany(reference, store, 'zorvath')).name).toBe('Zorvath Robotics');
    expect((await resolveCompany(reference, store, 'Zorvath Robotics Inc')).name).toBe('Zorvath Robotics');
    expect((await resolveCompany(reference, store, 'brevik')).id).toBe('company:brevik-capital-partners');
    await expect(resolveCompany(reference, store, 'zorv')).rejects.toThrow(/I don't know a company called "zorv"/);
  });
});
