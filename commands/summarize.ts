import { z } from 'zod';
import { type Command, parseOptions } from '../src/dispatch/index.ts';
import type { Reply } from '../src/domain/index.ts';
import { ownerOf } from '../src/ports/index.ts';
import { summariseExtractive } from '../src/brief/index.ts';
import { sourceActions } from './source.ts';

const usage = '/summarize <url>';
const schema = z.object({ url: z.string({ message: 'give the URL of an article' }).trim().min(1, 'give the URL of an article') });

export default {
  name: 'summarize',
  description: 'Reads one article page, stores it and answers with its summary',
  usage,
  examples: ['/summarize https://example.com/markets/2026/11/20/stocks-rally'],
  options: [{ name: 'url', description: 'The address of a news article page', type: 'string', required: true }],
  adminOnly: false,
  async run(options, context, services) {
    const { url } = parseOptions(schema, options, usage);
    const { article, status } = await sourceActions(services).readPage(url, ownerOf(context));
    const sentences = summariseExtractive({ title: article.title, text: article.text, entityNames: article.entities.map((entity) => entity.name) });
    const lines = sentences.length > 0 ? sentences : [article.text.split('\n\n')[0] ?? ''];
    const entities = article.entities.slice(0, 6).map((entity) => (entity.ticker === null ? entity.name : `${entity.name} (${entity.ticker})`));
    const reply: Reply = {
      title: article.title,
      lead: {
        text: [article.source, article.publishedAt?.slice(0, 10), `${article.sentiment.label} tone`].filter(Boolean).join(' · '),
        sources: [1],
        tone: article.sentiment.label,
      },
      sections: [
        { heading: 'Summary', lines: lines.map((text) => ({ text, sources: [1] })) },
        ...(entities.length === 0 && article.topics.length === 0
          ? []
          : [{ heading: 'Mentions', lines: [{ text: [...entities, ...article.topics.map((topic) => `#${topic}`)].join(', '), sources: [] }] }]),
      ],
      sources: [{ n: 1, articleId: article.id, title: article.title, url: article.url, source: article.source, publishedAt: article.publishedAt }],
      visibility: 'ephemeral',
      tone: article.sentiment.label,
      footer: status === 'stored' ? `Stored as ${article.id}.` : `Already stored as ${article.id}.`,
    };
    return reply;
  },
} satisfies Command;
