import { z } from 'zod';
import type { OptionSpec } from '../src/dispatch/index.ts';
import { isMarketCalendar, MARKET_CALENDARS, validateCron, validatePattern } from '../src/delivery/index.ts';
import { SENTIMENT_LABELS, SUBSCRIPTION_MODES } from '../src/domain/index.ts';
import { timezoneProblem } from './timezone.ts';

const list = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  )
  .optional();

function cronProblem(value: string): string | null {
  try {
    validateCron(value);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function patternProblem(value: string): string | null {
  try {
    validatePattern(value);
    return null;
  } catch (error) {
    return (error as Error).message.replace(/^regex:\s*/, ''); // the option's name is prefixed again
  }
}

export const subscribeSchema = z.object({
  topic: z.string().trim().min(1).optional(),
  time: z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM, 24-hour, e.g. 08:00')
    .transform((value) => value.padStart(5, '0'))
    .optional(),
  timezone: z
    .string()
    .trim()
    .superRefine((value, context) => {
      const problem = timezoneProblem(value);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  days: z.enum(['daily', 'weekdays'], { message: 'days must be daily or weekdays' }).optional(),
  mode: z.enum(SUBSCRIPTION_MODES, { message: 'mode must be brief, alerts or both' }).optional(),
  cron: z
    .string()
    .trim()
    .superRefine((value, context) => {
      const problem = cronProblem(value);
      if (problem !== null) context.addIssue({ code: 'custom', message: `cron must be five fields, e.g. "0 8 * * 1-5" (${problem})` });
    })
    .optional(),
  company: z.string().trim().min(1).optional(),
  market: z.string().trim().min(1).optional(),
  keywords: list,
  include: list,
  exclude: list,
  regex: z
    .string()
    .superRefine((value, context) => {
      const problem = patternProblem(value);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  importance: z.coerce.number().min(0, 'importance is 0 to 1').max(1, 'importance is 0 to 1').optional(),
  sentiment: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim().toLowerCase())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(z.enum(SENTIMENT_LABELS, { message: `sentiment is any of ${SENTIMENT_LABELS.join(', ')}` })))
    .optional(),
  holidays: z
    .string()
    .trim()
    .toLowerCase()
    .refine(isMarketCalendar, `holidays is a market calendar: ${MARKET_CALENDARS.map((calendar) => calendar.code).join(', ')}`)
    .optional(),
});

export type SubscribeInput = z.infer<typeof subscribeSchema>;

export const SUBSCRIBE_OPTIONS: readonly OptionSpec[] = [
  { name: 'topic', description: 'A topic such as hong-kong or ai', type: 'string', required: false, autocomplete: 'topic', accepts: /^[^/:]+$/ },
  { name: 'time', description: 'Local time of the brief, HH:MM (default from settings)', type: 'string', required: false, accepts: /^\d/ },
  {
    name: 'timezone',
    description: 'IANA timezone, e.g. Asia/Hong_Kong (default from settings)',
    type: 'string',
    required: false,
    accepts: /^[A-Za-z][\w+/-]*$/,
  },
  { name: 'days', description: 'daily (default) or weekdays', type: 'string', required: false },
  { name: 'mode', description: 'brief (default), alerts, or both', type: 'string', required: false },
  { name: 'cron', description: 'A cron schedule instead of time/days, e.g. "0 8 * * 1-5"', type: 'string', required: false },
  { name: 'company', description: 'Follow a company (name or ticker)', type: 'string', required: false, autocomplete: 'company' },
  { name: 'market', description: 'Follow an index, exchange or region', type: 'string', required: false, autocomplete: 'market' },
  { name: 'keywords', description: 'Follow words or phrases, comma-separated', type: 'string', required: false },
  { name: 'include', description: 'Only articles mentioning any of these, comma-separated', type: 'string', required: false },
  { name: 'exclude', description: 'Leave out articles mentioning any of these, comma-separated', type: 'string', required: false },
  { name: 'regex', description: 'Only articles matching this regular expression', type: 'string', required: false },
  { name: 'importance', description: 'Minimum importance, 0 to 1', type: 'string', required: false },
  { name: 'sentiment', description: 'Only these sentiments: positive, negative, neutral, mixed', type: 'string', required: false },
  {
    name: 'holidays',
    description: `Skip weekends and exchange holidays of: ${MARKET_CALENDARS.map((calendar) => calendar.code).join(', ')}`,
    type: 'string',
    required: false,
  },
];
