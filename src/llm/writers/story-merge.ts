import { type StoryMergeOutput, storyMergePrompt } from '../../../prompts/index.ts';
import type { PromptRunner, RunOptions } from '../runner.ts';
import { splitSentences } from '../../pipeline/index.ts';
import type { StoryCluster } from '../../domain/index.ts';

const MAX_HEADLINES = 3;
const MAX_LEAD_CHARACTERS = 300;

/**
 * Applies the model's groups to the candidates: numbers out of range or used twice are ignored,
 * and a merged story keeps the lead and rank of its best-ranked member.
 */
export function applyMerges(candidates: readonly StoryCluster[], output: StoryMergeOutput): StoryCluster[] {
  const owner = new Map<number, number>();
  for (const group of output.groups) {
    const members = [...new Set(group)].filter((number) => number >= 1 && number <= candidates.length && !owner.has(number - 1));
    if (members.length < 2) continue;
    const head = Math.min(...members) - 1;
    for (const number of members) owner.set(number - 1, head);
  }
  const merged: StoryCluster[] = [];
  const byHead = new Map<number, StoryCluster>();
  candidates.forEach((cluster, position) => {
    const head = owner.get(position) ?? position;
    const existing = byHead.get(head);
    if (existing === undefined) {
      const copy = { lead: cluster.lead, articles: [...cluster.articles] };
      byHead.set(head, copy);
      merged.push(copy);
    } else {
      existing.articles.push(...cluster.articles);
    }
  });
  return merged;
}

/**
 * The clustering step on the model: which of the top candidate stories (already grouped offline
 * by near-duplicate links and headline overlap) report the same event. One small call on headlines.
 */
export async function mergeStories(candidates: readonly StoryCluster[], runner: PromptRunner, options: RunOptions): Promise<StoryCluster[]> {
  if (candidates.length < 2) return [...candidates];
  let stories = candidates.map((cluster) => ({
    headlines: [...new Set(cluster.articles.map((article) => article.title))].slice(0, MAX_HEADLINES),
    lead: (splitSentences(cluster.lead.text)[0] ?? '').slice(0, MAX_LEAD_CHARACTERS),
  }));
  const budget = runner.maxInputTokens - runner.model.countTokens(storyMergePrompt.system) - 32;
  while (stories.length > 2 && runner.model.countTokens(storyMergePrompt.render({ stories })) > budget) stories = stories.slice(0, -1);
  const output = await runner.run(storyMergePrompt, { stories }, options);
  const considered = candidates.slice(0, stories.length);
  return [...applyMerges(considered, output), ...candidates.slice(stories.length)];
}
