import type { Reply } from '../domain/index.ts';

export interface PostOptions {
  /**
   * Unique to one delivery (subscription and slot). A platform that can dedupe by it does
   * (Discord's enforced nonce); one that can search for it offers `findDelivery`.
   */
  deliveryKey?: string | undefined;
}

/** Where a channel's messages go: Discord, Slack, or the local shell. */
export interface Publisher {
  readonly platform: string;
  /** Posts the reply to a channel and returns the ids of the messages it posted. Throws DeliveryError. */
  post(target: { workspaceId: string; channelId: string }, reply: Reply, options?: PostOptions): Promise<string[]>;
  /**
   * After a crash between posting and recording it: the ids of the messages posted with this key,
   * [] when none was, null when the platform cannot tell. Optional.
   */
  findDelivery?(target: { workspaceId: string; channelId: string }, deliveryKey: string): Promise<string[] | null>;
}
