// The inputs of the query benchmark: company names, markets and questions drawn from what a store
// holds, the same for every store size so runs compare (bench/query.ts, bench/support/query-answers.ts).
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { CommandContext } from '../../src/dispatch/command.ts';
import { TOPICS } from '../../src/pipeline/understand/topics/topics.ts';
import { createRandom } from '../../test/support/seeded-random.ts';

export const RUNS = { company: 300, market: 120, ask: 300 };
export const WARM_UP = 10;
// Question shapes of our own; the names come from what the store holds.
const ASK_TEMPLATES = [
  (name: string) => `what did ${name} say about profit?`,
  (name: string) => `why did ${name} shares move?`,
  (name: string) => `${name} outlook for next year`,
  (name: string) => `who is buying ${name}?`,
  (name: string) => `what happened to ${name} revenue`,
];

export const context: CommandContext = { platform: 'bench', workspaceId: 'w', channelId: 'c', userId: 'u', isAdmin: false };

export type Inputs = Record<'company' | 'market' | 'ask', Array<Record<string, string>>>;

/** The names users ask about, drawn from what the smaller store holds (the larger one holds it too). */
export async function chooseInputs(path: string): Promise<Inputs & { companies: number; markets: number }> {
  const app = createApp(loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent', EXAMPLES_ON_FIRST_RUN: 'false' }, null));
  const popular = await app.store.entityCounts(undefined, 2_000);
  await app.close();
  const companies = popular.filter((count) => count.entity.type === 'company');
  const markets = popular.filter((count) => count.entity.type === 'index' || count.entity.type === 'exchange');
  const regions = TOPICS.filter((topic) => topic.kind === 'region');
  const random = createRandom(2_002);
  // Half the names among the 50 most written about, half from the long tail, as users ask.
  const companyNames = (count: number) =>
    Array.from({ length: count }, (_unused, index) => (index % 2 === 0 ? random.pick(companies.slice(0, 50)) : random.pick(companies)).entity.name);
  const marketNames = (count: number) =>
    Array.from({ length: count }, (_unused, index) => (index % 3 === 2 ? random.pick(regions).slug : random.pick(markets).entity.name));
  return {
    company: companyNames(RUNS.company + WARM_UP).map((name) => ({ name })),
    market: marketNames(RUNS.market + WARM_UP).map((name) => ({ name })),
    ask: companyNames(RUNS.ask + WARM_UP).map((name) => ({ question: random.pick(ASK_TEMPLATES)(name) })),
    companies: companies.length,
    markets: markets.length + regions.length,
  };
}
