// Where a capitalised run's name starts: which everyday words opening a sentence belong to the name
// ("Silicon Graphics shares fell", "Brown Shoe Co Inc", "General Growth's stock") and which only open
// the sentence ("Shares of X", "The X", "Former Tyco International Ltd").
import { STOPWORDS } from '../../text/index.ts';
import type { Token } from '../name-keys/index.ts';
import { nameKey, type ReferenceIndex } from '../reference/index.ts';
import type { TokenContext } from './context.ts';
import { opensClause } from './judge-cues.ts';
import { companyAliases } from './names.ts';
import { CONNECTOR, LEGAL } from './open-judge.ts';
import { COMPANY_HEADS, DESCRIPTOR, DESCRIPTOR_WORDS, GENERIC_MODIFIERS, LISTING_AFTER, ORGANISATION_TYPES } from './open-words.ts';

const POSSESSIVE = /['’]s$/;

/** The first token of the name in the run [position, end): past the everyday words and descriptors ("Drugmaker X") that only open its sentence. */
export function nameStart(context: TokenContext, position: number, end: number, index: ReferenceIndex): number {
  const { tokens, sentenceStart } = context;
  const whole = sentenceStart[position] === 1 ? opensWholeRun(context, position, end, index) : 'no';
  // "General Growth's stock fell": even a generic first word ("General", "National") is the name's own.
  if (whole === 'all') return position;
  let first = position;
  while (
    whole === 'no' &&
    first < end &&
    sentenceStart[first] === 1 &&
    tokens[first]?.shape === 'capitalized' &&
    (index.isCommonWord(tokens[first]?.key ?? '') || GENERIC_MODIFIERS.has(tokens[first]?.key ?? '') || DESCRIPTOR_WORDS.test(tokens[first]?.key ?? '')) &&
    // "Research In Motion": the word before a function word capitalised inside the run is the name's first.
    !titleCaseFunctionWord(tokens[first + 1], first + 1 < end - 1)
  ) {
    first += 1;
    while (first < end && CONNECTOR.test(tokens[first]?.text ?? '')) first += 1;
  }
  while (first < end && (tokens[first]?.key === 'the' || (GENERIC_MODIFIERS.has(tokens[first]?.key ?? '') && first + 1 < end && sentenceStart[first] === 1)))
    first += 1;
  return first;
}

/**
 * Whether the words [first, end) are only the tails of another name: legal forms after a name the reference
 * knows ("Nissan Motor Co Ltd"); corporate heads and legal forms right after a name found ("Blackstone Group
 * LP", "RBC Capital analyst", "McClatchy Co. Holdings"), or left once the words opening a sentence are taken
 * off ("Central Bank Governor"). None is a name of its own.
 */
export function onlyTails(context: TokenContext, position: number, first: number, end: number, named: (at: number) => boolean): boolean {
  const { tokens, text } = context;
  let legal = true;
  let heads = true;
  for (let at = first; at < end && heads; at += 1) {
    const key = (tokens[at] as Token).key.replace(POSSESSIVE, '');
    legal &&= LEGAL.test(key);
    heads = legal || COMPANY_HEADS.has(key);
  }
  if (legal || !heads) return legal;
  if (first > position) return true;
  const before = tokens[first - 1];
  return before !== undefined && named(first - 1) && /^\.? $/.test(text.slice(before.end, (tokens[first] as Token).start));
}

/**
 * Whether a run opening a sentence is a name from its first word, though that word is an everyday one:
 * two capitalised everyday words ("Silicon Graphics shares fell", "Family Dollar said"), unless the
 * first is a function word ("While Apple", "But Sharp") or the second a legal form ("Dips Limited in
 * ETH?"); capitalised words closed by a possessive ("General Growth's stock fell"), unless the first
 * opens a clause or describes the firm ("Rival Quellin's"); or a legal form or a listing that shows a
 * company (opensWholeName). 'all' keeps a generic first word too ("General Growth Properties GGWPQ.PK"), 'everyday' only an everyday one.
 */
function opensWholeRun(context: TokenContext, first: number, end: number, index: ReferenceIndex): 'all' | 'everyday' | 'no' {
  const { tokens } = context;
  const opening = tokens[first] as Token;
  const second = tokens[first + 1];
  if (second === undefined || STOPWORDS.has(opening.key)) return 'no';
  // "General Growth's stock fell": capitalised words closed by a possessive are one name owning something.
  const last = tokens[end - 1] as Token;
  if (
    end - first >= 2 &&
    POSSESSIVE.test(last.text) &&
    last.shape === 'capitalized' &&
    !CONNECTOR.test(second.text) &&
    !DESCRIPTOR.test(opening.key) &&
    !opensClause(context, first)
  )
    return 'all';
  const everydayPair =
    end - first === 2 && index.isCommonWord(opening.key) && index.isCommonWord(second.key) && !LEGAL.test(second.key) && second.shape === 'capitalized';
  if (everydayPair) return 'everyday';
  return opensWholeName(context, first, end, index) ? 'all' : 'no';
}

/**
 * Whether the run [first, end) opening a sentence is a name from its first word, though that word is an
 * everyday one: a legal form in it or a listing after it shows a company, the run has two words besides
 * legal forms, and the reference knows the whole run, or knows neither it nor its rest and the first
 * word is no descriptor ("Big Lots Inc", "Brown Shoe Co Inc"; not "Former Tyco International Ltd",
 * "Shares of Meridian Gold Inc").
 */
function opensWholeName(context: TokenContext, first: number, end: number, index: ReferenceIndex): boolean {
  const { tokens, text } = context;
  const last = tokens[end - 1] as Token;
  if (CONNECTOR.test(tokens[first + 1]?.text ?? '')) return false;
  let legal = 0;
  for (let at = first; at < end; at += 1) if (LEGAL.test((tokens[at] as Token).key)) legal += 1;
  if (end - first - legal < 2) return false;
  if (legal === 0 && !LISTING_AFTER.test(text.slice(last.end, last.end + 24))) return false;
  const known = (from: number) =>
    companyAliases([text.slice((tokens[from] as Token).start, last.end)]).some((form) =>
      index.byNameKey(nameKey(form)).some((entity) => ORGANISATION_TYPES.has(entity.type)),
    );
  if (known(first)) return true;
  return !known(first + 1) && !DESCRIPTOR.test((tokens[first] as Token).key);
}

/** A function word capitalised inside a run ("In" of "Research In Motion"), not at its end: a name written in title case. */
function titleCaseFunctionWord(token: Token | undefined, inside: boolean): boolean {
  return inside && token !== undefined && token.shape === 'capitalized' && STOPWORDS.has(token.key) && !CONNECTOR.test(token.text) && token.key !== 'the';
}
