export { type Config, ConfigError, loadConfig, sqlitePath } from './config.ts';
export { isPostgresUrl } from './database.ts';
export type { DiscordSettings } from './discord.ts';
export { type LlmConfig, llmEnabled } from './llm.ts';
export type { SlackSettings } from './slack.ts';
export type { SourceSettings } from './sources.ts';
