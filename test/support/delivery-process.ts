// A scheduler process for the crash and multi-process tests: runs one delivery tick at a given
// time against a SQLite file, posting through a publisher that appends to a record file and can
// kill its own process right before or right after a post (never in production code).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Publisher } from '../../src/core/ports.ts';
import { createDeliveryServices, runDeliveryTick } from '../../src/jobs/delivery-tick.ts';
import { DEFAULT_DELIVERY_SETTINGS } from '../../src/jobs/delivery-services.ts';
import { loadReferenceIndex } from '../../src/reference/load-reference.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const [databasePath = '', now = '', recordPath = '', crash = 'none'] = process.argv.slice(2);

function recorded(): Array<{ channelId: string; key: string; id: string }> {
  if (!existsSync(recordPath)) return [];
  return readFileSync(recordPath, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

const publisher: Publisher = {
  platform: 'shell',
  async post(target, _reply, options) {
    if (crash === 'before-post') process.kill(process.pid, 'SIGKILL');
    const id = `m-${process.pid}-${recorded().length + 1}`;
    appendFileSync(recordPath, `${JSON.stringify({ channelId: target.channelId, key: options?.deliveryKey, id })}\n`);
    if (crash === 'after-post') process.kill(process.pid, 'SIGKILL');
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
await runDeliveryTick(services);
await store.close();
