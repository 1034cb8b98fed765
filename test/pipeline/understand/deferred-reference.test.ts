// The reference index a CLI command holds is loaded on its first use: a command that looks no entity
// up never loads it, and one that does gets the same answers as from the index itself.
import { describe, expect, it } from 'vitest';
import { deferredReferenceIndex } from '../../../src/pipeline/index.ts';
import { createReferenceIndex, type ReferenceEntity } from '../../../src/pipeline/understand/reference/reference-index.ts';

const entities: ReferenceEntity[] = [
  { id: 'company:acme', name: 'Acme Holdings', type: 'company', ticker: 'ACME', tickers: ['ACME', '0999.HK'], aliases: ['Acme'], topics: [], rank: 3 },
  { id: 'index:acme-50', name: 'Acme 50 Index', type: 'index', ticker: '^AC50', tickers: ['^AC50'], aliases: ['the Acme 50'], topics: [], rank: 3 },
];

describe('deferredReferenceIndex', () => {
  it('loads nothing until it is used, then once, and answers as the loaded index does', () => {
    const index = createReferenceIndex(entities, { blockers: ['acme road'], commonWords: new Set(['road']), personalNames: new Set(['peter']) });
    let loads = 0;
    const deferred = deferredReferenceIndex(() => {
      loads += 1;
      return index;
    });
    expect(loads).toBe(0);
    expect(deferred.lookup('acme')?.id).toBe('company:acme');
    expect(loads).toBe(1);
    expect(deferred.entities).toBe(index.entities);
    expect(deferred.blockers).toEqual(['acme road']);
    expect(deferred.get('index:acme-50')?.name).toBe('Acme 50 Index');
    expect(deferred.lookup('acme 50', ['index'])?.id).toBe('index:acme-50');
    expect(deferred.suggest('acm').map((entity) => entity.id)).toEqual(index.suggest('acm').map((entity) => entity.id));
    expect(deferred.suggest('acm', ['index'], 1).map((entity) => entity.id)).toEqual(['index:acme-50']);
    expect(deferred.byTicker('0999.HK').map((entity) => entity.id)).toEqual(['company:acme']);
    expect(deferred.byNameKey('acme holdings')).toEqual(index.byNameKey('acme holdings'));
    expect(deferred.isCommonWord('Road')).toBe(true);
    expect(deferred.isPersonalName('peter')).toBe(true);
    expect(loads).toBe(1);
  });
});
