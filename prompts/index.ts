import { answerPrompt } from './answer.ts';
import { articleSummaryPrompt } from './article-summary.ts';
import { briefPrompt } from './brief.ts';
import { storyMergePrompt } from './story-merge.ts';

/** Every prompt the bot sends, for docs, tests and the usage report. */
export const prompts = [articleSummaryPrompt, storyMergePrompt, briefPrompt, answerPrompt] as const;

export { answerPrompt, articleSummaryPrompt, briefPrompt, storyMergePrompt };

export type { AnswerVars } from './answer.ts';
export type { ArticleSummaryOutput } from './article-summary.ts';
export type { BriefOutput, BriefVars } from './brief.ts';
export type { ModelTier, Prompt } from './prompt.ts';
export type { StoryMergeOutput } from './story-merge.ts';
