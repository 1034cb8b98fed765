import { parseArgs } from 'node:util';
import type { App } from '../app.ts';
import { briefForScope, briefToReply, DEFAULT_MAX_STORIES, WIDEN_LIMIT_DAYS } from '../brief/index.ts';
import { type Brief, UserFacingError } from '../domain/index.ts';
import { findTopic, suggestTopics } from '../pipeline/index.ts';
import { renderMarkdown, renderText } from '../platforms/index.ts';
import { parseSince } from './parse-duration.ts';
import { type CliIo, processIo } from './io.ts';

/** `market-brief brief`: compose a brief now and print it; json prints the Brief value itself. */
export async function briefCommand(argv: string[], app: App, io: CliIo = processIo()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      topic: { type: 'string', multiple: true, default: [] },
      since: { type: 'string' },
      stories: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  if (!['text', 'markdown', 'json'].includes(values.format)) {
    throw new UserFacingError(`--format ${values.format}: expected text, markdown or json`);
  }
  const topics = values.topic.map((query) => {
    const topic = findTopic(query);
    if (topic === null) {
      const hint = suggestTopics(query, 4).map((suggestion) => suggestion.slug);
      throw new UserFacingError(`--topic ${query}: unknown topic${hint.length > 0 ? `; did you mean ${hint.join(', ')}?` : ''}`);
    }
    return topic;
  });
  const maxStories = values.stories === undefined ? DEFAULT_MAX_STORIES : Number(values.stories);
  if (!Number.isInteger(maxStories) || maxStories < 1 || maxStories > 100) {
    throw new UserFacingError(`--stories ${values.stories}: expected a whole number from 1 to 100`);
  }
  const windowHours = values.since === undefined ? app.config.BRIEF_WINDOW_HOURS : parseSince(values.since, app.clock.now());
  const title = topics.length === 0 ? 'Market brief' : `Market brief: ${topics.map((topic) => topic.label).join(', ')}`;
  const brief = await briefForScope(
    { title, topics: topics.map((topic) => topic.slug) },
    {
      windowHours,
      widenWhenEmpty: values.since === undefined,
      widenLimitDays: WIDEN_LIMIT_DAYS.brief,
      maxStories,
      moreHint: `market-brief brief --stories ${Math.min(100, maxStories * 4)} lists them`,
    },
    app,
  );
  if (values.format === 'json') io.stdout.write(`${JSON.stringify(brief, null, 2)}\n`);
  else if (values.format === 'markdown') io.stdout.write(renderMarkdown(briefToReply(brief)));
  else io.stdout.write(`${renderText(briefToReply(brief))}\n`);
  return 0;
}
