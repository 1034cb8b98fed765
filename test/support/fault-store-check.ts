import { DatabaseSync } from 'node:sqlite';

export interface StoreHealth {
  /** PRAGMA integrity_check: ['ok'] when the file is sound. */
  integrity: string[];
  /** The full-text index agrees with the articles (FTS5 'integrity-check'); else the error. */
  fullText: string;
  /** Rows pointing at articles that do not exist (PRAGMA foreign_key_check). */
  foreignKeyProblems: number;
  /** Articles stored without their near-duplicate band keys (a half-written insert). */
  articlesWithoutBands: number;
  /** Titles stored more than once. */
  repeatedTitles: string[];
  articles: number;
  ids: Set<string>;
}

/** Opens a bot's database file directly (recovering its WAL after a crash) and checks it is whole. */
export function checkStore(path: string): StoreHealth {
  const database = new DatabaseSync(path);
  try {
    const integrity = database
      .prepare('PRAGMA integrity_check')
      .all()
      .map((row) => String(row['integrity_check']));
    let fullText = 'ok';
    try {
      database.exec(`INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`);
    } catch (error) {
      fullText = (error as Error).message;
    }
    const foreignKeyProblems = database.prepare('PRAGMA foreign_key_check').all().length;
    const articlesWithoutBands = Number(
      database
        .prepare(
          `SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_rowid = a.rowid)
             AND NOT EXISTS (SELECT 1 FROM article_bands_recent r WHERE r.article_rowid = a.rowid)`,
        )
        .get()?.['n'] ?? 0,
    );
    const repeatedTitles = database
      .prepare('SELECT title FROM articles GROUP BY title HAVING count(*) > 1')
      .all()
      .map((row) => String(row['title']));
    const ids = new Set(
      database
        .prepare('SELECT id FROM articles')
        .all()
        .map((row) => String(row['id'])),
    );
    return { integrity, fullText, foreignKeyProblems, articlesWithoutBands, repeatedTitles, articles: ids.size, ids };
  } finally {
    database.close();
  }
}
