/**
 * Gateway and REST payloads shaped like Discord's (API v10), for the loopback fake Discord.
 * Only the fields discord.js reads are filled, with Discord's own types and defaults.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake: milliseconds since Discord's epoch, shifted, plus a counter. */
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export interface FakeIdentity {
  applicationId: string;
  botUserId: string;
  guildId: string;
  channelId: string;
}

export function userPayload(id: string, username: string, bot = false) {
  return { id, username, discriminator: '0', global_name: null, avatar: null, bot, flags: 0, public_flags: 0 };
}

export function readyPayload(identity: FakeIdentity, gatewayUrl: string) {
  return {
    v: 10,
    user: { ...userPayload(identity.botUserId, 'market-brief', true), verified: true, mfa_enabled: false },
    guilds: [{ id: identity.guildId, unavailable: true }],
    session_id: `session-${identity.botUserId}`,
    resume_gateway_url: gatewayUrl,
    shard: [0, 1],
    application: { id: identity.applicationId, flags: 0 },
  };
}

export function guildCreatePayload(identity: FakeIdentity) {
  return {
    id: identity.guildId,
    name: 'Trading Club',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: snowflake(),
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: [
      {
        id: identity.guildId,
        name: '@everyone',
        color: 0,
        hoist: false,
        position: 0,
        permissions: '1071698660929',
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    members: [],
    channels: [
      {
        id: identity.channelId,
        type: 0,
        guild_id: identity.guildId,
        name: 'markets',
        position: 0,
        permission_overwrites: [],
        topic: null,
        nsfw: false,
        parent_id: null,
      },
    ],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

/** Permissions Discord computes for a member in the channel, as a decimal string. */
export const PERMISSIONS = {
  /** View Channel, Send Messages, Embed Links, Read Message History, Use Application Commands. */
  member: ((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 31n)).toString(),
  /** The member set plus Manage Channels. */
  manageChannels: ((1n << 4n) | (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 31n)).toString(),
  administrator: (1n << 3n).toString(),
} as const;

export type OptionValues = Record<string, string | number | boolean>;

function optionType(value: string | number | boolean): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

export interface InteractionInput {
  name: string;
  options?: OptionValues;
  /** The option being typed in, for autocomplete. */
  focused?: string;
  permissions?: string;
  userId?: string;
  channelId?: string;
}

export function interactionPayload(identity: FakeIdentity, input: InteractionInput, type: 2 | 4) {
  const id = snowflake();
  const userId = input.userId ?? '200000000000000001';
  const channelId = input.channelId ?? identity.channelId;
  const options = Object.entries(input.options ?? {}).map(([name, value]) => ({
    name,
    type: optionType(value),
    value,
    ...(type === 4 && name === input.focused ? { focused: true } : {}),
  }));
  return {
    id,
    application_id: identity.applicationId,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    data: { id: snowflake(), name: input.name, type: 1, options },
    guild_id: identity.guildId,
    guild: { id: identity.guildId, locale: 'en-US', features: [] },
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: identity.guildId, name: 'markets', permissions: PERMISSIONS.member, flags: 0 },
    member: {
      user: userPayload(userId, 'trader'),
      roles: [],
      permissions: input.permissions ?? PERMISSIONS.member,
      joined_at: new Date().toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      communication_disabled_until: null,
    },
    app_permissions: PERMISSIONS.member,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': identity.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

export function messagePayload(identity: FakeIdentity, channelId: string, body: Record<string, unknown>, fromWebhook: boolean) {
  return {
    id: snowflake(),
    type: fromWebhook ? 20 : 0,
    channel_id: channelId,
    author: userPayload(identity.botUserId, 'market-brief', true),
    content: typeof body['content'] === 'string' ? body['content'] : '',
    embeds: Array.isArray(body['embeds']) ? body['embeds'] : [],
    attachments: [],
    components: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: typeof body['flags'] === 'number' ? body['flags'] : 0,
    ...(fromWebhook ? { webhook_id: identity.applicationId, application_id: identity.applicationId } : {}),
  };
}
