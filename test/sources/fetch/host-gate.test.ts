import { describe, expect, it } from 'vitest';
import { createHostGate, type GateTimers } from '../../../src/sources/fetch/host-gate.ts';

/** A clock that only moves when the gate sleeps, recording each sleep. */
function fakeTimers(): GateTimers & { slept: number[] } {
  let now = 1000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (milliseconds) => {
      slept.push(milliseconds);
      now += milliseconds;
    },
  };
}

describe('host gate', () => {
  it('spaces requests to one host by the interval and runs them one at a time', async () => {
    const timers = fakeTimers();
    const gate = createHostGate(500, timers);
    const events: string[] = [];
    let release = (): void => undefined;
    const first = gate.run('a.example', async () => {
      events.push('first start');
      await new Promise<void>((resolve) => (release = resolve));
      events.push('first end');
    });
    const second = gate.run('a.example', async () => void events.push('second start'));
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['first start']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first start', 'first end', 'second start']);
    expect(timers.slept).toEqual([500]);
  });

  it('does not make other hosts wait', async () => {
    const timers = fakeTimers();
    const gate = createHostGate(500, timers);
    await gate.run('a.example', async () => undefined);
    await gate.run('b.example', async () => undefined);
    expect(timers.slept).toEqual([]);
  });

  it('keeps going after a task fails', async () => {
    const gate = createHostGate(0, fakeTimers());
    await expect(gate.run('a.example', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(gate.run('a.example', async () => 'next')).resolves.toBe('next');
  });
});
