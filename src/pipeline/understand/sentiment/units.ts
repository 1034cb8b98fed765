import {
  CONCESSION,
  CONTRAST_AFTER,
  INTENSITY,
  IRREGULAR_FORMS,
  KEEP_AS_IS,
  MOVEMENT,
  NEGATORS,
  NEUTRAL_PHRASES,
  NEUTRAL_QUANTITY,
  QUANTITY,
  TONE,
} from './lexicon.ts';
import { RangeCache } from '../../text/index.ts';
import { startsLetterDigitOrComma, startsWithDigit, startsWithLowerAscii, startsWithLowerWord } from './starts.ts';
import { lemmaCandidates } from './lemma-candidates.ts';
import { tokenEnd } from './token-scan.ts';
import type { MovementForm, Unit, WordRoles } from './unit.ts';
import { marksOf } from './marks.ts';

const WEAK_TONE = 0.4;

/** A lexicon phrase of several words, in lemma form, with its key ("net_sale") and roles. */
interface Phrase {
  parts: string[];
  key: string;
  roles: WordRoles;
  /** The phrase as a unit, and as one inside a name (no roles). */
  unit: Unit;
  nameUnit: Unit;
}

/** The roles of a word the lexicon does not know; shared, so it is frozen. */
const NO_ROLES: WordRoles = Object.freeze({});

const lexicon = new Map<string, WordRoles>();
const phrasesByFirstWord = new Map<string, Phrase[]>();
const knownWords = new Set<string>();
const keepAsIs = new Set(words(KEEP_AS_IS));

// Lemmas of words already seen: news reuses a small vocabulary, and the rules cost more than a lookup.
// Filled only once the lexicon is built: while its vocabulary grows, a word's lemma may change.
const lemmaCache = new Map<string, string>();
let lexiconBuilt = false;

buildLexicon();
lexiconBuilt = true;

/** Splits a sentence into lexicon units, longest phrase first. */
export function sentenceUnits(sentence: string): Unit[] {
  const tokens = tokenize(sentence);
  // In running text a capitalised word after the first is a name ("Blockbuster", "Best Buy",
  // "Progress Software") and carries no tone; a headline in title case gives no such hint.
  const titleCase = isTitleCase(tokens);
  const units: Unit[] = [];
  let seenWord = false;
  for (let position = 0; position < tokens.length; ) {
    const token = tokens[position] as Token;
    const name = !titleCase && seenWord && token.capitalised && tokens[position - 1]?.opensLetterDigitOrComma === true;
    if (token.startsLower) seenWord = true;
    const phrase = token.phrases === undefined ? null : longestPhrase(tokens, position, token.phrases);
    if (phrase !== null) {
      units.push(name ? phrase.nameUnit : phrase.unit);
      position += phrase.parts.length;
      continue;
    }
    // Units are never changed once made (periodExtreme makes a new one): a token's are shared.
    const unit = name ? token.nameUnit : token.unit;
    units.push(token.extreme ? periodExtreme(unit, units[units.length - 1]) : unit);
    position += 1;
  }
  return units;
}

const EXTREMES = new Set(['high', 'low', 'highs', 'lows']);

// "a three-year low", "its 52-week high", "record highs": a level reached is a movement.
function periodExtreme(unit: Unit, before: Unit | undefined): Unit {
  if (!/(?:^|-)(?:year|month|week|day|decade|time|record|new|session)s?$/.test(before?.key ?? '')) return unit;
  const direction = unit.key.startsWith('high') ? 1 : -1;
  const roles: WordRoles = { movement: { direction, forms: new Set(['intransitive']) } };
  return { ...unit, roles, marks: marksOf(unit.key, roles) };
}

interface Token {
  lemma: string;
  /** Starts with a capital followed by a lower-case letter ("Target", not "EPS" or "target"). */
  capitalised: boolean;
  /** The lemma starts with an ASCII lower-case letter (a word, as opposed to a number or a mark). */
  startsLower: boolean;
  /** The lexicon's roles of the lemma as a single word. */
  roles: WordRoles;
  /** Lexicon phrases that start with the lemma, longest first. */
  phrases: Phrase[] | undefined;
  /** The token as a unit, and as one inside a name (a word's roles dropped). */
  unit: Unit;
  nameUnit: Unit;
  /** The lemma opens with four lower-case ASCII letters: a word that tells a title-case headline. */
  longWord: boolean;
  /** The lemma opens with a letter, a digit or a comma: a capitalised word after it is a name. */
  opensLetterDigitOrComma: boolean;
  /** The lemma is "high", "low" or their plurals: a level reached after a period ("52-week high"). */
  extreme: boolean;
}

function isTitleCase(tokens: readonly Token[]): boolean {
  let words = 0;
  let capitalised = 0;
  for (const token of tokens) {
    if (!token.longWord) continue;
    words += 1;
    if (token.capitalised) capitalised += 1;
  }
  return words > 0 && capitalised >= words * 0.5;
}

// Raw token → token, for the tokens news repeats (words, punctuation): a lookup instead of
// lower-casing, lemmatising and testing the capitals of each, read in place from the sentence.
// Made at the first sentence scored: its 393,216-entry table is most of this file's import cost.
let tokenCache: RangeCache<Token> | undefined;

function tokenize(sentence: string): Token[] {
  tokenCache ??= new RangeCache<Token>(65_536);
  const cache = tokenCache;
  let normalised = sentence;
  // Each rewrite runs only when its trigger is present: most sentences need none of them.
  if (/[’‘`´]/.test(normalised)) normalised = normalised.replace(/[’‘`´]/g, "'");
  if (normalised.includes("'")) normalised = normalised.replace(/n't\b/gi, " n't");
  if (/cannot/i.test(normalised)) normalised = normalised.replace(/\bcannot\b/gi, 'can not');
  if (normalised.includes(' .')) normalised = normalised.replace(/(\d) \.(\d)/g, '$1.$2'); // wire copy sometimes spaces decimals: "EUR13 .6 m"
  const tokens: Token[] = [];
  for (let start = 0; start < normalised.length; ) {
    const end = tokenEnd(normalised, start);
    if (end < 0) {
      start += 1;
      continue;
    }
    let token = cache.get(normalised, start, end);
    if (token === undefined) {
      const text = normalised.slice(start, end);
      // Numbers are many and rarely repeat: they are not kept.
      if (startsWithDigit(text)) token = numberToken(text);
      else {
        token = tokenOf(text);
        if (lexiconBuilt) cache.set(text, token);
      }
    }
    tokens.push(token);
    start = end;
  }
  return tokens;
}

function tokenOf(text: string): Token {
  const lemma = lemmatise(text.toLowerCase());
  const startsLower = startsWithLowerAscii(lemma);
  const roles = lexicon.get(lemma) ?? NO_ROLES;
  const word = startsLower || lemma === "n't";
  const unitRoles = word ? roles : NO_ROLES;
  const unit: Unit = { key: lemma, kind: word ? 'word' : 'punctuation', value: 0, roles: unitRoles, marks: marksOf(lemma, unitRoles) };
  return {
    lemma,
    capitalised: /^[A-Z][a-z]/.test(text),
    startsLower,
    roles,
    phrases: phrasesByFirstWord.get(lemma),
    unit,
    nameUnit: unit.roles === NO_ROLES ? unit : { key: lemma, kind: 'word', value: 0, roles: NO_ROLES, marks: marksOf(lemma, NO_ROLES) },
    longWord: startsWithLowerWord(lemma, 4),
    opensLetterDigitOrComma: startsLetterDigitOrComma(lemma),
    extreme: EXTREMES.has(lemma),
  };
}

/** A number ("5", "1,250.5") is its own lemma and stands outside the lexicon (see buildLexicon). */
function numberToken(text: string): Token {
  const unit: Unit = { key: text, kind: 'number', value: Number(text.replaceAll(',', '')), roles: NO_ROLES, marks: 0 };
  return {
    lemma: text,
    capitalised: false,
    startsLower: false,
    roles: NO_ROLES,
    phrases: undefined,
    unit,
    nameUnit: unit,
    longWord: false,
    opensLetterDigitOrComma: true,
    extreme: false,
  };
}

/** The lexicon lemma of a lower-case word: irregular forms, then regular suffixes stripped by rule. */
export function lemmatise(word: string): string {
  let lemma = lemmaCache.get(word);
  if (lemma === undefined) {
    lemma = lemmaOf(word);
    // Bounded so a long-running process cannot grow it without limit.
    if (lemmaCache.size >= 100_000) lemmaCache.clear();
    if (lexiconBuilt) lemmaCache.set(word, lemma);
  }
  return lemma;
}

function lemmaOf(word: string): string {
  // Own keys only: "constructor" or "toString" must not find Object.prototype's functions.
  const irregular = Object.hasOwn(IRREGULAR_FORMS, word) ? IRREGULAR_FORMS[word] : undefined;
  if (irregular !== undefined) return irregular;
  if (knownWords.has(word) || keepAsIs.has(word) || word.length < 4) return word;
  for (const candidate of lemmaCandidates(word)) {
    if (knownWords.has(candidate)) return candidate;
  }
  return word;
}

function longestPhrase(tokens: readonly Token[], position: number, candidates: readonly Phrase[]): Phrase | null {
  for (const phrase of candidates) {
    const parts = phrase.parts;
    let matches = true;
    for (let offset = 1; offset < parts.length && matches; offset += 1) matches = tokens[position + offset]?.lemma === parts[offset];
    if (matches) return phrase;
  }
  return null;
}

function words(list: string): string[] {
  return list.split(/\s+/).filter((word) => word !== '');
}

function buildLexicon(): void {
  const entries: Array<[string, (roles: WordRoles) => void]> = [];
  const movement = (list: string, direction: 1 | -1, form: MovementForm): void => {
    for (const word of words(list)) {
      entries.push([
        word,
        (roles) => {
          if (roles.movement === undefined) roles.movement = { direction, forms: new Set() };
          if (roles.movement.direction === direction) roles.movement.forms.add(form);
        },
      ]);
    }
  };
  movement(MOVEMENT.upIntransitive, 1, 'intransitive');
  movement(MOVEMENT.downIntransitive, -1, 'intransitive');
  movement(MOVEMENT.upTransitive, 1, 'transitive');
  movement(MOVEMENT.downTransitive, -1, 'transitive');
  movement(MOVEMENT.upNoun, 1, 'noun');
  movement(MOVEMENT.downNoun, -1, 'noun');
  movement(MOVEMENT.upAdjective, 1, 'adjective');
  movement(MOVEMENT.downAdjective, -1, 'adjective');
  movement(MOVEMENT.upLevel, 1, 'intransitive');
  movement(MOVEMENT.downLevel, -1, 'intransitive');
  movement(MOVEMENT.upNumeric, 1, 'numeric');
  movement(MOVEMENT.downNumeric, -1, 'numeric');
  const each = (list: string, apply: (roles: WordRoles) => void): void => {
    for (const word of words(list)) entries.push([word, apply]);
  };
  each(QUANTITY.good, (roles) => (roles.quantity = 1));
  each(QUANTITY.bad, (roles) => (roles.quantity = -1));
  each(NEUTRAL_QUANTITY, (roles) => (roles.quantity = 0));
  // Listed from weak to strong so that a word in both keeps the stronger tone.
  each(TONE.weakPositive, (roles) => (roles.tone = WEAK_TONE));
  each(TONE.weakNegative, (roles) => (roles.tone = -WEAK_TONE));
  each(TONE.positive, (roles) => (roles.tone = 1));
  each(TONE.negative, (roles) => (roles.tone = -1));
  each(NEUTRAL_PHRASES, (roles) => (roles.tone = 0));
  each(NEGATORS, (roles) => (roles.negator = true));
  each(INTENSITY.strong, (roles) => (roles.intensity = 1.6));
  each(INTENSITY.weak, (roles) => (roles.intensity = 0.5));
  each(CONTRAST_AFTER, (roles) => (roles.clause = 'contrast'));
  each(CONCESSION, (roles) => (roles.clause = 'concession'));

  // Single words are the vocabulary the lemmatiser reduces to; a phrase part joins it in its lemma
  // form, so "net_sales" is stored as "net sale" and matches "net sales" and "Net Sales" alike.
  // Numbers skip the lemmatiser and the lexicon (numberToken): no entry may start with a digit.
  const numeric = [...entries.map(([entry]) => entry), ...Object.keys(IRREGULAR_FORMS)].find(startsWithDigit);
  if (numeric !== undefined) throw new Error(`sentiment lexicon: "${numeric}" starts with a digit`);
  for (const [entry] of entries) if (!entry.includes('_')) knownWords.add(entry);
  for (const [entry] of entries) for (const part of entry.split('_')) knownWords.add(lemmatise(part));
  for (const [entry, apply] of entries) {
    const parts = entry.split('_').map(lemmatise);
    const key = parts.join('_');
    const roles = lexicon.get(key) ?? {};
    apply(roles);
    lexicon.set(key, roles);
    if (parts.length > 1) {
      const first = parts[0] ?? '';
      const list = phrasesByFirstWord.get(first) ?? [];
      // Each phrase keeps the roles object its key has in the lexicon, which later entries complete.
      if (!list.some((phrase) => phrase.key === key)) {
        // Marked once the lexicon is complete (below): later entries may still add roles.
        const unit: Unit = { key, kind: 'word', value: 0, roles, marks: 0 };
        list.push({ parts, key, roles, unit, nameUnit: { key, kind: 'word', value: 0, roles: NO_ROLES, marks: marksOf(key, NO_ROLES) } });
      }
      list.sort((left, right) => right.parts.length - left.parts.length);
      phrasesByFirstWord.set(first, list);
    }
  }
  for (const list of phrasesByFirstWord.values()) for (const phrase of list) phrase.unit.marks = marksOf(phrase.key, phrase.roles);
}
