/**
 * Migration 13: the names an entity was stored under move from an index over every mention
 * (`entity_mentions_name`, one random row per mention, about a fifth of the pages an ingested
 * article dirtied at 100k stored) to a table of distinct (name, entity) pairs, which takes a row only
 * when a name is new for its entity. `findStoredEntities` resolves a name through it.
 */
export const ENTITY_NAMES_MIGRATION = {
  version: 13,
  name: 'entity names as distinct (name, entity) pairs instead of an index over every mention',
  sql: `
    CREATE TABLE entity_names (
      name TEXT NOT NULL COLLATE NOCASE,
      entity_id TEXT NOT NULL,
      PRIMARY KEY (name, entity_id)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO entity_names (name, entity_id) SELECT DISTINCT name, entity_id FROM entity_mentions;
    DROP INDEX entity_mentions_name;
  `,
};
