import type { IncomingMessage, ServerResponse } from 'node:http';
import type { REST } from '@discordjs/rest';
import { InteractionResponseType, InteractionType, MessageFlags, PermissionFlagsBits, Routes } from 'discord-api-types/v10';
import type { CommandContext, CommandServices, RawOptions } from '../../dispatch/index.ts';
import { type Route, sendJson } from '../../http/index.ts';
import { ADMIN_PERMISSION } from './commands.ts';
import { answerAutocomplete, answerCommand, type InteractionInput, type InteractionTransport } from './interaction-flow.ts';
import { DISCORD_PLATFORM } from './publisher.ts';
import { createSignatureVerifier } from './verify-signature.ts';

export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';
/** Interactions are small; anything larger is not from Discord. */
const MAX_BODY_BYTES = 256 * 1024;

interface RawInteraction {
  id: string;
  type: number;
  token: string;
  guild_id?: string;
  channel_id?: string;
  channel?: { id?: string };
  member?: { user?: { id?: string }; permissions?: string };
  user?: { id?: string };
  data?: { name?: string; options?: Array<{ name: string; value?: unknown; focused?: boolean }> };
}

function contextOf(interaction: RawInteraction): CommandContext {
  const userId = interaction.member?.user?.id ?? interaction.user?.id ?? 'unknown';
  const permissions = interaction.member?.permissions;
  const granted = permissions !== undefined && /^\d+$/.test(permissions) ? BigInt(permissions) : 0n;
  return {
    platform: DISCORD_PLATFORM,
    workspaceId: interaction.guild_id ?? `dm:${userId}`,
    channelId: interaction.channel_id ?? interaction.channel?.id ?? `dm:${userId}`,
    userId,
    // Only in a guild; Administrator implies every permission, as discord.js counts it on the gateway.
    isAdmin: interaction.guild_id !== undefined && (granted & (ADMIN_PERMISSION | PermissionFlagsBits.Administrator)) !== 0n,
  };
}

function optionsOf(interaction: RawInteraction): RawOptions {
  const options: Record<string, string | number | boolean | undefined> = {};
  for (const option of interaction.data?.options ?? []) {
    if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') options[option.name] = option.value;
  }
  return options;
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The HTTP transport: the first answer is the response to Discord's POST (deferral, immediate
 * reply or autocomplete choices); edits and follow-ups are webhook calls with the interaction token.
 */
function httpTransport(
  interaction: RawInteraction,
  applicationId: string,
  rest: REST,
  answer: (body: unknown) => void,
  sent: Promise<unknown>,
): InteractionTransport {
  const original = Routes.webhookMessage(applicationId, interaction.token, '@original');
  // A webhook call waits for the first answer to be sent: Discord knows no message to edit before it.
  return {
    defer: async (ephemeral) =>
      answer({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeral ? { flags: MessageFlags.Ephemeral } : {} }),
    reply: async (message) => answer({ type: InteractionResponseType.ChannelMessageWithSource, data: message }),
    respond: async (choices) => answer({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }),
    editOriginal: async (message) => void (await sent, await rest.patch(original, { body: message, auth: false })),
    deleteOriginal: async () => void (await sent, await rest.delete(original, { auth: false })),
    followUp: async (message) => void (await sent, await rest.post(Routes.webhook(applicationId, interaction.token), { body: message, auth: false })),
  };
}

/** The route Discord POSTs interactions to, and the work it started (awaited on stop). */
export function discordInteractionsRoute(options: { publicKey: string; applicationId: string; rest: REST; services: CommandServices }): {
  route: Route;
  idle(): Promise<void>;
} {
  const verifySignature = createSignatureVerifier(options.publicKey);
  const { services } = options;
  const running = new Set<Promise<void>>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (body === null) return sendJson(response, 413, { ok: false, error: 'body too large' });
    const signature = request.headers['x-signature-ed25519'];
    const timestamp = request.headers['x-signature-timestamp'];
    if (!verifySignature(typeof signature === 'string' ? signature : undefined, typeof timestamp === 'string' ? timestamp : undefined, body)) {
      return sendJson(response, 401, { ok: false, error: 'invalid request signature' });
    }
    let interaction: RawInteraction;
    try {
      interaction = JSON.parse(body.toString('utf8')) as RawInteraction;
    } catch {
      return sendJson(response, 400, { ok: false, error: 'body is not JSON' });
    }
    if (interaction.type === InteractionType.Ping) return sendJson(response, 200, { type: InteractionResponseType.Pong });
    const isCommand = interaction.type === InteractionType.ApplicationCommand;
    const isAutocomplete = interaction.type === InteractionType.ApplicationCommandAutocomplete;
    if ((!isCommand && !isAutocomplete) || typeof interaction.token !== 'string' || typeof interaction.data?.name !== 'string') {
      return sendJson(response, 400, { ok: false, error: 'unsupported interaction' });
    }
    let answered: (body: unknown) => void = () => undefined;
    const first = new Promise<unknown>((resolve) => (answered = resolve));
    const sent = new Promise<unknown>((resolve) => response.once('close', resolve));
    const transport = httpTransport(interaction, options.applicationId, options.rest, (answer) => answered(answer), sent);
    const input: InteractionInput = {
      id: interaction.id,
      commandName: interaction.data.name,
      context: contextOf(interaction),
      options: optionsOf(interaction),
    };
    const focused = interaction.data.options?.find((option) => option.focused === true);
    const flow = (
      isAutocomplete
        ? answerAutocomplete({ ...input, focused: { name: focused?.name ?? '', value: String(focused?.value ?? '') } }, transport, services)
        : answerCommand(input, transport, services)
    ).catch((error: unknown) => services.logger.error({ err: error, interaction: interaction.id, command: input.commandName }, 'discord interaction failed'));
    const tracked = flow.finally(() => running.delete(tracked));
    running.add(tracked);
    // The flow answers (defers) before its slow work; if it ends without answering, say so.
    const answer = await Promise.race([first, flow.then(() => null)]);
    if (answer === null) return sendJson(response, 500, { ok: false, error: 'interaction not answered' });
    sendJson(response, 200, answer);
  }

  return {
    route: { method: 'POST', path: DISCORD_INTERACTIONS_PATH, handle },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
