export interface Delivery {
  subscriptionId: string;
  /** Where it goes (from the subscription). */
  target: { platform: string; workspaceId: string; channelId: string };
  /** ISO 8601 instant of the scheduled slot. */
  slot: string;
  status: 'claimed' | 'posted' | 'failed';
  messageIds: string[];
  claimedAt: string;
  postedAt: string | null;
  error: string | null;
  /** How many times a post was attempted (a recovered claim counts again). */
  attempts: number;
}
