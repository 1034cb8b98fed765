import { Cron } from 'croner';
import { isMarketClosed } from './market-calendar.ts';

/** When a subscription's briefs are due. */
export interface Schedule {
  /** "HH:MM" local time, used when `cron` is null. */
  time: string;
  timezone: string;
  weekdaysOnly: boolean;
  /** A five-field cron expression in the timezone; replaces time and weekdaysOnly. */
  cron?: string | null | undefined;
  /** A market calendar code: slots on its weekends and holidays are skipped. */
  holidays?: string | null | undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timezone: string): Intl.DateTimeFormat {
  let known = formatters.get(timezone);
  if (known === undefined) {
    known = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timezone, known);
  }
  return known;
}

/** "YYYY-MM-DD" of an instant in a timezone. */
export function localDate(instant: Date, timezone: string): string {
  return dateFormatter(timezone).format(instant);
}

/** The cron expression a schedule stands for: "30 8 * * 1-5" for weekdays at 08:30. */
export function scheduleCron(schedule: Schedule): string {
  if (schedule.cron !== undefined && schedule.cron !== null && schedule.cron.trim() !== '') return schedule.cron.trim();
  const [hour, minute] = schedule.time.split(':').map(Number);
  return `${minute ?? 0} ${hour ?? 0} * * ${schedule.weekdaysOnly ? '1-5' : '*'}`;
}

const crons = new Map<string, Cron>();

function cronFor(schedule: Schedule): Cron {
  const expression = scheduleCron(schedule);
  const key = `${expression}@${schedule.timezone}`;
  let cron = crons.get(key);
  if (cron === undefined) {
    // Croner resolves wall-clock times through Intl: a time skipped by a DST change runs at the
    // first valid minute after it, a repeated one runs once.
    cron = new Cron(expression, { timezone: schedule.timezone, paused: true, mode: '5-part' });
    crons.set(key, cron);
  }
  return cron;
}

/** Throws a readable error when the expression is not a five-field cron. */
export function validateCron(expression: string): void {
  new Cron(expression, { paused: true, mode: '5-part' });
}

function isOpen(slot: Date, schedule: Schedule): boolean {
  const calendar = schedule.holidays;
  return calendar === undefined || calendar === null || !isMarketClosed(calendar, localDate(slot, schedule.timezone));
}

const SEARCH_LIMIT = 400;

/** The first slot strictly after `after` (holidays skipped); null if none within a year of slots. */
export function nextSlot(schedule: Schedule, after: Date): Date | null {
  const cron = cronFor(schedule);
  let cursor = after;
  for (let step = 0; step < SEARCH_LIMIT; step += 1) {
    const next = cron.nextRun(cursor);
    if (next === null) return null;
    if (isOpen(next, schedule)) return next;
    cursor = next;
  }
  return null;
}

/** The latest slot at or before `now` (holidays skipped), no further back than `notBefore`. */
export function previousSlot(schedule: Schedule, now: Date, notBefore: Date): Date | null {
  const cron = cronFor(schedule);
  // previousRuns looks strictly before its date: nudge a millisecond so a slot at `now` counts.
  let cursor = new Date(now.getTime() + 1);
  for (let step = 0; step < SEARCH_LIMIT; step += 1) {
    const [previous] = cron.previousRuns(1, cursor);
    if (previous === undefined || previous.getTime() < notBefore.getTime()) return null;
    if (isOpen(previous, schedule)) return previous;
    cursor = previous;
  }
  return null;
}

/** "Tue 25 Nov, 08:00 HKT" in the subscription's own timezone. */
export function formatLocal(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(instant);
}
