import { z } from 'zod';
import { DATA_RULES, numbered, type Prompt, untrusted } from './prompt.ts';

export interface ArticleSummaryVars {
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  /** The article's sentences in order; the answer cites them by number, from 1. */
  sentences: readonly string[];
  /** Sentences left out at the end to keep within the token budget (0 when whole). */
  omitted: number;
}

export const articleSummarySchema = z.object({
  headline: z.string(),
  summary: z
    .array(z.object({ text: z.string(), from: z.array(z.number().int().min(1)).min(1).max(4) }))
    .min(1)
    .max(3),
  figures: z.array(z.object({ figure: z.string(), sentence: z.number().int().min(1) })).max(8),
  entities: z.array(z.object({ name: z.string(), kind: z.enum(['company', 'index', 'person', 'other']) })).max(12),
  sentiment: z.enum(['positive', 'negative', 'neutral', 'mixed']),
  topics: z.array(z.string()).max(5),
});
export type ArticleSummaryOutput = z.infer<typeof articleSummarySchema>;

/** Map step: one article → headline, 2–3 cited sentences, key figures, entities, sentiment, topics. */
export const articleSummaryPrompt: Prompt<ArticleSummaryVars, ArticleSummaryOutput> = {
  id: 'article-summary',
  version: 1,
  tier: 'fast',
  maxOutputTokens: 700,
  system: [
    'You summarise one market news article for traders.',
    'Write a plain headline in sentence case (at most 14 words) and a summary of 2 or 3 short sentences;',
    'each summary sentence lists in "from" the numbers of the article sentences it restates.',
    'List up to 8 key figures exactly as written (e.g. "21%", "$5.6 billion") with the number of the sentence each comes from,',
    'the companies, indices and people named, the overall sentiment for investors, and up to 5 short topic words.',
    DATA_RULES,
  ].join(' '),
  render(vars) {
    const header = [`Title: ${vars.title}`, `Outlet: ${vars.outlet ?? 'unknown'}`, `Published: ${vars.publishedAt ?? 'unknown'}`].join('\n');
    const trimmed = vars.omitted > 0 ? `\n(The last ${vars.omitted} sentences were left out for length.)` : '';
    return `Summarise this article.\n${untrusted('article', `${header}\n\n${numbered(vars.sentences)}`)}${trimmed}`;
  },
  schema: articleSummarySchema,
};
