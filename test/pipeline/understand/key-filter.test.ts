// The filter in front of the recogniser's and the topic matcher's map lookups may say "maybe" of a key never added, never
// "no" of one that was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyFilter } from '../../../src/pipeline/understand/name-keys/index.ts';

describe('KeyFilter', () => {
  it('holds every key added', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 200 }), (keys) => {
        const filter = new KeyFilter();
        for (const key of keys) filter.add(key);
        for (const key of keys) expect(filter.mayHold(key)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('turns most other keys away', () => {
    const filter = new KeyFilter();
    for (let index = 0; index < 5000; index += 1) filter.add(`name${index}`);
    let held = 0;
    for (let index = 0; index < 5000; index += 1) if (filter.mayHold(`word${index}`)) held += 1;
    expect(held).toBeLessThan(500);
  });
});
