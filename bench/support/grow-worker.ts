// Makes the builder's copies for grow-store.ts in a worker thread: for each copy index asked, the
// article row the builder would store (fill-store.ts) and its band keys, posted back in order.
import { parentPort, workerData } from 'node:worker_threads';
import { copyRow, type GrowBatch } from './grow-rows.ts';
import type { FillOptions } from './fill-store.ts';

const options = workerData as FillOptions;
parentPort?.on('message', ({ from, to }: { from: number; to: number }) => {
  const batch: GrowBatch = { from, rows: [] };
  for (let index = from; index < to; index += 1) batch.rows.push(copyRow(index, options));
  parentPort?.postMessage(batch);
});
