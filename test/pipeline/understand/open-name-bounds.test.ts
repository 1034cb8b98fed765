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

describe('Reuters listing codes after a name', () => {
  it('finds a name followed by one or more bare codes, glued or not, without them', () => {
    expect(names('Harvest In Motion HIM.TO HIMM.O shares fell 3 percent in early trading on Tuesday.')).toEqual(['Harvest In Motion']);
    expect(names('Harvest In Motion HIM.TOHIMM.O said on Tuesday that its profit rose.')).toEqual(['Harvest In Motion']);
    expect(names('General Kettle Properties GKP.PK is looking to raise money from public markets.')).toEqual(['General Kettle Properties']);
  });

  it('keeps the everyday words before a function word capitalised inside a name', () => {
    expect(names('Harvest In Motion shares rose 3 percent on Monday after the report.')).toEqual(['Harvest In Motion']);
    expect(names('Shares of Harvest In Motion rose 3 percent on Monday after the report.')).toEqual(['Harvest In Motion']);
  });

  it('takes no corporate head alone before a code for a company', () => {
    expect(names("Sales at Quarrow's Entertainment QEN.N rose 3 percent on Monday.")).not.toContain('Entertainment');
  });
});

describe('corporate heads and legal forms after a name', () => {
  it('are the tail of that name, not a company of their own', () => {
    expect(names('The firm Blackstone Group LP agreed to buy the company last year.')).toEqual(['Blackstone']);
    expect(names('Investors bought McClatchy Co. Holdings (MNI.N) stock on Monday.')).toEqual(['McClatchy']);
    expect(names('Analysts at Quarrow Holdings Group Inc said sales rose.')).toEqual(['Quarrow']);
  });

  it('nor are the heads left once the words opening a sentence are taken off', () => {
    expect(names('Central Bank Governor Zhou Quanli spoke on Monday about rates.')).toEqual(['Zhou Quanli']);
  });
});

describe('a lower-case "in" inside a name', () => {
  it('joins one word and a legal form to the word before it, but not after people or holders', () => {
    // Written for these tests, after "Research in Motion Inc" gave a company "Motion".
    expect(names('Shares of Harvest in Motion Inc fell 5 percent on Tuesday.')).toEqual(['Harvest in Motion']);
    expect(names('Harvest in Motion Inc said on Tuesday it would cut jobs.')).toEqual(['Harvest in Motion']);
    expect(names("Officials in Quarrow Corp's home town said on Tuesday the plant would close.")).toEqual(['Quarrow']);
    expect(names('Shareholders in Quarrow Corp voted on Monday to approve the takeover.')).toEqual(['Quarrow']);
  });
});

describe('a class of shares', () => {
  it('is no company', () => {
    // Written for this test, after "Class B shares … opened 1.6 percent lower" made "Class B" a mover.
    expect(names('Class B shares, more heavily traded than its Class A stock, opened 1.6 percent lower.')).toEqual([]);
    expect(names('Investors bought the Series A preferred stock of Quarrow Corp on Tuesday.')).toEqual(['Quarrow']);
  });
});
