import { z } from 'zod';
import { type Command, parseOptions } from '../src/dispatch/index.ts';
import { UserFacingError } from '../src/domain/index.ts';
import { ownerOf } from '../src/ports/index.ts';

const usage = '/usage [days]';
const schema = z.object({ days: z.coerce.number().int().min(1, 'days is 1 to 31').max(31, 'days is 1 to 31').optional() });

export default {
  name: 'usage',
  description: 'LLM calls, tokens and estimated cost per day (admins)',
  usage,
  examples: ['/usage', '/usage 30'],
  options: [{ name: 'days', description: 'How many days back (default 7)', type: 'integer', required: false }],
  adminOnly: true,
  async run(options, context, services) {
    const { days } = parseOptions(schema, options, usage);
    if (services.usage === undefined) throw new UserFacingError('Usage accounting is not available in this bot.');
    // A workspace's admins see its own usage; the whole bot's is the operator's (`market-brief usage`).
    return (await services.usage(days ?? 7, ownerOf(context))).reply;
  },
} satisfies Command;
