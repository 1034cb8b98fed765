import { answerPrompt } from './answer.ts';
import { articleSummaryPrompt } from './article-summary.ts';
import { briefPrompt } from './brief.ts';
import { storyMergePrompt } from './story-merge.ts';

/** Every prompt the bot sends, for docs, tests and the usage report. */
export const prompts = [articleSummaryPrompt, storyMergePrompt, briefPrompt, answerPrompt] as const;

export { answerPrompt, articleSummaryPrompt, briefPrompt, storyMergePrompt };
