import type { Command } from '../src/dispatch/index.ts';
import ask from './ask.ts';
import brief from './brief.ts';
import company from './company.ts';
import help from './help.ts';
import market from './market.ts';
import source from './source.ts';
import subscribe from './subscribe.ts';
import subscriptions from './subscriptions.ts';
import summarize from './summarize.ts';
import topics from './topics.ts';
import unsubscribe from './unsubscribe.ts';
import usage from './usage.ts';

/** The only registry of slash commands; every platform builds its commands from this list. */
export const commands: readonly Command[] = [brief, market, company, ask, topics, subscribe, unsubscribe, subscriptions, summarize, source, usage, help];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name.toLowerCase());
}

export { resolveTopic } from './resolve.ts';
