export { createDiscordRest, describeSync, readDiscordCredentials, renderReply, startDiscord, syncCommands, toDiscordCommands } from './discord/index.ts';
export { createShellPublisher, renderMarkdown, renderText, runShell } from './shell/index.ts';
export { buildSlackManifest, isSlackConfigured, PLACEHOLDER_URL, renderSlackMessages, startSlack } from './slack/index.ts';
