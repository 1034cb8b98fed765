import { z } from 'zod';
import { DATA_RULES, type Prompt, untrusted } from './prompt.ts';

export interface BriefSourceVars {
  /** The source's number in the brief: the answer cites it as this number. */
  n: number;
  outlet: string | null;
  title: string;
  /** Its summary sentences (the map step's, or extractive ones offline). */
  summary: readonly string[];
}

export interface BriefVars {
  title: string;
  topics: readonly string[];
  /** Stories in rank order, numbered from 1; each with the sources that report it. */
  stories: ReadonlyArray<{ sources: readonly BriefSourceVars[] }>;
}

const citedSentence = z.object({ text: z.string(), sources: z.array(z.number().int().min(1)).min(1).max(4) });

export const briefSchema = z.object({
  overview: z.array(citedSentence).max(2),
  stories: z.array(z.object({ story: z.number().int().min(1), headline: z.string(), bullets: z.array(citedSentence).min(1).max(3) })),
});
export type BriefOutput = z.infer<typeof briefSchema>;

/** Reduce step: story summaries → a cited brief (headline and 1–3 bullets per story, a 1–2 sentence overview). */
export const briefPrompt: Prompt<BriefVars, BriefOutput> = {
  id: 'brief',
  version: 1,
  tier: 'main',
  maxOutputTokens: 1_200,
  system: [
    'You write a market brief for traders from summaries of news stories.',
    'For every story write a headline in sentence case (at most 12 words) and 1 to 3 short bullets;',
    'then an overview of 1 or 2 sentences on what ties the stories together, if anything does.',
    'Every bullet and overview sentence cites in "sources" the numbers of the sources it rests on, and only those',
    'sources may supply its facts. Keep the story numbers as given. Be concise and neutral: no advice, no predictions of your own.',
    DATA_RULES,
  ].join(' '),
  render(vars) {
    const blocks = vars.stories.map((story, position) => {
      const sources = story.sources.map(
        (source) =>
          `  [${source.n}] ${source.outlet ?? 'unknown outlet'}: ${source.title}\n${source.summary.map((sentence) => `      ${sentence}`).join('\n')}`,
      );
      return `Story ${position + 1}\n${sources.join('\n')}`;
    });
    const focus = vars.topics.length === 0 ? 'all markets' : vars.topics.join(', ');
    return `Brief: ${vars.title} (topics: ${focus}).\n${untrusted('stories', blocks.join('\n\n'))}`;
  },
  schema: briefSchema,
};
