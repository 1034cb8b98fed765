/**
 * Migration 12: new near-duplicate band rows go to a small recent level that is merged into
 * `article_bands` a key-range slice at a time (band-levels.ts). Existing rows stay where they are.
 * Deleting an article deletes its rows from both levels.
 */
export const BAND_LEVELS_MIGRATION = {
  version: 12,
  name: 'near-duplicate bands in two levels: a recent table merged into article_bands by key range',
  sql: `
    CREATE TABLE article_bands_recent (
      band INTEGER NOT NULL,
      article_rowid INTEGER NOT NULL,
      PRIMARY KEY (band, article_rowid)
    ) WITHOUT ROWID;
    CREATE INDEX article_bands_recent_article ON article_bands_recent(article_rowid);

    DROP TRIGGER articles_links_delete;
    CREATE TRIGGER articles_links_delete AFTER DELETE ON articles BEGIN
      DELETE FROM article_topics WHERE article_rowid = old.rowid;
      DELETE FROM entity_mentions WHERE article_rowid = old.rowid;
      DELETE FROM article_bands WHERE article_rowid = old.rowid;
      DELETE FROM article_bands_recent WHERE article_rowid = old.rowid;
    END;
  `,
};
