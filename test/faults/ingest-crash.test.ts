import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FaultArticle, faultArticles } from '../support/fault-articles.ts';
import { type BotProcess, onStdoutLine, runCli, startShellBot } from '../support/fault-bot.ts';
import { faultRandom, faultSeed } from '../support/fault-seed.ts';
import { checkStore } from '../support/fault-store-check.ts';

const ARTICLES = 200;
const KILLS = 20;
const TOKEN = 'fault-suite-ingest-token-0123';

const folder = mkdtempSync(join(tmpdir(), 'mb-fault-ingest-'));
const database = join(folder, 'bot.db');
const settings = { DATABASE_URL: `sqlite:${database}`, INGEST_TOKEN: TOKEN };
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What the bot said it stored (or already had), by title: the client may forget nothing it was told. */
const acknowledged = new Map<string, string>();

interface Round {
  bot: BotProcess;
  /** Resolves once `count` articles were acknowledged in this round. */
  acks(count: number): Promise<void>;
}

function ackCounter(): { note(title: string, id: string): void; acks(count: number): Promise<void> } {
  let seen = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  return {
    note(title, id) {
      acknowledged.set(title, id);
      seen += 1;
      for (const waiter of waiters.filter((candidate) => candidate.count <= seen)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    acks: (count) => (seen >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
  };
}

/** The shell bot's HTTP ingest endpoint, fed two requests at a time (1 to 3 articles each). */
async function httpRound(articles: FaultArticle[], random: ReturnType<typeof faultRandom>): Promise<Round & { sent: Promise<void> }> {
  const bot = await startShellBot(settings, folder);
  const counter = ackCounter();
  const queue = [...articles];
  const worker = async () => {
    while (queue.length > 0) {
      const batch = queue.splice(0, random.between(1, 3));
      try {
        const response = await fetch(`http://127.0.0.1:${bot.port}/api/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(batch),
        });
        const body = (await response.json()) as { results: Array<{ index: number; status: string; id?: string }> };
        for (const result of body.results) {
          const article = batch[result.index];
          if (article !== undefined && result.id !== undefined && (result.status === 'stored' || result.status === 'duplicate'))
            counter.note(article.title, result.id);
        }
      } catch {
        return; // the bot was killed: what it did not answer is not acknowledged
      }
    }
  };
  return { bot, acks: counter.acks, sent: Promise.all([worker(), worker()]).then(() => undefined) };
}

/** `market-brief ingest --json <folder>`: one JSON line per article it stored or already had. */
function cliRound(articles: FaultArticle[], round: number): Round {
  const inputs = join(folder, `inputs-${round}`);
  mkdirSync(inputs);
  articles.forEach((article, index) => writeFileSync(join(inputs, `${String(index).padStart(4, '0')}.json`), JSON.stringify(article)));
  const bot = runCli(['ingest', '--json', inputs], settings, folder);
  const counter = ackCounter();
  onStdoutLine(bot, (line) => {
    const outcome = JSON.parse(line) as { id: string; title: string };
    counter.note(outcome.title, outcome.id);
  });
  return { bot, acks: counter.acks };
}

function expectWhole(after: string): ReturnType<typeof checkStore> {
  const health = checkStore(database);
  expect({
    after,
    integrity: health.integrity,
    fullText: health.fullText,
    foreignKeys: health.foreignKeyProblems,
    withoutBands: health.articlesWithoutBands,
    repeated: health.repeatedTitles,
  }).toEqual({
    after,
    integrity: ['ok'],
    fullText: 'ok',
    foreignKeys: 0,
    withoutBands: 0,
    repeated: [],
  });
  const lost = [...acknowledged].filter(([, id]) => !health.ids.has(id));
  expect(lost, `${after}: acknowledged articles missing from the store`).toEqual([]);
  return health;
}

describe('kill -9 during ingest', () => {
  it(`loses no acknowledged article and stores none twice across ${KILLS} kills and restarts`, async () => {
    const seed = faultSeed();
    const random = faultRandom('ingest-crash');
    const articles = faultArticles(ARTICLES, seed, new Date());
    const kills: string[] = [];
    for (let round = 0; round < KILLS; round += 1) {
      // Once every article is acknowledged (a CLI batch may finish a round), rounds send them all
      // again: re-ingesting copies is an ingest that can be killed too.
      const unacknowledged = articles.filter((article) => !acknowledged.has(article.title));
      const pending = unacknowledged.length > 0 ? unacknowledged : articles;
      const viaHttp = random.chance(0.5);
      const killAfter = random.between(1, 6);
      const extraMs = random.between(0, 15);
      const current = viaHttp ? await httpRound(pending, random) : cliRound(pending, round);
      await Promise.race([current.acks(killAfter), current.bot.ended]);
      await new Promise((resolve) => setTimeout(resolve, extraMs));
      current.bot.child.kill('SIGKILL');
      const end = await current.bot.ended;
      kills.push(`${viaHttp ? 'http' : 'cli'}:${killAfter}+${extraMs}ms:${end.signal ?? end.status}`);
      // The CLI commits a batch of files at a time (group commit): when the round's last batch
      // held everything still pending, it may finish before the kill; then all of it must be acknowledged.
      const finished = end.status === 0 && pending.every((article) => acknowledged.has(article.title));
      expect(
        end.signal === 'SIGKILL' || finished,
        `round ${round} (${kills.at(-1)}) should have been killed mid-ingest or finished:\n${current.bot.stderr()}`,
      ).toBe(true);
      expectWhole(`kill ${round + 1} (${kills.at(-1)})`);
    }

    // A last run with no kill sends everything again, as a client that retries all would.
    const final = await httpRound(articles, random);
    await final.sent;
    final.bot.child.stdin.end();
    expect((await final.bot.ended).status).toBe(0);
    const health = expectWhole('the final run');
    expect(health.articles).toBe(ARTICLES);
    expect(new Set(acknowledged.values()).size).toBe(ARTICLES);
    console.log(`ingest kills (mode:acks+delay:signal): ${kills.join(' ')}`);
  });
});
