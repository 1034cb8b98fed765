import type { CleanArticle, EntityMention, Sentiment } from '../../domain/index.ts';
import { createEntityRecognizer } from './entities/index.ts';
import type { ReferenceIndex } from './reference/index.ts';
import { scoreSentiment } from './sentiment/index.ts';
import { assignTopics } from './topics/index.ts';

export interface Analysis {
  entities: EntityMention[];
  topics: string[];
  sentiment: Sentiment;
}

export interface Analyzer {
  analyze(article: Pick<CleanArticle, 'title' | 'text'>): Analysis;
}

/**
 * Entities, topics and sentiment of a clean article. The recogniser (its gazetteer trie is ≈20 MB and 60 ms of
 * CPU) is built once, on the first article: a bot or a command that never ingests never builds it.
 */
export function createAnalyzer(reference: ReferenceIndex): Analyzer {
  let recognizer: ReturnType<typeof createEntityRecognizer> | null = null;
  return {
    analyze({ title, text }) {
      recognizer ??= createEntityRecognizer(reference);
      const entities = recognizer.recognize(title, text);
      return {
        entities,
        topics: assignTopics({ title, text, entities }, reference),
        sentiment: scoreSentiment(title, text),
      };
    },
  };
}
