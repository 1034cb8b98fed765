/**
 * Migration 15: the link tables lose their by-article indexes. They served only the delete
 * trigger, and nothing in the bot deletes an article, yet every insert paid for them: at 100k
 * stored they were 139 MB of a 1.03 GB file, and an ingested article's rows landed on four more
 * B-trees (docs/performance.md, "Seventh session"). The trigger now finds an article's topic and
 * entity rows by their primary keys, from the topics and entities the article row lists; its band
 * rows, which the row does not list, by a scan of both levels (an operator's rare manual delete).
 */
export const LINK_INDEXES_MIGRATION = {
  version: 15,
  name: 'link tables without by-article indexes; deletes find topic and entity rows by their keys',
  sql: `
    DROP INDEX article_topics_article;
    DROP INDEX entity_mentions_article;
    DROP INDEX article_bands_article;
    DROP INDEX article_bands_recent_article;

    DROP TRIGGER articles_links_delete;
    CREATE TRIGGER articles_links_delete AFTER DELETE ON articles BEGIN
      DELETE FROM article_topics
        WHERE topic IN (SELECT value FROM json_each(old.topics_json)) AND sort_time = old.sort_time AND article_rowid = old.rowid;
      DELETE FROM entity_mentions
        WHERE entity_id IN (SELECT value ->> 'id' FROM json_each(old.entities_json)) AND sort_time = old.sort_time AND article_rowid = old.rowid;
      DELETE FROM article_bands WHERE article_rowid = old.rowid;
      DELETE FROM article_bands_recent WHERE article_rowid = old.rowid;
    END;
  `,
};
