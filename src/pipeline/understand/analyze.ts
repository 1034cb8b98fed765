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

/** Entities, topics and sentiment of a clean article; the recogniser is built once. */
export function createAnalyzer(reference: ReferenceIndex): Analyzer {
  const recognizer = createEntityRecognizer(reference);
  return {
    analyze({ title, text }) {
      const entities = recognizer.recognize(title, text);
      return {
        entities,
        topics: assignTopics({ title, text, entities }, reference),
        sentiment: scoreSentiment(title, text),
      };
    },
  };
}
