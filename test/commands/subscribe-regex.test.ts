import { describe, expect, it } from 'vitest';
import subscribe from '../../commands/subscribe.ts';

// The options are checked before anything is stored, so no services are needed to see the refusal.
const context = {} as never;
const services = {} as never;

describe('/subscribe regex:', () => {
  it('refuses a lookaround with a message that says filters are linear-time and what to change', async () => {
    const run = subscribe.run({ topic: 'ai', regex: '(?<!not )profit' }, context, services);
    await expect(run).rejects.toThrow(/^regex: filters use linear-time \(RE2\) matching, which has no lookahead or lookbehind.*rewrite the pattern/);
  });

  it('refuses a backreference the same way', async () => {
    await expect(subscribe.run({ topic: 'ai', regex: '(\\w+) \\1' }, context, services)).rejects.toThrow(/^regex: .*no backreferences/);
  });

  it('names a syntax error once, without repeating the option name', async () => {
    await expect(subscribe.run({ topic: 'ai', regex: '(unclosed' }, context, services)).rejects.toThrow(/^regex: missing closing \)/);
  });
});
