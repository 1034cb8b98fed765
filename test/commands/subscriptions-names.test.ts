import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { type CommandContext, parseCommandText, runCommand } from '../../src/dispatch/index.ts';
import { ingestArticles } from '../../src/pipeline/index.ts';

// Written for this test: a company no reference list holds.
const ZORVATH = {
  title: 'Zorvath Robotics Inc raises $40 million',
  text: 'Zorvath Robotics Inc, a Lisbon maker of warehouse arms, said on Tuesday that it had raised $40 million. Zorvath expects sales to double.',
};
const context: CommandContext = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', isAdmin: true };

let app: App | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function run(name: string, text: string) {
  if (app === null) throw new Error('no app');
  const command = app.commands.commands.find((candidate) => candidate.name === name);
  if (command === undefined) throw new Error(`no /${name}`);
  return JSON.stringify(await runCommand(command, () => parseCommandText(command, text), context, app.commands));
}

describe('/subscriptions names what the channel follows', () => {
  it('by the name stored articles give an organisation no reference list has, not by its id', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mb-subscriptions-')), 'store.db');
    app = createApp(loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
    await ingestArticles([ZORVATH], app.ingest);
    expect(await run('subscribe', 'company:zorvath mode:alerts')).toContain('Zorvath Robotics');
    const listed = await run('subscriptions', '');
    expect(listed).toContain('Zorvath Robotics');
    expect(listed).not.toContain('company:zorvath');
    // A listed company keeps the reference's name.
    await run('subscribe', 'company:Alibaba mode:alerts');
    expect(await run('subscriptions', '')).toContain('Alibaba');
  });
});
