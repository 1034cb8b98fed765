// Checks a store grown by grow-store.ts against one the builder filled to at least the same size
// (the same copies, whatever their clocks): every article row and its topic and mention rows equal
// the builder's but for the publication times (one constant offset, the two fills' clocks), every
// link row dated as its article, 40 band rows per article, the full-text index whole.
//   node bench/support/check-grown-store.ts <grown.db> <built.db> [first rowid, default 100001] [--no-quick-check]
// Exits non-zero on any difference; opens both read-only. (The full-text index itself is checked
// with FTS5's integrity-check on a writable copy, see docs/performance.md.)
import { DatabaseSync } from 'node:sqlite';

const skipQuickCheck = process.argv.includes('--no-quick-check');
const [grown, built, first = '100001'] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
if (grown === undefined || built === undefined) throw new Error('usage: node bench/support/check-grown-store.ts <grown.db> <built.db> [first rowid]');
const database = new DatabaseSync(grown, { readOnly: true });
database.exec(`ATTACH '${built.replaceAll("'", "''")}' AS built`);
const from = Number(first);
const value = (sql: string) => Number(Object.values(database.prepare(sql).get(from) ?? {})[0]);
const checks: Array<[string, string, (n: number, compared: number) => boolean]> = [
  ['articles compared', 'SELECT count(*) FROM articles g JOIN built.articles o ON o.rowid = g.rowid WHERE g.rowid >= ?', () => true],
  [
    'articles with other content',
    `SELECT count(*) FROM articles g JOIN built.articles o ON o.rowid = g.rowid WHERE g.rowid >= ? AND NOT (
       g.id = o.id AND g.title = o.title AND g.text = o.text AND g.url IS o.url AND g.source IS o.source AND g.content_hash = o.content_hash
       AND g.entities_json = o.entities_json AND g.topics_json = o.topics_json AND g.sentiment_label = o.sentiment_label
       AND g.sentiment_score = o.sentiment_score AND g.duplicate_of IS o.duplicate_of AND g.kind = o.kind AND g.shared = o.shared AND g.guid IS o.guid)`,
    (n) => n === 0,
  ],
  [
    'distinct clock offsets',
    `SELECT count(DISTINCT round((julianday(o.sort_time) - julianday(g.sort_time)) * 86400)) FROM articles g JOIN built.articles o ON o.rowid = g.rowid WHERE g.rowid >= ?`,
    (n) => n <= 1,
  ],
  [
    'topic rows differing',
    `SELECT count(*) FROM (SELECT topic, article_rowid FROM article_topics WHERE article_rowid >= ?1 AND article_rowid <= (SELECT max(rowid) FROM built.articles)
       EXCEPT SELECT topic, article_rowid FROM built.article_topics WHERE article_rowid >= ?1)`,
    (n) => n === 0,
  ],
  [
    'mention rows differing',
    `SELECT count(*) FROM (SELECT entity_id, article_rowid, name, type, ticker, mentions FROM entity_mentions WHERE article_rowid >= ?1 AND article_rowid <= (SELECT max(rowid) FROM built.articles)
       EXCEPT SELECT entity_id, article_rowid, name, type, ticker, mentions FROM built.entity_mentions WHERE article_rowid >= ?1)`,
    (n) => n === 0,
  ],
  [
    'link rows dated unlike their article',
    `SELECT (SELECT count(*) FROM article_topics t JOIN articles a ON a.rowid = t.article_rowid WHERE t.article_rowid >= ?1 AND t.sort_time <> a.sort_time)
          + (SELECT count(*) FROM entity_mentions t JOIN articles a ON a.rowid = t.article_rowid WHERE t.article_rowid >= ?1 AND t.sort_time <> a.sort_time)`,
    (n) => n === 0,
  ],
  [
    'mentions whose name is missing from entity_names',
    `SELECT count(*) FROM entity_mentions m WHERE m.article_rowid >= ?
       AND NOT EXISTS (SELECT 1 FROM entity_names n WHERE n.name = m.name AND n.entity_id = m.entity_id)`,
    (n) => n === 0,
  ],
  [
    'articles without 40 band rows',
    'SELECT count(*) FROM articles a WHERE a.rowid >= ? AND (SELECT count(*) FROM article_bands b WHERE b.article_rowid = a.rowid) <> 40',
    (n) => n === 0,
  ],
  [
    'articles missing from the full-text index',
    'SELECT count(*) FROM articles a WHERE a.rowid >= ? AND NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.rowid)',
    (n) => n === 0,
  ],
];
let failed = 0;
for (const [name, sql, ok] of checks) {
  const n = value(sql);
  const good = ok(n, 0);
  if (!good) failed += 1;
  process.stdout.write(`${good ? 'ok  ' : 'FAIL'} ${name}: ${n}\n`);
}
if (!skipQuickCheck) {
  // Reads the whole file: a few minutes at 1M.
  const integrity = database.prepare('PRAGMA quick_check').get()?.['quick_check'];
  process.stdout.write(`${integrity === 'ok' ? 'ok  ' : 'FAIL'} quick_check: ${String(integrity)}\n`);
  if (integrity !== 'ok') failed += 1;
}
database.close();
process.exitCode = failed === 0 ? 0 : 1;
