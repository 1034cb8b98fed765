// A scheduler process for the delivery fault test: one delivery tick (the code the bot runs every
// minute) at a given time against a SQLite file, posting through a publisher that appends to a
// record file and can tell whether a delivery key was posted. It may SIGKILL itself right before
// or right after its k-th post; the test also kills it from outside at random moments.
// Usage: node fault-delivery-process.ts <database> <now ISO> <record file> [<k> <before|after>]
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Publisher } from '../../src/core/ports.ts';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/jobs/delivery-services.ts';
import { createDeliveryServices, runDeliveryTick } from '../../src/jobs/delivery-tick.ts';
import { loadReferenceIndex } from '../../src/reference/load-reference.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const [databasePath = '', now = '', recordPath = '', killAt = '0', when = 'before'] = process.argv.slice(2);

function recorded(): Array<{ key: string; id: string }> {
  if (!existsSync(recordPath)) return [];
  return readFileSync(recordPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { key: string; id: string });
}

let posts = 0;
const publisher: Publisher = {
  platform: 'shell',
  async post(target, _reply, options) {
    posts += 1;
    if (posts === Number(killAt) && when === 'before') process.kill(process.pid, 'SIGKILL');
    const id = `m-${process.pid}-${posts}`;
    appendFileSync(recordPath, `${JSON.stringify({ channelId: target.channelId, key: options?.deliveryKey, id })}\n`);
    if (posts === Number(killAt) && when === 'after') process.kill(process.pid, 'SIGKILL');
    return [id];
  },
  async findDelivery(_target, key) {
    return recorded().filter((post) => post.key === key).map((post) => post.id);
  },
};

const store = createSqliteStore(databasePath);
const services = createDeliveryServices(
  { store, reference: loadReferenceIndex(), clock: { now: () => new Date(now) }, logger: { debug() {}, info() {}, warn() {}, error() {} } },
  new Map([['shell', publisher]]),
  { ...DEFAULT_DELIVERY_SETTINGS, alertMinImportance: 1 },
);
process.stdout.write('tick\n');
await runDeliveryTick(services);
await store.close();
process.stdout.write('done\n');
