import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../ports/index.ts';

const SEVERITY: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/** Bolt's and the Web API client's logger interface, writing to the bot's own logger. */
export function createBoltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  let name = 'slack';
  const write = (at: LogLevel, parts: unknown[]): void => {
    if (SEVERITY[at] < SEVERITY[current]) return;
    const error = parts.find((part): part is Error => part instanceof Error);
    const text = parts
      .filter((part) => part !== error)
      .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
      .join(' ');
    const fields = error === undefined ? { component: name } : { component: name, err: error };
    const message = text === '' ? (error?.message ?? '') : text;
    if (at === LogLevel.DEBUG) logger.debug(fields, message);
    else if (at === LogLevel.INFO) logger.info(fields, message);
    else if (at === LogLevel.WARN) logger.warn(fields, message);
    else logger.error(fields, message);
  };
  return {
    debug: (...parts: unknown[]) => write(LogLevel.DEBUG, parts),
    info: (...parts: unknown[]) => write(LogLevel.INFO, parts),
    warn: (...parts: unknown[]) => write(LogLevel.WARN, parts),
    error: (...parts: unknown[]) => write(LogLevel.ERROR, parts),
    setLevel: (next: LogLevel) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next: string) => {
      name = next;
    },
  };
}
