export { toDiscordCommands } from './commands.ts';
export { renderReply } from './render/index.ts';
export { type DiscordCredentials, readDiscordCredentials } from './credentials.ts';
export { createDiscordRest, startDiscord } from './start.ts';
export { describeSync, syncCommands } from './sync.ts';
export { startDiscordHttp } from './start-http.ts';
