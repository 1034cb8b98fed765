import type { CleanArticle, EntityMention, Sentiment } from '../../domain/index.ts';
import { createEntityRecognizer } from './entities/index.ts';
import { tokenize } from './name-keys/index.ts';
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
      // One tokenisation of the title and the text serves the entity and the topic passes.
      const tokens = { title: tokenize(title), text: tokenize(text) };
      const entities = recognizer.recognize(title, text, tokens);
      return {
        entities,
        topics: assignTopics({ title, text, entities, tokens }, reference),
        sentiment: scoreSentiment(title, text),
      };
    },
  };
}
