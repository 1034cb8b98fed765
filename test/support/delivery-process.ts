// A scheduler process for the crash and multi-process tests: runs one delivery tick at a given
// time against a SQLite file and can kill its own process right before or right after a post.
// Usage: node delivery-process.ts <database> <now ISO> <record file> [none|before-post|after-post]
import { runRecordedTick } from './file-record-tick.ts';

const [databasePath = '', now = '', recordPath = '', crash = 'none'] = process.argv.slice(2);
await runRecordedTick({ databasePath, now, recordPath, killBefore: () => crash === 'before-post', killAfter: () => crash === 'after-post' });
