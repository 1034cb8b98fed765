import { z } from 'zod';
import { type Command, type CommandContext, type CommandServices, parseOptions } from '../src/dispatch/index.ts';
import { type Reply, type ReplyLine, type Source, textReply, UserFacingError } from '../src/domain/index.ts';
import { type AddedSource, ownerOf, type SourceActions } from '../src/ports/index.ts';
import { resolveTopic } from './resolve.ts';

const usage = '/source add <feed url> [topics…] | list | remove <id or url> | errors | resume <id or url>';
const ACTIONS = ['add', 'list', 'remove', 'errors', 'resume'] as const;
/** Changing the feeds changes what the bot fetches and posts: admins only, like /subscribe. */
const ADMIN_ACTIONS = new Set<string>(['add', 'remove', 'resume', 'errors']);

const schema = z.object({
  action: z.enum(ACTIONS, { message: `the action must be one of ${ACTIONS.join(', ')}` }),
  feed: z.string().trim().min(1).optional(),
  topics: z.string().trim().optional(),
});

/** The feed actions, when the bot was started with them (main.ts and the CLI provide them). */
export function sourceActions(services: CommandServices): SourceActions {
  const actions = services.sources;
  if (actions === undefined) throw new UserFacingError('Feeds and page fetching are not enabled in this bot.');
  return actions;
}

function when(iso: string | null): string {
  return iso === null ? 'never' : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function status(source: Source): string {
  if (source.paused) return `paused: ${source.pausedReason ?? 'no reason recorded'}`;
  if (source.consecutiveFailures > 0) return `failing (${source.consecutiveFailures} in a row): ${source.lastError ?? 'unknown error'}`;
  return source.lastSuccessAt === null ? 'not polled yet' : 'ok';
}

/** Failed poll jobs of the caller's feeds (the bot's job queue keeps them), newest first. */
async function failedPollLines(actions: SourceActions, sources: Source[]): Promise<ReplyLine[]> {
  if (actions.failedPolls === undefined) return [];
  const byId = new Map(sources.map((source) => [source.id, source]));
  const failed = (await actions.failedPolls(50)).filter((job) => byId.has(job.sourceId)).slice(0, 10);
  return failed.map((job) => {
    const source = byId.get(job.sourceId) as Source;
    return { label: source.title ?? source.url, text: `${source.id} · ${when(job.failedAt)} · after ${job.attempts} attempt(s): ${job.error}`, sources: [] };
  });
}

function sourceLine(source: Source): ReplyLine {
  const topics = source.topics.length > 0 ? ` · topics ${source.topics.join(', ')}` : '';
  return {
    label: source.title ?? source.url,
    text: `${source.id} · ${source.url} · every ${source.intervalMinutes} min${topics} · ${source.itemsStored} items stored · last success ${when(source.lastSuccessAt)} · ${status(source)}`,
    sources: [],
  };
}

function addedReply(added: AddedSource): Reply {
  const { source, poll, preview } = added;
  const name = source.title ?? source.url;
  if (!added.linked)
    return textReply('Feed already added', [
      `${name} (${source.id}) is already polled every ${source.intervalMinutes} minutes for this workspace; its items are already in the news.`,
    ]);
  if (!added.created) {
    // Fetched already for the bot (another workspace or the operator): one fetch serves both; nothing of theirs is said.
    const topics = source.topics.length > 0 ? ` Its items are tagged ${source.topics.join(', ')}.` : '';
    return {
      title: `Feed added: ${name}`,
      lead: {
        text: `Polling ${source.url} every ${source.intervalMinutes} minutes (id ${source.id}); its current items are in this workspace's news now.${topics}`,
        sources: [],
      },
      sections: added.preview.length === 0 ? [] : [previewSection(added)],
      sources: [],
      visibility: 'public',
    };
  }
  const stored =
    poll === null
      ? ''
      : poll.ok
        ? ` Stored its ${poll.stored} current item${poll.stored === 1 ? '' : 's'} now${poll.duplicates > 0 ? ` (${poll.duplicates} already known)` : ''}; they count as already seen, so only items published from now on are new.`
        : ` The first read failed (${poll.error}); it is retried on schedule.`;
  return {
    title: `Feed added: ${name}`,
    lead: { text: `Polling ${source.url} every ${source.intervalMinutes} minutes (id ${source.id}).${stored}`, sources: [] },
    sections: preview.length === 0 ? [] : [previewSection(added)],
    sources: [],
    visibility: 'public',
  };
}

function previewSection({ preview }: AddedSource): Reply['sections'][number] {
  return {
    heading: 'Latest items',
    lines: preview.map((item) => ({
      label: item.title,
      text: [item.publishedAt === null ? null : when(item.publishedAt), item.url].filter(Boolean).join(' · '),
      sources: [],
    })),
  };
}

async function findOwn(actions: SourceActions, target: string | undefined, context: CommandContext, verb: string): Promise<Source> {
  if (target === undefined) throw new UserFacingError(`Name the feed to ${verb}: its id (see /source list) or URL.`);
  const source = await actions.find(target, { owner: ownerOf(context) });
  if (source === null) throw new UserFacingError(`No feed "${target}" here. /source list shows this workspace's feeds.`);
  return source;
}

export default {
  name: 'source',
  description: 'News feeds the bot polls: add (with a preview), list, remove, errors, resume (admins, except list)',
  usage,
  examples: ['/source add https://example.com/markets/rss.xml hong-kong', '/source list', '/source errors', '/source remove src_1a2b3c4d5e6f'],
  options: [
    { name: 'action', description: 'add, list, remove, errors or resume', type: 'string', required: true },
    { name: 'feed', description: 'The feed URL (add), or a feed id or URL (remove, resume)', type: 'string', required: false },
    { name: 'topics', description: 'Topics every item of the feed is tagged with (add), e.g. hong-kong earnings', type: 'string', required: false, rest: true },
  ],
  adminOnly: false,
  async run(options, context, services) {
    const input = parseOptions(schema, options, usage);
    if (ADMIN_ACTIONS.has(input.action) && !context.isAdmin) return textReply('Not allowed', [`Only admins can use /source ${input.action}.`]);
    const actions = sourceActions(services);
    switch (input.action) {
      case 'add': {
        if (input.feed === undefined) throw new UserFacingError(`Give the feed's URL. Usage: ${usage}`);
        const topics = (input.topics ?? '')
          .split(/[\s,]+/)
          .filter((topic) => topic !== '')
          .map((topic) => resolveTopic(topic).slug);
        const { platform, workspaceId, channelId, userId } = context;
        return addedReply(await actions.add({ url: input.feed, topics, addedBy: { platform, workspaceId, channelId, userId }, owner: ownerOf(context) }));
      }
      case 'list': {
        const sources = await actions.list({ owner: ownerOf(context) });
        if (sources.length === 0) return textReply('Feeds', ['No feeds yet. An admin can add one with /source add <feed url>.']);
        return { title: `Feeds (${sources.length})`, sections: [{ heading: '', lines: sources.map(sourceLine) }], sources: [], visibility: 'ephemeral' };
      }
      case 'errors': {
        const sources = await actions.list({ owner: ownerOf(context) });
        const troubled = sources.filter((source) => source.paused || source.consecutiveFailures > 0);
        const failedJobs = await failedPollLines(actions, sources);
        if (troubled.length === 0 && failedJobs.length === 0) {
          return textReply('Feed errors', [sources.length === 0 ? 'No feeds yet.' : `All ${sources.length} feeds are healthy.`]);
        }
        const lines = troubled.map((source) => ({
          label: source.title ?? source.url,
          text: `${source.id} · ${status(source)} · last success ${when(source.lastSuccessAt)} · ${source.paused ? `resume with /source resume ${source.id}` : `next try ${when(source.nextPollAt)}`}`,
          sources: [],
        }));
        const sections: Reply['sections'] = [{ heading: '', lines }];
        if (failedJobs.length > 0) sections.push({ heading: 'Poll jobs that failed every attempt', lines: failedJobs });
        return { title: `Feed errors (${troubled.length} of ${sources.length})`, sections, sources: [], visibility: 'ephemeral' };
      }
      case 'remove': {
        const source = await findOwn(actions, input.feed, context, 'remove');
        await actions.remove(source.id, ownerOf(context));
        return textReply(
          'Feed removed',
          [`Stopped polling ${source.title ?? source.url} (${source.id}) for this workspace. The articles already stored stay.`],
          'public',
        );
      }
      case 'resume': {
        const source = await findOwn(actions, input.feed, context, 'resume');
        const resumed = await actions.resume(source.id);
        return textReply('Feed resumed', [`${resumed?.title ?? source.url} (${source.id}) is polled again from the next minute.`], 'public');
      }
    }
  },
} satisfies Command;
