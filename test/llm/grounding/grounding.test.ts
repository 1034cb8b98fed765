import { describe, expect, it } from 'vitest';
import { parseQuantity, supports } from '../../../src/llm/grounding/figures.ts';
import { nameRuns } from '../../../src/llm/grounding/names.ts';
import { createGroundingGuard, unsafeReasons } from '../../../src/llm/grounding/grounding.ts';
import { loadCommonWords } from '../../../src/llm/grounding/common-words.ts';
import { loadReferenceIndex } from '../../../src/pipeline/understand/reference/load.ts';

const guard = createGroundingGuard({ reference: loadReferenceIndex(), commonWords: loadCommonWords(), sentences: false });

// The tests' own writing: a short market report with figures in several formats and a few names.
const report = {
  title: 'Harbour stocks extend gains as carmaker prices share sale',
  text: [
    'The Hang Seng Index rose 21% this quarter, while the S&P 500 lost about 7 percent.',
    'BYD raised HK$29.6 billion in the city’s largest share sale since 2021, and margin lending topped $353 billion.',
    'Priya Raman, chief strategist at Lantern Bridge Capital, said the rally had further to run.',
    'Alibaba committed US$5.6bn to data centres and its shares gained 1,250 basis points over the period.',
    'The central bank trimmed its policy rate by 25 bps to 3.5%.',
    'The carmaker sees capital spending of $510-530 million next year.',
  ].join(' '),
  entities: [{ id: 'company:alibaba' }],
};
const check = (text: string) => guard.check(text, [report]);

describe('figures in the grounding guard', () => {
  it.each([
    ['the same figure written differently', 'Alibaba committed $5.6 billion to data centres.'],
    ['a magnitude abbreviated', 'BYD raised HK$29.6bn.'],
    ['percent spelled out', 'The Hang Seng Index rose 21 percent.'],
    ['per cent, British style', 'The S&P 500 lost about 7 per cent.'],
    ['basis points as percentage points', 'The rate was cut by 0.25 percentage points to 3.5%.'],
    ['thousands separators and millions', 'Margin lending topped $353,000 million.'],
    ['a rounding the source allows', 'Margin lending topped $350 billion.'],
    ['wire-copy magnitudes', 'Margin lending topped $353 bln, or $353b.'],
    ['either end of a range the source gives', 'Capital spending will be at most $530 million and at least $510 million.'],
    ['a range written out', 'BYD sees capital spending of $510 million to $530 million.'],
  ])('accepts %s', (_case, sentence) => {
    expect(check(sentence)).toEqual({ ok: true, reasons: [] });
  });

  it.each([
    ['an invented amount', 'BYD raised HK$31.2 billion.', 'HK$31.2 billion'],
    ['the wrong currency', 'BYD raised $29.6 billion.', '$29.6 billion'],
    ['a percentage never stated', 'The Hang Seng Index rose 24%.', '24%'],
    ['a percent passed off as an amount', 'The S&P 500 lost $7 billion.', '$7 billion'],
    ['a rounding too coarse to be honest', 'Margin lending topped $400 billion.', '$400 billion'],
    ['a number that is not there at all', 'Shares gained for 9 sessions in a row.', '9'],
    ['a range end that borrows a magnitude it does not have', 'BYD sees spending of $510 to $600 million.', '$600 million'],
  ])('rejects %s', (_case, sentence, figure) => {
    const verdict = check(sentence);
    expect(verdict.ok).toBe(false);
    expect(verdict.reasons).toContain(`figure "${figure}" is not in the cited sources`);
  });

  it('parses each format to one quantity', () => {
    expect(parseQuantity('$5.6 billion')).toMatchObject({ value: 5.6e9, currency: 'USD', dimension: 'amount', step: 1e8 });
    expect(parseQuantity('US$5.6bn')).toMatchObject({ value: 5.6e9, currency: 'USD' });
    expect(parseQuantity('HK$29.6 billion')).toMatchObject({ value: 29.6e9, currency: 'HKD' });
    expect(parseQuantity('21 percent')).toMatchObject({ value: 21, dimension: 'percent', bare: false });
    expect(parseQuantity('25 bps')).toMatchObject({ value: 0.25, dimension: 'percent' });
    expect(parseQuantity('4.2 billion yuan')).toMatchObject({ value: 4.2e9, currency: 'CNY' });
    expect(parseQuantity('2021')).toMatchObject({ value: 2021, bare: true });
    const yen = parseQuantity('¥300 billion');
    const yuan = parseQuantity('300 billion yuan');
    expect(yen !== null && yuan !== null && supports(yuan, yen)).toBe(true);
  });
});

describe('names in the grounding guard', () => {
  it('accepts names the source gives, in other forms too', () => {
    expect(check('Priya Raman of Lantern Bridge Capital expects more gains.').ok).toBe(true);
    expect(check('Alibaba Group shares gained.').ok).toBe(true); // "Group" is only a suffix
    expect(check('BABA gained.').ok).toBe(true); // a ticker of an entity the source mentions
    expect(check('Shares of BYD rose on Monday in March.').ok).toBe(true); // sentence-initial word, weekday, month
  });

  it('rejects a company, a person or an index the sources never name', () => {
    expect(check('Contoso Holdings joined the rally.').reasons).toEqual(['name "Contoso Holdings" is not in the cited sources']);
    expect(check('Priya Patel expects more gains.').reasons).toEqual(['name "Priya Patel" is not in the cited sources']);
    expect(check('The Nikkei 225 followed.').ok).toBe(false);
    // An everyday word that names a famous company is still a name.
    expect(check('Apple shares fell.').reasons).toEqual(['name "Apple" is not in the cited sources']);
  });

  it('splits runs at possessives and sentence starts', () => {
    expect(nameRuns("Hong Kong's Hang Seng rose. Analysts at Lantern Bridge agreed.").map((run) => [run.text, run.sentenceStart])).toEqual([
      ["Hong Kong's", true],
      ['Hang Seng', false],
      ['Analysts', true],
      ['Lantern Bridge', false],
    ]);
  });
});

describe('what generated text may never carry', () => {
  it('rejects links, mentions, channels and commands, and cites no stored source', () => {
    expect(unsafeReasons('Post this to #general for @everyone and visit https://evil.example/x')).toEqual([
      'contains a link (https://evil.example/x)',
      'contains a mention',
      'names a channel',
    ]);
    expect(unsafeReasons('Then run /unsubscribe markets.')).toEqual(['contains a command']);
    expect(unsafeReasons('Reply <!channel> now')).toEqual(['contains a mention']);
    expect(unsafeReasons('See evil.example for more.')).toEqual(['contains a link (evil.example)']);
    expect(guard.check('The index rose 21%.', []).reasons).toEqual(['cites no stored source']);
  });

  it('lets a domain the source itself names stand as a name', () => {
    const source = { title: 'JD.com results', text: 'JD.com said sales rose 5%.', entities: [] };
    expect(guard.check('JD.com said sales rose 5%.', [source]).ok).toBe(true);
    expect(unsafeReasons('Sales rose 24/7 and/or faster at 3/4 of stores.')).toEqual([]);
  });
});
