import { describe, expect, it } from 'vitest';
import { createEntityRecognizer } from '../../../src/pipeline/understand/entities/recognizer.ts';
import { loadReferenceIndex } from '../../../src/pipeline/understand/reference/load.ts';

const recognizer = createEntityRecognizer(loadReferenceIndex());
const ids = (text: string): string[] => recognizer.recognize('', text).map((mention) => mention.id);

describe('political parties, legislatures and treasuries', () => {
  it('reads parties by their usual short names where those are unambiguous', () => {
    expect(ids('The Labor opposition said it would vote against the mining levy in the spring.')).toContain('organisation:australian-labor-party');
    expect(ids('Pension reform divided the Tories again, while Labour promised a review.')).toEqual(
      expect.arrayContaining(['organisation:uk-conservative-party', 'organisation:labour-party']),
    );
    expect(ids('The CDU and the SPD agreed a budget framework on Sunday.')).toEqual(expect.arrayContaining(['organisation:cdu', 'organisation:spd']));
    expect(ids('A spokesman for the Republican Party declined to comment on the tariff plan.')).toContain('organisation:us-republican-party');
  });

  it('does not read labour-market words or the Treasury benches as a party or a treasury', () => {
    const found = ids('Labour market figures surprised economists. Labor Day sales were weak, and the Treasury benches sat silent.');
    expect(found).not.toContain('organisation:labour-party');
    expect(found).not.toContain('organisation:australian-labor-party');
    expect(found).not.toContain('organisation:treasury');
    expect(ids('The labour market cooled and organised labor lost members.')).toEqual([]);
    // In US news a bare "Labor" is the Labor Department, so the Australian party needs its longer names.
    expect(ids('Labor officials said payrolls rose, and the Labor Secretary expects more hiring.')).not.toContain('organisation:australian-labor-party');
  });

  it('reads the chambers from the phrasings that name them without "the"', () => {
    expect(ids('More than ninety House Democrats signed the letter opposing the rule.')).toContain('organisation:house-of-representatives');
    expect(ids('The plan now needs a Senate vote before the recess.')).toContain('organisation:senate');
    expect(ids('Prices in the town house market rose.')).not.toContain('organisation:house-of-representatives');
  });

  it('reads a treasury that acts or issues, and keeps the U.S. one when the country is written', () => {
    expect(ids('The Treasury said it would sell more long-dated debt next quarter.')).toContain('organisation:treasury');
    expect(ids('The U.S. Treasury said it would sell more long-dated debt next quarter.')).toContain('organisation:us-treasury');
  });
});

describe('a lone name that acts as a firm', () => {
  it('reads a name that says or announces something as a firm when the article never writes it as a surname', () => {
    expect(ids('Quillmere said it would close two plants in the autumn, cutting 300 jobs.')).toContain('company:quillmere');
    expect(ids('Revenue fell for a third quarter. Excluding one-offs, Quillmere announced a smaller loss.')).toContain('company:quillmere');
  });

  it('leaves people alone: a surname written after a first name or an honorific, or quoted', () => {
    expect(ids('Analyst Dora Quillmere covers retail. Quillmere said margins would shrink.')).not.toContain('company:quillmere');
    expect(ids('Mr Quillmere was blunt about it. Quillmere said margins would shrink.')).not.toContain('company:quillmere');
    expect(ids('"We will grow," Quillmere said on Tuesday.')).not.toContain('company:quillmere');
  });
});

describe('names after a role and "of", "with" or "from"', () => {
  it('reads the organisation of a chief executive, an acquisition, or an economist with it', () => {
    expect(ids('The deal was announced by the CEO of Tarnwick Data on Monday.')).toContain('company:tarnwick-data');
    expect(ids('With the acquisition of Tarnwick Data, the group adds 85 clients.')).toContain('company:tarnwick-data');
    expect(ids('Ada Lovell, an economist with Brackley Economics, expects a slowdown.')).toContain('company:brackley-economics');
    expect(ids('Sales slowed, according to analysts from Brackley Economics in a note.')).toContain('company:brackley-economics');
  });

  it('does not make a nationality opening a found name into an alias of it', () => {
    const found = ids('The founder of Italian Wine Central led a tasting of fine Italian reds.');
    expect(found).toEqual(['company:italian-wine-central']);
  });
});
