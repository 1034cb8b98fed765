import { parseArgs } from 'node:util';
import type { App } from '../app.ts';
import { readFailedJobs } from '../background.ts';
import { UserFacingError } from '../domain/index.ts';
import { type CliIo, processIo } from './io.ts';

/** `market-brief deliveries`: what was posted where and when, newest slot first. */
export async function deliveriesCommand(argv: string[], app: App, io: CliIo = processIo()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { limit: { type: 'string', default: '50' }, status: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UserFacingError(`--limit ${values.limit}: expected a whole number above 0`);
  const status = values.status;
  if (status !== undefined && status !== 'claimed' && status !== 'posted' && status !== 'failed') {
    throw new UserFacingError(`--status ${status}: expected claimed, posted or failed`);
  }
  const deliveries = await app.store.listDeliveries({ limit, ...(status === undefined ? {} : { status }) });
  if (values.json) {
    for (const delivery of deliveries) io.stdout.write(`${JSON.stringify(delivery)}\n`);
    return 0;
  }
  if (deliveries.length === 0) io.stdout.write('No deliveries yet.\n');
  for (const delivery of deliveries) {
    const where = `${delivery.target.platform}:${delivery.target.workspaceId}/${delivery.target.channelId}`;
    const when = delivery.postedAt ?? delivery.claimedAt;
    const detail = delivery.status === 'posted' ? `messages ${delivery.messageIds.join(', ')}` : (delivery.error ?? `attempt ${delivery.attempts}`);
    io.stdout.write(`${delivery.slot}  ${delivery.status.padEnd(7)}  ${where}  at ${when}  ${detail}\n`);
  }
  // On PostgreSQL, jobs (deliveries, feed polls, summaries) that failed every attempt are kept by pg-boss.
  const failed = status === undefined || status === 'failed' ? await readFailedJobs(app, limit) : null;
  if (failed !== null && failed.length > 0) {
    io.stdout.write(`\nJobs that failed every attempt (${failed.length}, newest first):\n`);
    for (const job of failed)
      io.stdout.write(`${job.failedAt}  ${job.name}${job.key === null ? '' : ` ${job.key}`}  after ${job.attempts} attempt(s): ${job.error}\n`);
  }
  return 0;
}
