import { parseArgs } from 'node:util';
import type { App } from '../app.ts';
import { UserFacingError } from '../domain/index.ts';
import { renderText } from '../platforms/index.ts';
import { type CliIo, processIo } from './io.ts';

/** `market-brief usage`: LLM calls, cache hits, tokens and estimated cost per day and prompt. */
export async function usageCommand(argv: string[], app: App, io: CliIo = processIo()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { days: { type: 'string', default: '7' }, format: { type: 'string', default: 'text' } },
  });
  const count = Number(values.days);
  if (!Number.isInteger(count) || count < 1 || count > 366) throw new UserFacingError(`--days ${values.days}: expected a whole number from 1 to 366`);
  if (values.format !== 'text' && values.format !== 'json') throw new UserFacingError(`--format ${values.format}: expected text or json`);
  const report = await app.usage(count);
  io.stdout.write(values.format === 'json' ? `${JSON.stringify(report.days, null, 2)}\n` : `${renderText(report.reply)}\n`);
  return 0;
}
