import { describe, expect, it } from 'vitest';
import { bestFirst } from '../../src/store/sqlite/newest-ranking.ts';
import { createRandom } from '../support/seeded-random.ts';

describe('bestFirst', () => {
  it('yields every scored rowid, the higher score first and the newer among equal scores, past the first pick too', () => {
    const random = createRandom(7);
    const scores = new Map<number, number>();
    // Few distinct scores, so many ties: 100 rowids, more than the first pick holds.
    for (let rowid = 1; rowid <= 100; rowid += 1) scores.set(rowid * 3, Math.floor(random.next() * 5));
    const expected = [...scores].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    expect([...bestFirst(scores)]).toEqual(expected);
    expect([...bestFirst(new Map([[5, 1]]))]).toEqual([[5, 1]]);
    expect([...bestFirst(new Map())]).toEqual([]);
  });
});
