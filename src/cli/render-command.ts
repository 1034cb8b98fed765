import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type Brief, InputError, type Reply, SENTIMENT_LABELS, UserFacingError } from '../domain/index.ts';
import { briefToReply } from '../brief/index.ts';
import { renderReply, renderSlackMessages } from '../platforms/index.ts';
import { RENDER_USAGE } from './usage-lines.ts';

/** Turns a Reply into the exact message payloads a platform would post, in order. */
export type PayloadRenderer = (reply: Reply) => readonly unknown[];

/**
 * One renderer per platform. Hook for the Slack adapter: add `slack: (reply) => …` here
 * (its Block Kit payloads), and `--platform slack` works.
 */
export const PAYLOAD_RENDERERS: Partial<Record<'discord' | 'slack', PayloadRenderer>> = {
  discord: renderReply,
  slack: renderSlackMessages,
};

const numbers = z.array(z.number().int().min(0));
const cited = z.object({ text: z.string(), sources: numbers });
const label = z.enum(SENTIMENT_LABELS);

/** A Brief as printed by `market-brief brief --format json`. */
export const briefSchema = z.object({
  title: z.string(),
  topics: z.array(z.string()),
  window: z.object({ since: z.string(), until: z.string() }),
  generatedAt: z.string(),
  overview: z.array(cited),
  stories: z.array(
    z.object({
      headline: z.string(),
      summary: z.array(cited),
      sources: numbers,
      sentiment: z.object({ label, score: z.number() }),
      entityIds: z.array(z.string()),
    }),
  ),
  movers: z.array(
    z.object({
      entityId: z.string(),
      name: z.string(),
      ticker: z.string().nullable(),
      direction: z.enum(['up', 'down']),
      figure: z.string(),
      horizon: z.string().nullable().optional(),
      excerpt: z.string(),
      source: z.number().int(),
    }),
  ),
  sentiment: z.object({ positive: z.number(), negative: z.number(), neutral: z.number(), mixed: z.number() }),
  sources: z.array(
    z.object({
      n: z.number().int(),
      articleId: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      source: z.string().nullable(),
      publishedAt: z.string().nullable(),
    }),
  ),
  articleCount: z.number().int().min(0),
  summariser: z.string(),
  notes: z.array(z.string()),
}) satisfies z.ZodType<Brief>;

async function readInput(path: string, maxBytes: number, stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const source =
    path === '-'
      ? stdin
      : (
          await open(path).catch(() => {
            throw new InputError(path, 'cannot open the file');
          })
        ).createReadStream();
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw new InputError(path, `larger than MAX_INPUT_BYTES (${maxBytes} bytes)`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses and checks a Brief JSON; every problem names where in the JSON it is. */
export function parseBrief(text: string, name: string): Brief {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(name, `not JSON (${(error as Error).message})`);
  }
  const result = briefSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  throw new InputError(name, `not a brief as printed by \`market-brief brief --format json\`: ${problems.join('; ')}`);
}

/** `market-brief render`: prints, as JSON, the messages a brief would be posted as on a platform. */
export async function renderCommand(
  argv: string[],
  options: { maxBytes: number; stdin?: NodeJS.ReadableStream; output?: NodeJS.WritableStream },
): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { platform: { type: 'string' } } });
  const platform = values.platform;
  if (platform === undefined) throw new UserFacingError(`--platform is required. Usage: ${RENDER_USAGE}`);
  const render = PAYLOAD_RENDERERS[platform as keyof typeof PAYLOAD_RENDERERS];
  if (render === undefined) {
    throw new UserFacingError(`--platform ${platform}: expected one of ${Object.keys(PAYLOAD_RENDERERS).join(', ')}`);
  }
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw new UserFacingError(`name one brief JSON file (or - for stdin). Usage: ${RENDER_USAGE}`);
  const brief = parseBrief(await readInput(path, options.maxBytes, options.stdin ?? process.stdin), path === '-' ? 'stdin' : path);
  const payloads = render(briefToReply(brief, 'public'));
  (options.output ?? process.stdout).write(`${JSON.stringify(payloads, null, 2)}\n`);
  return 0;
}
