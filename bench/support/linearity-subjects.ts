// The text functions bench/linearity.ts checks, each taking one hostile text. Kept apart from the
// worker so both sides read the one list (the parent needs the names, the worker the functions).
import { cleanArticle, loadReferenceIndex, splitSentences, tokenize } from '../../src/pipeline/index.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/index.ts';
import { scoreSentiment } from '../../src/pipeline/understand/sentiment/index.ts';
import { assignTopics } from '../../src/pipeline/understand/topics/index.ts';
import { summariseExtractive } from '../../src/brief/index.ts';
import { actsIn } from '../../src/brief/agent.ts';
import { findMovers } from '../../src/brief/movers.ts';
import { movesAsAsked } from '../../src/brief/moves-as-asked.ts';
import { questionFocus } from '../../src/brief/relevance.ts';
import { entityNames } from '../../src/pipeline/index.ts';

export const SUBJECT_NAMES = [
  'splitSentences',
  'cleanArticle',
  'tokenize',
  'entities',
  'sentiment',
  'topics',
  'summariseExtractive',
  'movers',
  'asksAgent',
  'movesAsAsked',
] as const;
export type SubjectName = (typeof SUBJECT_NAMES)[number];

const TITLE = 'Stocks rally as Acme Corp beats forecasts';

/** The function to time, built once (loading the reference index and the gazetteer is not timed). */
export function subject(name: SubjectName): (text: string) => unknown {
  switch (name) {
    case 'splitSentences':
      return (text) => splitSentences(text);
    case 'cleanArticle':
      // Hostile text may rightly be refused ("no readable text"); the time to decide is what counts.
      return (text) => {
        try {
          return cleanArticle({ title: TITLE, text });
        } catch (error) {
          return (error as Error).message;
        }
      };
    case 'tokenize':
      return (text) => tokenize(text);
    case 'entities': {
      const recognizer = createEntityRecognizer(loadReferenceIndex());
      return (text) => recognizer.recognize(TITLE, text);
    }
    case 'sentiment':
      return (text) => scoreSentiment(TITLE, text);
    case 'topics': {
      const reference = loadReferenceIndex();
      return (text) => assignTopics({ title: TITLE, text, entities: [] }, reference);
    }
    case 'summariseExtractive':
      return (text) => summariseExtractive({ title: TITLE, text });
    case 'movers': {
      // The article's entities as ingest would find them, then its moves (clauses, owners, the headline's company).
      const reference = loadReferenceIndex();
      const recognizer = createEntityRecognizer(reference);
      return (text) => {
        const entities = recognizer.recognize(TITLE, text);
        const article = {
          id: 'a',
          title: TITLE,
          text,
          url: null,
          source: null,
          publishedAt: null,
          guid: null,
          contentHash: '',
          entities,
          topics: [],
          sentiment: { label: 'neutral' as const, score: 0 },
          duplicateOf: null,
          ingestedAt: '',
        };
        return findMovers([article], reference, 1_000);
      };
    }
    case 'asksAgent': {
      // /ask's "does the Fed act in this sentence" over the whole text as one sentence.
      const fed = loadReferenceIndex().lookup('Fed');
      const names = fed === null ? null : entityNames(fed);
      return (text) => (names === null ? false : actsIn(text, names));
    }
    case 'movesAsAsked': {
      // /ask's "does the market fall in this sentence" ("why did stocks fall") over the whole text as one sentence.
      const focus = { ...questionFocus(['fall']), market: true };
      return (text) => movesAsAsked(text, focus, []);
    }
  }
}
