import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/dispatch/command.ts';
import { parseCommandText, tokenize } from '../../src/dispatch/command-text.ts';
import { textReply } from '../../src/domain/reply.ts';

const subscribe: Command = {
  name: 'subscribe',
  description: '',
  usage: '/subscribe <topic> [time] [timezone]',
  examples: [],
  options: [
    { name: 'topic', description: '', type: 'string', required: true },
    { name: 'time', description: '', type: 'string', required: false },
    { name: 'timezone', description: '', type: 'string', required: false },
  ],
  adminOnly: true,
  run: async () => textReply('', []),
};
const company: Command = { ...subscribe, usage: '/company <name>', options: [{ name: 'name', description: '', type: 'string', required: true, rest: true }] };
const limited: Command = { ...subscribe, usage: '/x <n>', options: [{ name: 'count', description: '', type: 'integer', required: true }] };

describe('command text', () => {
  it('keeps quoted phrases together', () => {
    expect(tokenize('ask "why did it fall" now “curly too”')).toEqual(['ask', 'why did it fall', 'now', 'curly too']);
  });

  it('fills options by position', () => {
    expect(parseCommandText(subscribe, 'hong-kong 08:00 Asia/Hong_Kong')).toEqual({ topic: 'hong-kong', time: '08:00', timezone: 'Asia/Hong_Kong' });
  });

  it('lets name:value set an option out of order', () => {
    expect(parseCommandText(subscribe, 'timezone:UTC ai')).toEqual({ topic: 'ai', timezone: 'UTC' });
  });

  it('gives the rest of the words to a rest option', () => {
    expect(parseCommandText(company, 'Goldman   Sachs')).toEqual({ name: 'Goldman Sachs' });
  });

  it('converts integers and refuses words that are not', () => {
    expect(parseCommandText(limited, '5')).toEqual({ count: 5 });
    expect(() => parseCommandText(limited, 'five')).toThrow(/whole number/);
  });
});

describe('the tokenizer', () => {
  it('groups a quoted value after name: and a quoted phrase anywhere in a word', () => {
    expect(tokenize('ai cron:"0 8,17 * * 1-5" timezone:Europe/London')).toEqual(['ai', 'cron:0 8,17 * * 1-5', 'timezone:Europe/London']);
    expect(tokenize('market:"hang seng" 09:00 Asia/Hong_Kong')).toEqual(['market:hang seng', '09:00', 'Asia/Hong_Kong']);
    expect(tokenize('market:"S&P 500" mode:both')).toEqual(['market:S&P 500', 'mode:both']);
    expect(tokenize('keywords:“rate cut, stimulus” x')).toEqual(['keywords:rate cut, stimulus', 'x']);
    expect(tokenize("company:'Goldman Sachs' 'hang seng'")).toEqual(['company:Goldman Sachs', 'hang seng']);
    expect(tokenize('pre"fix and"post')).toEqual(['prefix andpost']);
  });

  it('keeps apostrophes inside words and unbalanced quotes as plain characters', () => {
    expect(tokenize("what's Moody's view")).toEqual(["what's", "Moody's", 'view']);
    expect(tokenize('say "unclosed words here')).toEqual(['say', '"unclosed', 'words', 'here']);
    expect(tokenize("'unclosed single")).toEqual(["'unclosed", 'single']);
    expect(tokenize('a "" b')).toEqual(['a', 'b']);
  });

  it('keeps whitespace inside quotes and splits on any whitespace outside them', () => {
    expect(tokenize('a\t"b  c"\n d')).toEqual(['a', 'b  c', 'd']);
  });

  it('handles hostile input: a megabyte of quotes, opening quotes that never close', () => {
    const straight = '"'.repeat(1_000_001);
    expect(tokenize(straight)).toEqual(['"']);
    const curly = '“'.repeat(1_000_000);
    expect(tokenize(curly)).toEqual([curly]);
    const singles = "'x ".repeat(300_000);
    const words = tokenize(singles);
    expect(words).toHaveLength(300_000);
    expect(words[0]).toBe("'x");
    const long = `name:${'a"b '.repeat(200_000)}`;
    expect(tokenize(long).join(' ').length).toBeGreaterThan(500_000);
  });
});

const schedule: Command = {
  ...subscribe,
  usage: '/subscribe <topic> [time] [timezone] [days]',
  options: [
    { name: 'topic', description: '', type: 'string', required: false, accepts: /^[^/:]+$/ },
    { name: 'time', description: '', type: 'string', required: false, accepts: /^\d/ },
    { name: 'timezone', description: '', type: 'string', required: false, accepts: /^[A-Za-z][\w+/-]*$/ },
    { name: 'days', description: '', type: 'string', required: false },
    { name: 'market', description: '', type: 'string', required: false },
  ],
};

describe('filling options by position and shape', () => {
  it('skips an option a word does not fit, so a named option can come first', () => {
    expect(parseCommandText(schedule, 'market:"hang seng" 09:00 Asia/Hong_Kong')).toEqual({ market: 'hang seng', time: '09:00', timezone: 'Asia/Hong_Kong' });
    expect(parseCommandText(schedule, 'us 07:30 America/New_York weekdays')).toEqual({
      topic: 'us',
      time: '07:30',
      timezone: 'America/New_York',
      days: 'weekdays',
    });
  });

  it('refuses a word that fits no remaining option', () => {
    const timed: Command = { ...subscribe, usage: '/x [time]', options: [{ name: 'time', description: '', type: 'string', required: false, accepts: /^\d/ }] };
    expect(parseCommandText(timed, '08:00')).toEqual({ time: '08:00' });
    expect(() => parseCommandText(timed, 'tomorrow')).toThrow(/Too many words: "tomorrow"/);
  });
});
