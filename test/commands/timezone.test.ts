import { describe, expect, it } from 'vitest';
import { timezoneProblem } from '../../commands/timezone.ts';

describe('timezones for subscriptions', () => {
  it('accepts IANA place names and UTC', () => {
    for (const zone of ['Asia/Hong_Kong', 'America/New_York', 'Europe/London', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/UTC']) {
      expect(timezoneProblem(zone), zone).toBeNull();
    }
  });

  it('refuses ambiguous abbreviations and names the IANA zones to use', () => {
    expect(timezoneProblem('EST')).toMatch(/America\/New_York/);
    expect(timezoneProblem('est')).toMatch(/America\/New_York/);
    expect(timezoneProblem('CST')).toMatch(/America\/Chicago.*Asia\/Shanghai/);
    expect(timezoneProblem('IST')).toMatch(/Asia\/Kolkata.*Europe\/Dublin/);
    expect(timezoneProblem('BST')).toMatch(/Europe\/London/);
    expect(timezoneProblem('EST5EDT')).toMatch(/America\/New_York/);
    expect(timezoneProblem('PST')).toMatch(/America\/Los_Angeles/);
  });

  it('refuses other non-IANA names with a general hint', () => {
    expect(timezoneProblem('XYZ')).toMatch(/IANA name/);
    expect(timezoneProblem('Mars/Olympus')).toMatch(/IANA name/);
  });
});
