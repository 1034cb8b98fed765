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
    .transform(adminUserEntries)
    .refine((users) => users.every((user) => /^(?:[TE][A-Z0-9]+:)?[UW][A-Z0-9]+$/.test(user)), {
      message:
        'must be Slack user ids per workspace, e.g. T012AB:U012ABCDEF,U034GHIJKL;T034CD:U056MNOPQR (a plain user id, without a workspace, is an admin in every workspace: the operator)',
    }),
} satisfies Record<string, z.ZodType>;

/** The settings values startSlack reads (a slice of the parsed Config). */
export type SlackSettings = { [Key in keyof typeof slackSettings]: z.output<(typeof slackSettings)[Key]> };

/**
 * SLACK_ADMIN_USERS entries: `T…:U…` (an admin in that workspace only) or a plain `U…` (in every
 * workspace: for the operator). Groups are `;`-separated, `T123:U1,U2;T999:U3`; a group without a
 * workspace prefix lists operator-wide ids. See docs/adr/0004-tenancy.md.
 */
export function adminUserEntries(value: string | undefined): string[] {
  return (value ?? '').split(';').flatMap((group) => {
    const match = /^\s*([TE][A-Z0-9]+)\s*:(.*)$/s.exec(group);
    const workspace = match?.[1];
    const users = (match?.[2] ?? group)
      .split(',')
      .map((user) => user.trim())
      .filter((user) => user !== '');
    return workspace === undefined ? users : users.map((user) => `${workspace}:${user}`);
  });
}
