import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { LanguageModelError } from '../src/ports/index.ts';
import { Capture } from './support/run-cli.ts';

function failure(): Error {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  return new LanguageModelError('unavailable', 'the model call failed', { cause });
}

describe('the logger', () => {
  it('writes an error as one JSON line without its stack, except at debug', () => {
    const warn = new Capture();
    createLogger('warn', { stream: warn }).warn({ reference: 'ab12cd34', err: failure() }, 'article summary fell back to extractive');
    const entries = warn.text.trim().split('\n');
    expect(entries).toHaveLength(1);
    const entry = JSON.parse(entries[0] ?? '{}') as { err: Record<string, unknown>; reference: string; msg: string };
    expect(entry.err).toEqual({ type: 'LanguageModelError', message: 'the model call failed: connect ECONNREFUSED 127.0.0.1:9', failure: 'unavailable' });
    expect(entry.reference).toBe('ab12cd34');

    const debug = new Capture();
    createLogger('debug', { stream: debug }).warn({ err: failure() }, 'fell back');
    expect(String((JSON.parse(debug.text) as { err: { stack: string } }).err.stack)).toMatch(/\n\s+at /);
  });

  it('writes lines for people on a terminal, levels below the threshold left out', () => {
    const terminal = new Capture(true);
    const logger = createLogger('warn', { stream: terminal });
    logger.info({ port: 3000 }, 'HTTP server listening');
    logger.warn({ source: 'src-1', problem: 'two words' }, 'feed paused');
    logger.error({ err: failure() }, 'command failed');
    expect(terminal.text.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d WARN feed paused source=src-1 problem="two words"$/),
      expect.stringMatching(/^\d\d:\d\d:\d\d ERROR command failed \(LanguageModelError: the model call failed: connect ECONNREFUSED 127\.0\.0\.1:9\)$/),
    ]);
    const verbose = new Capture(true);
    createLogger('debug', { stream: verbose }).error({ err: failure() }, 'command failed');
    expect(verbose.text).toMatch(/^\d\d:\d\d:\d\d ERROR command failed \(LanguageModelError: .*\)\n {4}LanguageModelError: the model call failed\n {8}at /);
  });
});
