// The platforms' light parts: renderers, the shell bot, manifests and credential checks. The SDK-backed
// parts (startDiscord, startSlack, command sync) are imported from ./discord/index.ts and
// ./slack/index.ts by the composition root only when a platform runs, so a CLI command that never
// talks to Discord or Slack does not load discord.js or Bolt.
export { readDiscordCredentials } from './discord/credentials.ts';
export { renderReply } from './discord/render/index.ts';
export { createShellPublisher, renderMarkdown, renderText, runShell } from './shell/index.ts';
export { buildSlackManifest, PLACEHOLDER_URL } from './slack/manifest.ts';
export { renderSlackMessages } from './slack/render/index.ts';
export { isSlackConfigured } from './slack/setup.ts';
