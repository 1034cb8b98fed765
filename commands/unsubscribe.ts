import { z } from 'zod';
import { type Command, parseOptions } from '../src/dispatch/index.ts';
import { textReply, UserFacingError } from '../src/domain/index.ts';
import { findTopic } from '../src/pipeline/index.ts';

const usage = '/unsubscribe <topic, company, market or keyword>';
const schema = z.object({ topic: z.string({ message: 'name a topic' }).trim().min(1, 'name a topic') });

export default {
  name: 'unsubscribe',
  description: "Stop this channel's brief on a topic (admins)",
  usage,
  examples: ['/unsubscribe hong-kong'],
  options: [{ name: 'topic', description: 'The topic to stop', type: 'string', required: true, rest: true, autocomplete: 'topic' }],
  adminOnly: true,
  async run(options, context, services) {
    const { topic: query } = parseOptions(schema, options, usage);
    // What the channel follows may be a topic, an entity or a keyword: try each form of the name.
    const candidates = [findTopic(query)?.slug, services.reference.lookup(query)?.id, query].filter((value): value is string => value !== undefined);
    const where = { platform: context.platform, workspaceId: context.workspaceId, channelId: context.channelId };
    for (const candidate of candidates) {
      const removed = await services.store.removeSubscription({ ...where, topic: candidate });
      if (removed > 0) return textReply('Unsubscribed', [`This channel no longer follows ${query}.`], 'public');
    }
    throw new UserFacingError(`This channel does not follow ${query}. /subscriptions lists what it has.`);
  },
} satisfies Command;
