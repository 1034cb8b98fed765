import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryDatabase } from '../../support/run-cli.ts';

// An article written for this test about a company no reference list holds, with its chief executive.
const ARTICLE = [
  'Zorvath Robotics raises $40 million for a second factory',
  '',
  'Zorvath Robotics Inc, a Lisbon maker of warehouse arms, said on Tuesday that it had raised $40 million from a group of investors. ' +
    'Chief Executive Marta Quintela said the money would pay for a second factory near Porto. ' +
    'Zorvath expects sales to double next year, Quintela told reporters.',
  '',
].join('\n');

describe('organisations and people no reference list holds, end to end', () => {
  it('ingest --json lists the company and its chief executive as a person linked to it; /company then answers for it', { timeout: 120_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mb-open-'));
    const file = join(folder, 'zorvath.txt');
    writeFileSync(file, ARTICLE);
    const env = { DATABASE_URL: temporaryDatabase() };

    const ingest = await runCli(['ingest', '--json', file], { env });
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(0);
    const article = JSON.parse(ingest.stdout.trim().split('\n')[0] ?? '{}') as { status: string; entities: Array<Record<string, unknown>> };
    expect(article.status).toBe('stored');
    expect(article.entities).toContainEqual(expect.objectContaining({ name: 'Zorvath Robotics', type: 'company', ticker: null, count: 3 }));
    expect(article.entities).toContainEqual(
      expect.objectContaining({
        name: 'Marta Quintela',
        type: 'person',
        role: 'chief executive',
        organisationId: 'company:zorvath-robotics',
        organisation: 'Zorvath Robotics',
      }),
    );

    const shell = await runCli(['start'], { env, input: '/company Zorvath Robotics\n/company Quintela Robotics\n' });
    expect(shell.status).toBe(0);
    const [, found = '', unknown = ''] = shell.stdout.split(/^== /m);
    expect(found).toMatch(/^Zorvath Robotics ==/);
    expect(found).toContain('Zorvath Robotics raises $40 million for a second factory');
    expect(unknown).toContain(`I don't know a company called "Quintela Robotics"`);
  });
});
