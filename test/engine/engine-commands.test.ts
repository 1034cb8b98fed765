import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands as registry } from '../../commands/index.ts';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { type CommandContext, runCommand } from '../../src/dispatch/index.ts';
import { ingestArticles } from '../../src/pipeline/index.ts';

// Written for this test: one story every workspace sees, one only workspace TA's feed brought in.
function stories(now: Date) {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  return {
    shared: {
      title: 'Exxon Mobil raises its dividend as refining margins hold',
      text: 'Exxon Mobil said on Tuesday it would raise its quarterly dividend by 4% after a year of strong refining margins. Exxon Mobil shares rose 2% in New York.',
      url: 'https://news.example/exxon-dividend',
      publishedAt: hoursAgo(2),
    },
    private: {
      title: 'Exxon Mobil weighs a sale of its Nigerian oil fields',
      text: 'Exxon Mobil is weighing a sale of onshore oil fields in Nigeria, two people familiar with the talks said. Exxon Mobil declined to comment.',
      url: 'https://feeds.example/exxon-nigeria',
      publishedAt: hoursAgo(1),
    },
  };
}

const context = (workspaceId: string): CommandContext => ({ platform: 'slack', workspaceId, channelId: 'C1', userId: 'U1', isAdmin: false });

function ask(app: App, name: string, options: Record<string, string>, where: CommandContext) {
  const command = app.commands.commands.find((candidate) => candidate.name === name);
  if (command === undefined) throw new Error(`no /${name}`);
  return runCommand(command, options, where, app.commands);
}

describe('read-only commands on the engine’s query thread', () => {
  it('answer as on the main thread, through the same tenant view, and a user-facing error still reaches the user', async () => {
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'mb-engine-commands-')), 'store.db')}`;
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null);
    const here = createApp(config);
    const { shared, private: owned } = stories(here.clock.now());
    await ingestArticles([shared], here.ingest);
    await ingestArticles([owned], { ...here.ingest, owners: ['slack:TA'] });
    const threaded = createApp(config, { threads: true });
    try {
      // Wired: the threaded app's /company is not the registry's own function (it posts to the thread).
      const company = (app: App) => app.commands.commands.find((command) => command.name === 'company')?.run;
      expect(company(threaded)).not.toBe(registry.find((command) => command.name === 'company')?.run);
      expect(company(here)).toBe(registry.find((command) => command.name === 'company')?.run);

      for (const workspace of ['TA', 'TB']) {
        const onThread = await ask(threaded, 'company', { name: 'Exxon Mobil' }, context(workspace));
        const onMain = await ask(here, 'company', { name: 'Exxon Mobil' }, context(workspace));
        expect(onThread).toEqual(onMain);
        const titles = onThread.sources.map((source) => source.title);
        expect(titles).toContain(shared.title);
        // Only TA's feed brought the private story in: TB never sees it, on the thread either.
        expect(titles.includes(owned.title)).toBe(workspace === 'TA');
      }
      for (const [name, options] of [
        ['market', { name: 'S&P 500' }],
        ['ask', { question: 'what did Exxon Mobil say about its dividend?' }],
        ['topics', {}],
      ] as const) {
        expect(await ask(threaded, name, options, context('TB'))).toEqual(await ask(here, name, options, context('TB')));
      }

      const unknown = await ask(threaded, 'company', { name: 'Qwzx Vrrbl' }, context('TB'));
      const text = JSON.stringify(unknown);
      expect(text).not.toContain('Something went wrong');
      expect(text).toEqual(JSON.stringify(await ask(here, 'company', { name: 'Qwzx Vrrbl' }, context('TB'))));
    } finally {
      await threaded.close();
      await here.close();
    }
  });
});
