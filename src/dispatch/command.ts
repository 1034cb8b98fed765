import type { z } from 'zod';
import { type Reply, UserFacingError } from '../domain/index.ts';
import type { AnswerWriter, BriefWriter, Clock, Logger, SourceActions, Store } from '../ports/index.ts';
import type { ReferenceIndex } from '../pipeline/index.ts';

/** One option of a slash command, enough for Discord's command JSON and for parsing typed text. */
export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'integer';
  required: boolean;
  /** Takes the rest of the typed text ("/company Goldman Sachs"). At most one, and last. */
  rest?: boolean | undefined;
  /** The shape of a word this option takes by position; a word that does not fit goes to the next option that it fits. */
  accepts?: RegExp | undefined;
  autocomplete?: 'topic' | 'company' | 'market' | undefined;
}

/** Options as they arrive from a platform, before the command validates them. */
export type RawOptions = Readonly<Record<string, string | number | boolean | undefined>>;

/** Who asked, and where. Platforms fill it; commands never see SDK objects. */
export interface CommandContext {
  platform: string;
  workspaceId: string;
  channelId: string;
  userId: string;
  /** Checked by the platform (Discord permissions, Slack admin/owner or allow-list). */
  isAdmin: boolean;
}

export interface CommandSettings {
  defaultTimezone: string;
  defaultBriefTime: string;
  briefWindowHours: number;
}

/** What commands may use; passed in, never imported (DESIGN.md rule 7). */
export interface CommandServices {
  store: Store;
  reference: ReferenceIndex;
  clock: Clock;
  logger: Logger;
  settings: CommandSettings;
  /** The registry, for /help. */
  commands: readonly Command[];
  /** Writes briefs: the language model's writer (which falls back to the offline one); default the offline extractive writer. */
  briefs?: BriefWriter | undefined;
  /** Writes answers to /ask from retrieved sentences: written by the model, or (default) quoted offline. */
  answers?: AnswerWriter | undefined;
  /** Feeds and page fetching (/source, /summarize); absent where the bot fetches nothing. */
  sources?: SourceActions | undefined;
  /** LLM token accounting for /usage: the last `days` days, newest first, of one workspace's calls (`owner`) or the whole bot's. */
  usage?: ((days: number, owner?: string) => Promise<{ reply: Reply }>) | undefined;
}

export interface Command {
  name: string;
  description: string;
  /** e.g. "/company <name or ticker>". */
  usage: string;
  examples: readonly string[];
  options: readonly OptionSpec[];
  /** Changes the channel's setup: only admins may run it. */
  adminOnly: boolean;
  run(options: RawOptions, context: CommandContext, services: CommandServices): Promise<Reply>;
}

/** Validates raw options with the command's schema; a problem becomes a usage message. */
export function parseOptions<T>(schema: z.ZodType<T>, options: RawOptions, usage: string): T {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return name === '' ? issue.message : `${name}: ${issue.message}`;
  });
  throw new UserFacingError(`${problems.join('; ')}. Usage: ${usage}`);
}
