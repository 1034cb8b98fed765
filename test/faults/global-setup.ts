import { randomInt } from 'node:crypto';

/** One seed for the whole fault run, inherited by every test process, printed once up front. */
export default function setup(): void {
  if (process.env['FAULT_SEED'] === undefined || process.env['FAULT_SEED'] === '') process.env['FAULT_SEED'] = String(randomInt(1, 2 ** 31 - 1));
  console.log(`fault suite seed ${process.env['FAULT_SEED']} (replay: FAULT_SEED=${process.env['FAULT_SEED']} npm run test:faults)`);
}
