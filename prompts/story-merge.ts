import { z } from 'zod';
import { DATA_RULES, type Prompt, untrusted } from './prompt.ts';

export interface StoryMergeVars {
  /** Candidate stories in rank order, numbered from 1: the headlines of their reports and the lead's first sentence. */
  stories: ReadonlyArray<{ headlines: readonly string[]; lead: string }>;
}

export const storyMergeSchema = z.object({
  groups: z.array(z.array(z.number().int().min(1)).min(2)),
});
export type StoryMergeOutput = z.infer<typeof storyMergeSchema>;

/** Clustering step: which candidate stories report the same event (so one story, several outlets). */
export const storyMergePrompt: Prompt<StoryMergeVars, StoryMergeOutput> = {
  id: 'story-merge',
  version: 1,
  tier: 'fast',
  maxOutputTokens: 300,
  system: [
    'You group market news stories that report the same event (the same company result, deal, index move or policy decision),',
    'even when outlets word their headlines differently.',
    'Return only groups of two or more story numbers; a story that matches no other is left out; a number appears at most once.',
    'Stories about different companies or different events stay apart, however similar the topic.',
    DATA_RULES,
  ].join(' '),
  render(vars) {
    const lines = vars.stories.map(
      (story, position) =>
        `[${position + 1}] ${story.headlines.map((headline) => headline.replace(/\s+/g, ' ').trim()).join(' | ')}\n    ${story.lead.replace(/\s+/g, ' ').trim()}`,
    );
    return `Which of these stories report the same event?\n${untrusted('stories', lines.join('\n'))}`;
  },
  schema: storyMergeSchema,
};
