/**
 * Migration 16: a Bloom filter per key-range slice of the large near-duplicate level
 * (band-filter.ts). It starts empty: a slice without a filter is looked up in full, and gets one
 * the next time a slice of new rows moves into it (band-levels.ts), so an existing store pays for
 * each slice's scan then, one at a time, not all at once here.
 */
export const BAND_FILTERS_MIGRATION = {
  version: 16,
  name: 'a Bloom filter of the large near-duplicate level, one per key-range slice',
  sql: `
    CREATE TABLE article_band_filters (
      slice INTEGER PRIMARY KEY,
      version INTEGER NOT NULL,
      keys INTEGER NOT NULL,
      capacity INTEGER NOT NULL,
      bits BLOB NOT NULL
    );
  `,
};
