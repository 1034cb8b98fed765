import { parseArgs } from 'node:util';
import { resolveTopic } from '../../commands/index.ts';
import type { App } from '../app.ts';
import { isUserFacing, type Source } from '../domain/index.ts';
import type { PollSummary, SourceActions } from '../ports/index.ts';
import { createSourceServices, pollSources } from '../sources/index.ts';
import { type CliIo, processIo } from './io.ts';
import { FEEDS_USAGE } from './usage-lines.ts';

/** Feeds added from the command line belong to the local shell bot's channel, which also gets their notices. */
const CLI_OWNER = { platform: 'shell', workspaceId: 'local', channelId: 'local', userId: 'cli' };

function describeSource(source: Source): string {
  const state = source.paused
    ? `paused: ${source.pausedReason ?? ''}`
    : source.consecutiveFailures > 0
      ? `failing ×${source.consecutiveFailures}: ${source.lastError ?? ''}`
      : source.lastSuccessAt === null
        ? 'not polled yet'
        : 'ok';
  const topics = source.topics.length > 0 ? `  topics ${source.topics.join(',')}` : '';
  return `${source.id}  ${source.itemsStored} items  every ${source.intervalMinutes} min  last success ${source.lastSuccessAt ?? 'never'}  ${state}\n    ${source.title ?? '(untitled)'} <${source.url}>${topics}`;
}

function describePoll(summary: PollSummary, source: Source | undefined): string {
  const name = source === undefined ? summary.sourceId : `${summary.sourceId} ${source.url}`;
  if (!summary.ok) return `${name}: failed${summary.paused ? ' and paused' : ''}: ${summary.error ?? ''}`;
  if (summary.outcome === 'not-modified') return `${name}: not modified`;
  return `${name}: stored ${summary.stored}, already known ${summary.duplicates}${summary.skipped > 0 ? `, unreadable ${summary.skipped}` : ''}`;
}

async function resolveSources(actions: SourceActions, targets: string[]): Promise<Source[]> {
  const sources: Source[] = [];
  for (const target of targets) {
    const source = await actions.find(target);
    if (source === null) throw Object.assign(new Error(`no feed "${target}" (market-brief feeds list shows them)`), { unknownFeed: true });
    sources.push(source);
  }
  return sources;
}

/** `market-brief feeds …`: exit status 0 on success, 1 when a feed failed, 2 for bad usage. */
export async function feedsCommand(argv: string[], app: App, io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { topic: { type: 'string', multiple: true, default: [] }, due: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [action, ...targets] = positionals;
  const { actions, polling } = createSourceServices(app.config, app, {
    notify: async (source, message) => void io.stderr.write(`market-brief: ${message}\n`),
  });
  const out = (line: string): boolean => io.stdout.write(`${line}\n`);
  try {
    switch (action) {
      case 'add': {
        const [url] = targets;
        if (url === undefined || targets.length > 1) break;
        const topics = values.topic
          .flatMap((topic) => topic.split(','))
          .filter(Boolean)
          .map((topic) => resolveTopic(topic.trim()).slug);
        const added = await actions.add({ url, topics, addedBy: CLI_OWNER });
        if (values.json) {
          out(JSON.stringify(added));
          return 0;
        }
        const verdict = added.created ? 'added' : added.linked ? 'added (already polled for a workspace; its items are now shared):' : 'already polled:';
        out(`${verdict} ${describeSource(added.source)}`);
        if (added.poll !== null) out(describePoll(added.poll, added.source));
        for (const item of added.preview)
          out(`  - ${item.title}${item.publishedAt === null ? '' : ` (${item.publishedAt.slice(0, 10)})`}${item.url === null ? '' : ` <${item.url}>`}`);
        return added.poll?.ok === false ? 1 : 0;
      }
      case 'list':
      case 'errors': {
        if (targets.length > 0) break;
        const sources = (await actions.list()).filter((source) => action === 'list' || source.paused || source.consecutiveFailures > 0);
        if (values.json) out(JSON.stringify(sources));
        else if (sources.length === 0) out(action === 'list' ? 'no feeds yet: market-brief feeds add <url>' : 'no feed is failing');
        else for (const source of sources) out(describeSource(source));
        return 0;
      }
      case 'remove':
      case 'resume': {
        if (targets.length === 0) break;
        for (const source of await resolveSources(actions, targets)) {
          if (action === 'remove') await actions.remove(source.id);
          else await actions.resume(source.id);
          out(`${action === 'remove' ? 'removed' : 'resumed'} ${source.id} <${source.url}>`);
        }
        return 0;
      }
      case 'poll': {
        const ids = (await resolveSources(actions, targets)).map((source) => source.id);
        const summaries = await pollSources(polling, ids.length > 0 ? { ids } : { all: !values.due });
        const sources = new Map((await actions.list()).map((source) => [source.id, source]));
        if (values.json) for (const summary of summaries) out(JSON.stringify(summary));
        else for (const summary of summaries) out(describePoll(summary, sources.get(summary.sourceId)));
        if (!values.json)
          io.stderr.write(
            `polled ${summaries.length} feed${summaries.length === 1 ? '' : 's'}, stored ${summaries.reduce((sum, summary) => sum + summary.stored, 0)} new items, ${summaries.filter((summary) => !summary.ok).length} failed\n`,
          );
        return summaries.every((summary) => summary.ok) ? 0 : 1;
      }
      default:
        break;
    }
  } catch (error) {
    // A feed that cannot be read or found is a failure of the run (1), not a usage error (2).
    if (isUserFacing(error) || (error as { unknownFeed?: boolean }).unknownFeed === true) {
      io.stderr.write(`market-brief: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
  io.stderr.write(`usage: ${FEEDS_USAGE}\n`);
  return 2;
}
