import { describe, expect, it } from 'vitest';
import { formatLocal, nextSlot, previousSlot, scheduleCron } from '../../src/delivery/schedule.ts';

const daily = (timezone: string, time = '08:00') => ({ time, timezone, weekdaysOnly: false });
const EPOCH = new Date(0);

function slotsBetween(schedule: Parameters<typeof nextSlot>[0], from: string, until: string): string[] {
  const slots: string[] = [];
  let cursor: Date | null = new Date(from);
  while (cursor !== null) {
    cursor = nextSlot(schedule, cursor);
    if (cursor === null || cursor.getTime() >= Date.parse(until)) break;
    slots.push(cursor.toISOString());
  }
  return slots;
}

describe('schedule', () => {
  it('turns a daily or weekday time into cron, and keeps an explicit cron', () => {
    expect(scheduleCron({ time: '08:30', timezone: 'UTC', weekdaysOnly: true })).toBe('30 8 * * 1-5');
    expect(scheduleCron({ time: '08:30', timezone: 'UTC', weekdaysOnly: false, cron: '0 7 * * 2' })).toBe('0 7 * * 2');
  });

  it('gives 08:00 Hong Kong time as 00:00 UTC every day', () => {
    expect(slotsBetween(daily('Asia/Hong_Kong'), '2026-11-23T12:00:00Z', '2026-11-26T12:00:00Z')).toEqual([
      '2026-11-24T00:00:00.000Z',
      '2026-11-25T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
    ]);
  });

  it('keeps 08:00 New York time through the spring DST change: one slot a day, none doubled or missed', () => {
    expect(slotsBetween(daily('America/New_York'), '2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      '2026-03-06T13:00:00.000Z',
      '2026-03-07T13:00:00.000Z',
      '2026-03-08T12:00:00.000Z',
      '2026-03-09T12:00:00.000Z',
    ]);
  });

  it('runs a 01:30 slot once on the autumn day the hour repeats, and a skipped 02:30 once', () => {
    expect(slotsBetween(daily('America/New_York', '01:30'), '2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z')).toHaveLength(2);
    expect(slotsBetween(daily('America/New_York', '02:30'), '2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z')).toHaveLength(2);
  });

  it('skips weekends when asked', () => {
    const next = nextSlot({ time: '08:00', timezone: 'Asia/Hong_Kong', weekdaysOnly: true }, new Date('2026-11-27T01:00:00Z'));
    expect(next?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('skips the exchange holidays of a market calendar', () => {
    // Thanksgiving 2026 is Thursday 26 November: NYSE is closed.
    const schedule = { time: '08:00', timezone: 'America/New_York', weekdaysOnly: false, holidays: 'us' };
    expect(slotsBetween(schedule, '2026-11-25T14:00:00Z', '2026-11-30T00:00:00Z')).toEqual(['2026-11-27T13:00:00.000Z']);
  });

  it('finds the latest slot at or before now, within a bound', () => {
    const schedule = daily('Asia/Hong_Kong');
    expect(previousSlot(schedule, new Date('2026-11-24T00:00:00Z'), EPOCH)?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(previousSlot(schedule, new Date('2026-11-24T05:00:00Z'), EPOCH)?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(previousSlot(schedule, new Date('2026-11-24T05:00:00Z'), new Date('2026-11-24T01:00:00Z'))).toBeNull();
  });

  it('formats a slot in the subscriber’s timezone', () => {
    expect(formatLocal(new Date('2026-11-24T00:00:00Z'), 'Asia/Hong_Kong')).toMatch(/Tue 24 Nov.*08:00/);
  });
});
