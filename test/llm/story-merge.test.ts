import { describe, expect, it } from 'vitest';
import { applyMerges } from '../../src/llm/writers/story-merge.ts';
import { makeArticle } from '../support/articles.ts';
import type { StoryCluster } from '../../src/domain/index.ts';

function cluster(id: string, size = 1): StoryCluster {
  const articles = Array.from({ length: size }, (_, index) => makeArticle({ id: `${id}${index}` }));
  return { lead: articles[0]!, articles };
}

describe("applying the model's story merges", () => {
  const candidates = [cluster('a', 2), cluster('b'), cluster('c'), cluster('d')];

  it('folds same-event stories into the best-ranked one, keeping its lead', () => {
    const merged = applyMerges(candidates, { groups: [[4, 2]] });
    expect(merged.map((story) => [story.lead.id, story.articles.map((article) => article.id)])).toEqual([
      ['a0', ['a0', 'a1']],
      ['b0', ['b0', 'd0']],
      ['c0', ['c0']],
    ]);
    expect(candidates[1]?.articles).toHaveLength(1); // the input is left as it was
  });

  it('ignores numbers out of range, repeats and a story claimed by two groups', () => {
    const merged = applyMerges(candidates, {
      groups: [
        [1, 1, 9],
        [3, 1],
        [2, 3, 0],
      ],
    });
    expect(merged.map((story) => story.articles.map((article) => article.id))).toEqual([['a0', 'a1', 'c0'], ['b0'], ['d0']]);
  });
});
