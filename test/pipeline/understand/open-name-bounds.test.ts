import { describe, expect, it } from 'vitest';
import { createEntityRecognizer } from '../../../src/pipeline/understand/entities/recognizer.ts';
import { loadReferenceIndex } from '../../../src/pipeline/understand/reference/load.ts';

// Where a name found by its shape begins and ends: sentences written for these tests.
const recognizer = createEntityRecognizer(loadReferenceIndex());
const names = (text: string): string[] => recognizer.recognize('', text).map((mention) => mention.name);

describe('the first word of a name opening a sentence', () => {
  it('keeps an everyday or generic first word when a possessive closes the capitalised words', () => {
    expect(names("General Kettle's stock slid 4 percent in heavy trading on Tuesday.")).toEqual(['General Kettle']);
    expect(names("National Quarrow's shares fell 3 percent in early trading after the report.")).toEqual(['National Quarrow']);
    // Mid-sentence the same name is read the same way.
    expect(names("Investors sold General Kettle's stock after the report on Tuesday.")).toEqual(['General Kettle']);
  });

  it('still takes off a word that opens the clause or describes the firm, and finds no company in a market or a day', () => {
    expect(names("Rival Quarrow's shares fell 3 percent in early trading after the report.")).toEqual(['Quarrow']);
    expect(names("Wall Street's rally faded in early trading on Tuesday after the report.")).toEqual([]);
    expect(names("Monday's session ended with shares of Quarrow down 3 percent.")).toEqual(['Quarrow']);
  });
});
