import { z } from 'zod';
import { type Command, parseOptions } from '../src/dispatch/index.ts';
import { UserFacingError } from '../src/domain/index.ts';

const usage = '/usage [days]';
const schema = z.object({ days: z.coerce.number().int().min(1, 'days is 1 to 31').max(31, 'days is 1 to 31').optional() });

export default {
  name: 'usage',
  description: 'LLM calls, tokens and estimated cost per day (admins)',
  usage,
  examples: ['/usage', '/usage 30'],
  options: [{ name: 'days', description: 'How many days back (default 7)', type: 'integer', required: false }],
  adminOnly: true,
  async run(options, _context, services) {
    const { days } = parseOptions(schema, options, usage);
    if (services.usage === undefined) throw new UserFacingError('Usage accounting is not available in this bot.');
    return (await services.usage(days ?? 7)).reply;
  },
} satisfies Command;
