/** A feed the bot polls. */
export interface Source {
  id: string;
  /** The feed URL as added (canonical form). */
  url: string;
  title: string | null;
  /** Topics every item of this source is tagged with, besides its own. */
  topics: string[];
  /** Where it was added, so failures and pauses can be reported there. */
  addedBy: { platform: string; workspaceId: string; channelId: string; userId: string };
  addedAt: string;
  intervalMinutes: number;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPollAt: string;
  paused: boolean;
  pausedReason: string | null;
  itemsStored: number;
}

export type NewSource = Pick<Source, 'url' | 'title' | 'topics' | 'addedBy' | 'intervalMinutes'>;

export type PollRecord =
  | { ok: true; at: string; nextPollAt: string; etag: string | null; lastModified: string | null; title?: string | null; itemsStored: number }
  | { ok: false; at: string; nextPollAt: string; error: string; pause: boolean };
