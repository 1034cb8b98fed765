// A scheduler process for the delivery fault tests: one delivery tick at a given time against a
// SQLite file or a PostgreSQL URL. It may SIGKILL itself right before or right after its k-th post; the test also
// kills it from outside at random moments.
// Usage: node fault-delivery-process.ts <database> <now ISO> <record file> [<k> <before|after>]
import { runRecordedTick } from './file-record-tick.ts';

const [databasePath = '', now = '', recordPath = '', killAt = '0', when = 'before'] = process.argv.slice(2);
process.stdout.write('tick\n');
await runRecordedTick({
  databasePath,
  now,
  recordPath,
  killBefore: (post) => post === Number(killAt) && when === 'before',
  killAfter: (post) => post === Number(killAt) && when === 'after',
});
process.stdout.write('done\n');
