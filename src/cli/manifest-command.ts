import { parseArgs } from 'node:util';
import { Document } from 'yaml';
import { commands } from '../../commands/index.ts';
import { UserFacingError } from '../domain/index.ts';
import { buildSlackManifest, PLACEHOLDER_URL } from '../platforms/index.ts';
import { MANIFEST_USAGE } from './usage-lines.ts';

function publicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserFacingError(`--url ${value}: not a URL; give the bot's public base URL, e.g. https://briefs.example.com`);
  }
  if (url.protocol !== 'https:') throw new UserFacingError(`--url ${value}: Slack only calls https URLs`);
  if (url.search !== '' || url.hash !== '') throw new UserFacingError(`--url ${value}: give the base URL without ?query or #fragment`);
  return url.href.replace(/\/+$/, '');
}

/**
 * `market-brief manifest slack`: prints the Slack app manifest (YAML) to paste into
 * "Create an app → From a manifest". Needs no settings and no database.
 */
export function manifestCommand(argv: string[], output: NodeJS.WritableStream = process.stdout): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { url: { type: 'string' }, socket: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1 || positionals[0] !== 'slack') throw new UserFacingError(`usage: market-brief ${MANIFEST_USAGE}`);
  const url = values.url === undefined ? undefined : publicUrl(values.url);
  const manifest = buildSlackManifest({ commands, url, socketMode: values.socket });
  const document = new Document(manifest);
  const note = values.socket
    ? 'Socket Mode: after creating the app, make an app-level token with connections:write (SLACK_APP_TOKEN).'
    : url === undefined
      ? `Replace ${PLACEHOLDER_URL} with the bot's public https URL, or run again with --url.`
      : `Slack calls ${url}/slack/events; the bot must be reachable there before you save.`;
  document.commentBefore = ` Slack app manifest for market-brief (market-brief ${MANIFEST_USAGE}).\n ${note}`;
  output.write(document.toString({ lineWidth: 0 }));
  return 0;
}
