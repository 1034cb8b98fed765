import { UserFacingError } from '../../domain/index.ts';
import type { DiscordSettings } from '../../config/index.ts';

export interface DiscordCredentials {
  token: string;
  applicationId: string;
  apiUrl: string;
}

/**
 * The Discord credentials when both DISCORD_TOKEN and DISCORD_APPLICATION_ID are set, null when
 * neither is; one without the other is a configuration mistake worth stopping for.
 */
export function readDiscordCredentials(settings: DiscordSettings): DiscordCredentials | null {
  const token = settings.DISCORD_TOKEN;
  const applicationId = settings.DISCORD_APPLICATION_ID;
  if (token === undefined && applicationId === undefined) return null;
  if (token === undefined) throw new UserFacingError('DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not: set both to run on Discord, or neither.');
  if (applicationId === undefined) throw new UserFacingError('DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not: set both to run on Discord, or neither.');
  return { token, applicationId, apiUrl: settings.DISCORD_API_URL };
}
