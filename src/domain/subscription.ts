import type { SentimentLabel } from './article.ts';

export interface SubscriptionFilter {
  /** Keep only articles that mention any of these words or phrases (empty: keep all). */
  include: string[];
  /** Drop articles that mention any of these. */
  exclude: string[];
  /** A regular expression the title or text must match, run with a time limit; null: none. */
  pattern: string | null;
  /** 0…1; articles below it are left out. */
  minImportance: number;
  /** Keep only these sentiments (empty: all). */
  sentiments: SentimentLabel[];
}

export const SUBSCRIPTION_MODES = ['brief', 'alerts', 'both'] as const;
export type SubscriptionMode = (typeof SUBSCRIPTION_MODES)[number];

export interface Subscription {
  id: string;
  platform: string;
  workspaceId: string;
  channelId: string;
  /** What the channel follows: an article matching any topic, entity or keyword is in scope. */
  topics: string[];
  entityIds: string[];
  keywords: string[];
  filter: SubscriptionFilter;
  mode: SubscriptionMode;
  /** "HH:MM" local time of the daily brief. */
  time: string;
  /** IANA timezone. */
  timezone: string;
  weekdaysOnly: boolean;
  /** A five-field cron expression in the timezone; when set it replaces time and weekdaysOnly. */
  cron: string | null;
  /** Skip the exchange holidays (and weekends) of this market calendar, e.g. "us", "hk"; null: none. */
  holidays: string | null;
  createdBy: string;
  createdAt: string;
  enabled: boolean;
  disabledReason: string | null;
  /** Alerts: ingestion time of the newest article already considered. */
  alertCursor: string | null;
}

export type NewSubscription = Omit<Subscription, 'id' | 'createdAt' | 'enabled' | 'disabledReason' | 'alertCursor'> & {
  /** When it was made (default: now); a subscription is never due for slots before it. */
  createdAt?: string | undefined;
};
