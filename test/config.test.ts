import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig, sqlitePath } from '../src/config/config.ts';

describe('config', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({}, null);
    expect(config.DATABASE_URL).toBe('sqlite:.market-brief/market-brief.db');
    expect(config.DEFAULT_TIMEZONE).toBe('UTC');
    expect(config.BRIEF_WINDOW_HOURS).toBe(24);
    expect(config.EXAMPLES_ON_FIRST_RUN).toBe(true);
  });

  it('lists every problem at once, by variable name', () => {
    let caught: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', DEFAULT_TIMEZONE: 'Mars/Olympus', BRIEF_WINDOW_HOURS: 'soon', LOG_LEVEL: 'loud' }, null);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    for (const name of ['DATABASE_URL', 'DEFAULT_TIMEZONE', 'BRIEF_WINDOW_HOURS', 'LOG_LEVEL']) expect(problems).toContain(name);
    expect((caught as ConfigError).problems).toHaveLength(4);
  });

  it('reads .env, and the real environment wins over it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mb-env-')), '.env');
    writeFileSync(path, 'DEFAULT_TIMEZONE=Asia/Hong_Kong\nBRIEF_WINDOW_HOURS=12\n');
    const config = loadConfig({ BRIEF_WINDOW_HOURS: '6' }, path);
    expect(config.DEFAULT_TIMEZONE).toBe('Asia/Hong_Kong');
    expect(config.BRIEF_WINDOW_HOURS).toBe(6);
  });

  it('maps DATABASE_URL to a SQLite path', () => {
    expect(sqlitePath('sqlite::memory:')).toBe(':memory:');
    expect(sqlitePath('sqlite:/tmp/x.db')).toBe('/tmp/x.db');
  });

  it('documents every setting in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
    expect([...documented].sort()).toEqual(Object.keys(configSchema.shape).sort());
  });
});
