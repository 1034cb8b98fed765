import { z } from 'zod';
import { briefForScope, briefToReply, WIDEN_LIMIT_DAYS } from '../src/brief/index.ts';
import { type Command, parseOptions } from '../src/dispatch/index.ts';
import { resolveTopic } from './resolve.ts';

const usage = '/brief [topic]';
const schema = z.object({ topic: z.string().trim().min(1).optional() });

export default {
  name: 'brief',
  description: 'A brief of the latest market news, for one topic or all of them',
  usage,
  examples: ['/brief', '/brief hong-kong', '/brief ai'],
  options: [{ name: 'topic', description: 'A topic such as hong-kong, ai or earnings', type: 'string', required: false, rest: true, autocomplete: 'topic' }],
  adminOnly: false,
  async run(options, _context, services) {
    const { topic } = parseOptions(schema, options, usage);
    const definition = topic === undefined ? null : resolveTopic(topic);
    const brief = await briefForScope(
      { title: definition === null ? 'Market brief' : `Market brief: ${definition.label}`, topics: definition === null ? [] : [definition.slug] },
      {
        windowHours: services.settings.briefWindowHours,
        widenWhenEmpty: true,
        widenLimitDays: WIDEN_LIMIT_DAYS.brief,
        moreHint: topic === undefined ? 'narrow it with /brief <topic>, or /company <name>' : 'see /company <name> or /market <name>',
      },
      services,
    );
    return briefToReply(brief, 'ephemeral');
  },
} satisfies Command;
