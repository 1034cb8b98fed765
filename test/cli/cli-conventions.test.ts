import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { logLevelFor } from '../../src/cli.ts';
import { loadConfig } from '../../src/config/index.ts';
import { runCliInProcess, temporaryDatabase } from '../support/run-cli.ts';

/** Every command a user can type, listed here by hand: one missing from the help table fails below. */
const COMMANDS = ['start', 'ingest', 'brief', 'company', 'market', 'ask', 'topics', 'feeds', 'deliveries', 'manifest', 'sync', 'render', 'usage'];

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** A loopback port nothing listens on: the LLM endpoint is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 9;
}

// The CLI runs in this process (no process start); a few cases read the sample articles first.
describe('the CLI behaves like a Unix tool', { timeout: 120_000 }, () => {
  it('prints usage, options and an example for --help and -h on every command, exit 0, even with a bad setting', async () => {
    for (const command of COMMANDS) {
      for (const flag of ['--help', '-h']) {
        const result = await runCliInProcess([command, 'some-argument', flag], { env: { DEFAULT_TIMEZONE: 'Nowhere/Land' } });
        expect(result.status, `${command} ${flag}: ${result.stderr}`).toBe(0);
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(new RegExp(`^usage: market-brief ${command}\\b`));
        expect(result.stdout).toContain('\noptions:\n');
        expect(result.stdout).toContain('-h, --help');
        expect(result.stdout).toMatch(new RegExp(`\\nexamples?:\\n(  .*\\n)*  .*market-brief ${command}\\b`));
        // Our own text, not Node's parseArgs message.
        expect(result.stdout).not.toContain('To specify a positional argument');
      }
    }
    const overview = await runCliInProcess(['--help']);
    expect(overview.status).toBe(0);
    for (const command of COMMANDS) expect(overview.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    expect((await runCliInProcess(['help', 'brief'])).stdout).toMatch(/^usage: market-brief brief/);
    // Help after `--` is an argument, not a request for help.
    expect((await runCliInProcess(['manifest', '--', '--help'])).status).toBe(2);
  });

  it('exits non-zero with one line on stderr and nothing on stdout when a query fails or the usage is wrong', async () => {
    const env = { DATABASE_URL: temporaryDatabase() };
    const cases: Array<[string[], number, RegExp]> = [
      [['company', 'Zzzz'], 1, /Zzzz/],
      [['market', 'Qqqq Exchange'], 1, /Qqqq/],
      [['ask'], 1, /question/],
      [['brief', '--help-me'], 2, /unknown option '--help-me'.*market-brief brief --help/],
      [['ingest', '--jsn', 'x.txt'], 2, /unknown option '--jsn'/],
      [['topics', '--format', 'xml'], 2, /--format xml/],
      [['brief', '--topic', 'nonsense-topic-zz'], 2, /nonsense-topic-zz/],
      [['frobnicate'], 2, /unknown command "frobnicate"/],
    ];
    for (const [args, status, message] of cases) {
      const result = await runCliInProcess(args, { env });
      expect(result.status, args.join(' ')).toBe(status);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(lines(result.stderr), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^market-brief: /);
      expect(result.stderr).toMatch(message);
    }
    const badSettings = await runCliInProcess(['topics'], { env: { ...env, DEFAULT_TIMEZONE: 'Nowhere/Land', BRIEF_WINDOW_HOURS: 'soon' } });
    expect(badSettings.status).toBe(2);
    expect(lines(badSettings.stderr)).toHaveLength(1);
    expect(badSettings.stderr).toMatch(/DEFAULT_TIMEZONE.*BRIEF_WINDOW_HOURS/);

    // A query that works: the answer on stdout, nothing on stderr (no info logs by default).
    const topics = await runCliInProcess(['topics'], { env });
    expect(topics.status).toBe(0);
    expect(topics.stdout).toContain('hong-kong');
    expect(topics.stderr).toBe('');
  });

  it('keeps the shell bot’s replies free of logs: at most warnings, on stderr, even with LOG_LEVEL=info', async () => {
    const result = await runCliInProcess(['start'], {
      env: { DATABASE_URL: temporaryDatabase(), LOG_LEVEL: 'info' },
      input: '/company Alibaba\n/topics\n',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^== Alibaba/m);
    expect(result.stdout).not.toMatch(/"level"|\bINFO\b|\bWARN\b/);
    for (const line of lines(result.stderr)) expect(line).not.toMatch(/"level":(10|20|30)\b/);
    const config = (settings: Record<string, string>) => loadConfig(settings, null);
    expect(logLevelFor('start', config({}))).toBe('warn');
    expect(logLevelFor('start', config({ LOG_LEVEL: 'info' }))).toBe('warn');
    expect(logLevelFor('start', config({ LOG_LEVEL: 'debug' }))).toBe('debug');
    expect(
      logLevelFor('start', config({ DISCORD_TOKEN: `${'a'.repeat(24)}.${'b'.repeat(6)}.${'c'.repeat(38)}`, DISCORD_APPLICATION_ID: '123456789012345678' })),
    ).toBe('info');
    expect(logLevelFor('topics', config({}))).toBe('warn');
    expect(logLevelFor('topics', config({ LOG_LEVEL: 'info' }))).toBe('info');
  });

  it('with the LLM down, logs one line per failed call with a reference, no stack; the stack only at debug', async () => {
    const env = { DATABASE_URL: temporaryDatabase(), EXAMPLES_ON_FIRST_RUN: 'false' };
    const ingested = await runCliInProcess(['ingest', 'examples/'], { env });
    expect(ingested.status, ingested.stderr).toBe(0);
    const down = { ...env, OPENAI_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1`, OPENAI_API_KEY: 'test-key', LLM_MAX_RETRIES: '0' };

    const brief = await runCliInProcess(['brief', '--format', 'json'], { env: down });
    expect(brief.status, brief.stderr).toBe(0);
    expect(JSON.parse(brief.stdout)).toHaveProperty('stories');
    const logged = lines(brief.stderr).map((line) => JSON.parse(line) as Record<string, unknown>);
    const failed = logged.filter((entry) => entry['failure'] !== undefined);
    expect(failed.length).toBeGreaterThan(0);
    for (const entry of failed) {
      expect(entry['reference']).toMatch(/^\S{6,}$/);
      expect(JSON.stringify(entry)).not.toMatch(/\\n\s+at /);
      expect(JSON.stringify(entry).length).toBeLessThan(1000);
    }

    // On a terminal the same lines are for people; at debug they carry the stack.
    const human = await runCliInProcess(['brief'], { env: down, stderrIsTTY: true });
    expect(human.status).toBe(0);
    const humanLines = lines(human.stderr);
    expect(humanLines.length).toBeGreaterThan(0);
    for (const line of humanLines) expect(line).toMatch(/^\d\d:\d\d:\d\d WARN .*reference=\S+/);
    const debug = await runCliInProcess(['ask', 'why are Hong Kong stocks rising?'], { env: { ...down, LOG_LEVEL: 'debug' } });
    expect(debug.stderr).toMatch(/\\n\s+at |"stack":/);
  });
});
