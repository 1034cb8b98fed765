import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type Command, type CommandContext, type CommandServices, parseCommandText, runCommand } from '../../dispatch/index.ts';
import type { Logger } from '../../ports/index.ts';
import type { Reply } from '../../domain/index.ts';
import { contextBlock, renderSlackMessages, SLACK_LIMITS } from './render/index.ts';
import { installationKey, SLACK_PLATFORM } from './oauth-installation-store.ts';
import { deliveryVerdict } from './events-route.ts';

/** What a user sees when the store could not say whether their request was a replay. */
const UNCHECKED = 'market-brief could not reach its database to check this request, so it did not run it. Please try again in a moment.';

export interface SlashCommandDependencies {
  services: CommandServices;
  /**
   * Treated as admins without asking Slack (SLACK_ADMIN_USERS): `T…:U…` in that workspace only,
   * a plain `U…` in every workspace (the operator's own ids).
   */
  adminUsers: readonly string[];
  logger: Logger;
}

/** A standalone `--share` word asks for the answer to be posted in the channel. */
const SHARE_WORD = /(^|\s)--share(?=\s|$)/;

export function takeShareFlag(text: string): { text: string; share: boolean } {
  const share = SHARE_WORD.test(text);
  return { text: share ? text.replace(SHARE_WORD, ' ').trim() : text, share };
}

/**
 * Who sees the answer. The reply decides (a changed channel setup is announced in the channel,
 * queries are private), and `--share` posts an answer in the channel when it cites sources, so
 * errors, usage help and refusals always stay private to the user who asked.
 */
export function responseType(reply: Reply, share: boolean): 'in_channel' | 'ephemeral' {
  if (reply.visibility === 'public') return 'in_channel';
  return share && reply.sources.length > 0 ? 'in_channel' : 'ephemeral';
}

/** How long an answer from users.info is trusted; admin rights change rarely, commands come in bursts. */
const ADMIN_CACHE_MS = 60_000;
const ADMIN_CACHE_SIZE = 10_000;

/**
 * Workspace admins and owners (users.info), or anyone on the allow-list. Every command gets the
 * answer, since some (e.g. /source) allow only part of what they do to admins.
 */
/** Listed in SLACK_ADMIN_USERS for this workspace (`T…:U…`), or operator-wide (a plain `U…`). */
export function isListedAdmin(adminUsers: readonly string[], workspaceId: string, userId: string): boolean {
  return adminUsers.includes(userId) || adminUsers.includes(`${workspaceId}:${userId}`);
}

function createAdminCheck(dependencies: SlashCommandDependencies, now: () => number) {
  const cache = new Map<string, { isAdmin: boolean; until: number }>();
  return async (client: WebClient, workspaceId: string, userId: string): Promise<boolean> => {
    if (isListedAdmin(dependencies.adminUsers, workspaceId, userId)) return true;
    const key = `${workspaceId}/${userId}`;
    const cached = cache.get(key);
    if (cached !== undefined && cached.until > now()) return cached.isAdmin;
    try {
      const result = await client.users.info({ user: userId });
      const user = result.user;
      const isAdmin = user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
      if (cache.size >= ADMIN_CACHE_SIZE) cache.clear();
      cache.set(key, { isAdmin, until: now() + ADMIN_CACHE_MS });
      return isAdmin;
    } catch (error) {
      dependencies.logger.warn({ err: error, userId }, 'slack users.info failed; treating the user as not an admin');
      return false;
    }
  };
}

async function respondWith(respond: RespondFn, reply: Reply, share: boolean): Promise<void> {
  const messages = renderSlackMessages(reply);
  const shown = messages.slice(0, SLACK_LIMITS.responsesPerCommand);
  const hidden = messages.length - shown.length;
  const last = shown[shown.length - 1];
  if (hidden > 0 && last !== undefined) {
    // The packer keeps a block and 1,000 characters free in every message for exactly this kind of note.
    last.blocks.push(
      contextBlock(`${hidden} more part${hidden === 1 ? '' : 's'} not shown: Slack lets a command answer ${SLACK_LIMITS.responsesPerCommand} times.`),
    );
  }
  const type = responseType(reply, share);
  for (const message of shown) {
    await respond({ response_type: type, replace_original: false, text: message.text, blocks: message.blocks });
  }
}

function register(app: App, command: Command, dependencies: SlashCommandDependencies, isWorkspaceAdmin: ReturnType<typeof createAdminCheck>): void {
  app.command(`/${command.name}`, async ({ command: payload, ack, respond, client, context: bolt }) => {
    // Acknowledge first (Slack gives up after 3 s); the answer follows through response_url.
    await ack();
    // A request another process sharing the store ran already is acknowledged and not run again.
    const verdict = await deliveryVerdict(bolt);
    if (verdict === 'replay') return;
    if (verdict === 'unchecked') {
      await respond({ response_type: 'ephemeral', text: UNCHECKED }).catch(() => undefined);
      return;
    }
    const { text, share } = takeShareFlag(payload.text ?? '');
    const workspaceId =
      installationKey({ isEnterpriseInstall: payload.is_enterprise_install === 'true', enterpriseId: payload.enterprise_id, teamId: payload.team_id }) ??
      payload.team_id;
    const context: CommandContext = {
      platform: SLACK_PLATFORM,
      workspaceId,
      channelId: payload.channel_id,
      userId: payload.user_id,
      isAdmin: await isWorkspaceAdmin(client, workspaceId, payload.user_id),
    };
    const reply = await runCommand(command, () => parseCommandText(command, text), context, dependencies.services);
    try {
      await respondWith(respond, reply, share);
    } catch (error) {
      dependencies.logger.error({ err: error, command: command.name, workspaceId, channelId: context.channelId }, 'slack respond failed');
    }
  });
}

/** One Slack slash command per command in the registry, each answered through runCommand. */
export function registerSlashCommands(app: App, dependencies: SlashCommandDependencies): void {
  const isWorkspaceAdmin = createAdminCheck(dependencies, () => Date.now());
  for (const command of dependencies.services.commands) register(app, command, dependencies, isWorkspaceAdmin);
}
