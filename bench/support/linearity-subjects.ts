// The text functions bench/linearity.ts checks, each taking one hostile text. Kept apart from the
// worker so both sides read the one list (the parent needs the names, the worker the functions).
import { cleanArticle, loadReferenceIndex, splitSentences, tokenize } from '../../src/pipeline/index.ts';
import { createEntityRecognizer } from '../../src/pipeline/understand/entities/index.ts';
import { scoreSentiment } from '../../src/pipeline/understand/sentiment/index.ts';
import { assignTopics } from '../../src/pipeline/understand/topics/index.ts';
import { summariseExtractive } from '../../src/brief/index.ts';

export const SUBJECT_NAMES = ['splitSentences', 'cleanArticle', 'tokenize', 'entities', 'sentiment', 'topics', 'summariseExtractive'] as const;
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
  }
}
