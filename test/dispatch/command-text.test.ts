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
