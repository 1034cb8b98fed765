import { pino } from 'pino';
import type { Logger } from './ports/index.ts';

/** JSON logs on stderr, so stdout stays free for replies and `--json` output. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'market-brief' } }, pino.destination(2));
}
