export { toDiscordCommands } from './commands.ts';
export { renderReply } from './render/index.ts';
export { createDiscordRest, readDiscordCredentials, startDiscord } from './start.ts';
export { describeSync, syncCommands } from './sync.ts';
