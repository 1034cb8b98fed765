import { describe, expect, it } from 'vitest';
import { readmeCommandExamples } from '../../support/readme-examples.ts';
import { runCli, temporaryDatabase } from '../../support/run-cli.ts';

describe('every command example in README.md, run in the shell bot', () => {
  const examples = readmeCommandExamples();

  it('finds the examples (the README is parsed at test time, so a new example is tested too)', () => {
    expect(examples).toContain('/subscribe ai cron:"0 8,17 * * 1-5" timezone:Europe/London exclude:crypto');
    expect(examples).toContain('/subscribe market:"hang seng" 09:00 Asia/Hong_Kong');
    expect(examples).toContain('/subscribe market:"S&P 500" mode:both');
    expect(examples.length).toBeGreaterThan(8);
  });

  it('answers each one without a parse error, a refusal or a failure', { timeout: 120_000 }, async () => {
    const result = await runCli(['start'], { env: { DATABASE_URL: temporaryDatabase() }, input: `${examples.join('\n')}\n` });
    expect(result.status).toBe(0);
    const replies = result.stdout.split(/^== /m).slice(1);
    expect(replies).toHaveLength(examples.length);
    for (const [index, reply] of replies.entries()) {
      const example = examples[index] ?? '';
      const name = /^\/(\S+)/.exec(example)?.[1] ?? '';
      // A refusal or an error is titled with the command itself ("== /subscribe =="); an answer has its own title.
      expect({ example, reply: reply.split('\n')[0] }).not.toEqual({ example, reply: `/${name} ==` });
      expect(reply, example).not.toMatch(/Unknown command|Something went wrong|Too many words|Usage:/);
    }
  });
});
