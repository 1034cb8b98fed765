export { cutPlain, sanitizePlain } from './escape.ts';
export { type DiscordMessage, renderReply } from './render.ts';
