/**
 * Migration 11: the link tables (topics, entity mentions, near-duplicate bands) point at an
 * article by its integer rowid instead of its TEXT id, band keys are integers (bandKey, registered
 * as the SQL function band_key while migrating), and the full-text index ranks by bm25 with the
 * title weighted 3 so `ORDER BY rank` is answered by FTS5 itself. Existing rows are converted.
 * Rowids are the FTS index's keys already, so they are stable for the life of an article row.
 * Deleting an article deletes its link rows (the ON DELETE CASCADE the TEXT keys had).
 */
export const LINK_ROWIDS_MIGRATION = {
  version: 11,
  name: 'link tables keyed by article rowid, integer band keys, time window on the index keys, FTS rank bm25(3, 1)',
  sql: `
    CREATE TABLE article_topics_v11 (
      topic TEXT NOT NULL,
      sort_time TEXT NOT NULL,
      article_rowid INTEGER NOT NULL,
      PRIMARY KEY (topic, sort_time, article_rowid)
    ) WITHOUT ROWID;
    INSERT INTO article_topics_v11 (topic, sort_time, article_rowid)
      SELECT t.topic, t.sort_time, a.rowid FROM article_topics t JOIN articles a ON a.id = t.article_id;
    DROP TABLE article_topics;
    ALTER TABLE article_topics_v11 RENAME TO article_topics;
    CREATE INDEX article_topics_article ON article_topics(article_rowid);

    CREATE TABLE entity_mentions_v11 (
      entity_id TEXT NOT NULL,
      sort_time TEXT NOT NULL,
      article_rowid INTEGER NOT NULL,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      ticker TEXT,
      mentions INTEGER NOT NULL,
      PRIMARY KEY (entity_id, sort_time, article_rowid)
    ) WITHOUT ROWID;
    INSERT INTO entity_mentions_v11 (entity_id, sort_time, article_rowid, name, type, ticker, mentions)
      SELECT m.entity_id, m.sort_time, a.rowid, m.name, m.type, m.ticker, m.mentions
      FROM entity_mentions m JOIN articles a ON a.id = m.article_id;
    DROP TABLE entity_mentions;
    ALTER TABLE entity_mentions_v11 RENAME TO entity_mentions;
    CREATE INDEX entity_mentions_name ON entity_mentions(name COLLATE NOCASE);
    CREATE INDEX entity_mentions_article ON entity_mentions(article_rowid);

    CREATE TABLE article_bands_v11 (
      band INTEGER NOT NULL,
      article_rowid INTEGER NOT NULL,
      PRIMARY KEY (band, article_rowid)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO article_bands_v11 (band, article_rowid)
      SELECT band_key(b.band), a.rowid FROM article_bands b JOIN articles a ON a.id = b.article_id;
    DROP TABLE article_bands;
    ALTER TABLE article_bands_v11 RENAME TO article_bands;
    CREATE INDEX article_bands_article ON article_bands(article_rowid);

    CREATE TRIGGER articles_links_delete AFTER DELETE ON articles BEGIN
      DELETE FROM article_topics WHERE article_rowid = old.rowid;
      DELETE FROM entity_mentions WHERE article_rowid = old.rowid;
      DELETE FROM article_bands WHERE article_rowid = old.rowid;
    END;

    INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');
  `,
};
