import { z } from 'zod';

/** Optional text: trimmed, '' counts as absent. */
function optionalText() {
  return z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value));
}

function optionalToken(prefix: string, what: string) {
  return optionalText().refine((value) => value === undefined || value.startsWith(prefix), {
    message: `must be ${what} (it starts with ${prefix})`,
  });
}

/**
 * Settings this part of the bot reads, merged into the one schema in src/config.ts.
 * Each is documented in .env.example and the README's settings table.
 */
export const slackSettings = {
  SLACK_SIGNING_SECRET: optionalText(),
  SLACK_BOT_TOKEN: optionalToken('xoxb-', 'a bot token'),
  SLACK_APP_TOKEN: optionalToken('xapp-', 'an app-level token with connections:write'),
  SLACK_CLIENT_ID: optionalText(),
  SLACK_CLIENT_SECRET: optionalText(),
  SLACK_STATE_SECRET: optionalText(),
  SLACK_ADMIN_USERS: optionalText()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((user) => user.trim())
        .filter((user) => user !== ''),
    )
    .refine((users) => users.every((user) => /^[UW][A-Z0-9]+$/.test(user)), {
      message: 'must be Slack user ids separated by commas, e.g. U012ABCDEF,U034GHIJKL',
    }),
} satisfies Record<string, z.ZodType>;

/** The settings values startSlack reads (a slice of the parsed Config). */
export type SlackSettings = { [Key in keyof typeof slackSettings]: z.output<(typeof slackSettings)[Key]> };
