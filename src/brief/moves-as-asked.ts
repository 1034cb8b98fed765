// Whether a sentence has what a question asks about moving the way it asks (the /ask answerer's test
// of a move question: "why did gold rise", "why did Facebook shares fall").
import { marketSubjectEnds } from './market-subject.ts';
import { hasMove, moveDirection } from './move-grammar.ts';
import { type QuestionFocus, stem } from './relevance.ts';

/** A word of a sentence, as movesAsAsked reads them ("U.S.", "Hong Kong-listed", "it's"). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** What between a subject and a verb puts them in different clauses. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014]/;

/** A symbol in brackets right after a name belongs to it: "Bitcoin (BTC) rose", "Ford Motor Co (F.N) fell". */
const SYMBOL_AFTER = /\s*\(\$?[A-Z][A-Z0-9.^=-]{0,11}\)/y;

/** Words a move verb may follow its subject by: "Spot gold rises", "U.S. gold futures rise", "gold prices have risen". */
const SUBJECT_TO_VERB = 4;
/** Words (as stems) for what a named company's holders trade: with a name in the question they are the name's own. */
const INSTRUMENT_WORDS = new Set(['share', 'stock', 'price', 'equit']);
/** A move under a modal has not happened: "stocks could fall further", "will … send the index tumbling" ("May" the month is none). */
const MODAL = /^(?:[Ww]ill|[Ww]ould|[Cc]ould|[Mm]ight|may|[Ss]hall|[Ss]hould|[Cc]an)$|['’]ll$/;
/** How far before a subject a modal still governs its move, within the clause: "will push yields up and send the index tumbling". */
const MODAL_BEFORE_CHARACTERS = 100;

/**
 * Whether the sentence has what the question asks about moving the way it asks: a subject word or
 * a name, then one of the question's move verbs within a few words ("Spot gold rises by nearly $90"
 * for "why did gold rise"), not a move of something else that mentions it ("a rise in royalties on
 * gold exports").
 */
export function movesAsAsked(
  sentence: string,
  focus: QuestionFocus,
  names: ReadonlyArray<{ find(text: string, from?: number): { start: number; end: number } | null }>,
): boolean {
  // Most sentences have no move the way the question asks: nothing to place.
  if (focus.moves.length === 0 || !movesTheWayAsked(sentence, focus)) return false;
  // Any verb going the way asked: "why did stocks fall" is answered by "Stocks tumbled".
  const asked = (word: string) => (focus.direction === null ? focus.moves.includes(stem(word)) : moveDirection(word) === focus.direction);
  // Whether one of the few words after `end` moves as asked: read there and no further, so each
  // subject costs a few words whatever the sentence's length.
  const word = new RegExp(WORD.source, 'gu');
  // A comma or a bracket on the way ends the subject's clause: "the top drag on the Dow, down almost
  // 10 percent" is the drag's move, not the index's.
  const moveAfter = (subjectEnd: number): boolean => {
    if (modalBefore(sentence, subjectEnd)) return false;
    SYMBOL_AFTER.lastIndex = subjectEnd;
    const end = SYMBOL_AFTER.test(sentence) ? SYMBOL_AFTER.lastIndex : subjectEnd;
    word.lastIndex = end;
    for (let count = 0, from = end; count < SUBJECT_TO_VERB; count += 1) {
      const found = word.exec(sentence);
      if (found === null || CLAUSE_BREAK.test(sentence.slice(from, found.index))) return false;
      // "Stocks with exposure to China fell", "snake oil with unprecedented ease": what follows "with"
      // describes the subject; a move after it is not the subject's own.
      if (found[0].toLowerCase() === 'with' || MODAL.test(found[0])) return false;
      if (asked(found[0])) return true;
      from = found.index + found[0].length;
    }
    return false;
  };
  if (focus.subject.length > 0) {
    for (const found of sentence.matchAll(WORD)) {
      const wanted = stem(found[0]);
      if (!focus.subject.includes(wanted)) continue;
      // "Why did Facebook shares fall": with a name asked about, "shares" are its shares ("He said
      // shares have fallen"), not another company's ("Knight Capital shares fell 0.5 percent and
      // Facebook shares rose"); the name's own are found by the name below.
      if (names.length > 0 && INSTRUMENT_WORDS.has(wanted) && namedBefore(sentence, found.index ?? 0)) continue;
      if (moveAfter((found.index ?? 0) + found[0].length)) return true;
    }
  }
  if (focus.market === true) for (const end of marketSubjectEnds(sentence)) if (moveAfter(end)) return true;
  for (const matcher of names) {
    for (let found = matcher.find(sentence); found !== null; found = matcher.find(sentence, found.end)) if (moveAfter(found.end)) return true;
  }
  return false;
}

/** Whether the word before `at` is a name's (capitalised, or a possessive): "Knight Capital shares", "Micron's stock". */
function namedBefore(sentence: string, at: number): boolean {
  const before = /([\p{L}\p{N}.&'’]+)\s+$/u.exec(sentence.slice(Math.max(0, at - 40), at))?.[1];
  return before !== undefined && (/^\p{Lu}/u.test(before) || /['’]s?$/.test(before));
}

/** Whether a modal stands in the clause before the subject that ends at `subjectEnd` (up to a comma, a colon or a bracket). */
function modalBefore(sentence: string, subjectEnd: number): boolean {
  const before = sentence.slice(Math.max(0, subjectEnd - MODAL_BEFORE_CHARACTERS), subjectEnd);
  const clause = before.split(CLAUSE_BREAK).at(-1) ?? '';
  for (const found of clause.matchAll(WORD)) if (MODAL.test(found[0])) return true;
  return false;
}

/** Whether a sentence has a move the way the question asks anywhere ("tumbled" for "fall"). */
export function movesTheWayAsked(sentence: string, focus: QuestionFocus): boolean {
  if (focus.direction !== null) return hasMove(sentence, focus.direction);
  const stems = new Set((sentence.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));
  return focus.moves.some((move) => stems.has(move));
}
