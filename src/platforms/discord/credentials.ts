import { UserFacingError } from '../../domain/index.ts';
import type { DiscordSettings } from '../../config/index.ts';

export interface DiscordCredentials {
  token: string;
  applicationId: string;
  apiUrl: string;
  /** How interactions arrive: the gateway (websocket) or HTTP POSTs signed with `publicKey`. */
  mode: 'gateway' | 'http';
  /** Hex Ed25519 public key; set in http mode. */
  publicKey: string | null;
}

/**
 * The Discord credentials when both DISCORD_TOKEN and DISCORD_APPLICATION_ID are set, null when
 * neither is; one without the other is a configuration mistake worth stopping for.
 */
export function readDiscordCredentials(settings: DiscordSettings): DiscordCredentials | null {
  const token = settings.DISCORD_TOKEN;
  const applicationId = settings.DISCORD_APPLICATION_ID;
  if (token === undefined && applicationId === undefined) {
    if (settings.DISCORD_MODE === 'http')
      throw new UserFacingError('DISCORD_MODE=http is set but DISCORD_TOKEN and DISCORD_APPLICATION_ID are not: set them too, or unset DISCORD_MODE.');
    return null;
  }
  if (token === undefined) throw new UserFacingError('DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not: set both to run on Discord, or neither.');
  if (applicationId === undefined) throw new UserFacingError('DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not: set both to run on Discord, or neither.');
  const mode = settings.DISCORD_MODE ?? 'gateway';
  const publicKey = settings.DISCORD_PUBLIC_KEY ?? null;
  if (mode === 'http' && publicKey === null) {
    throw new UserFacingError(
      'DISCORD_MODE=http needs DISCORD_PUBLIC_KEY (the application public key, Developer Portal → General Information) to verify the interactions Discord POSTs to /discord/interactions.',
    );
  }
  return { token, applicationId, apiUrl: settings.DISCORD_API_URL, mode, publicKey };
}
