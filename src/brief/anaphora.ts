// "…, as the firm's shares slid 11.6 percent": a move whose subject is the company the article is
// about, referred to without its name. Credited only when that company is certain: the headline
// names one company and no other, and the sentence names no other company that "its" or "the firm"
// could point back to.
import type { Candidate } from './clause-subject.ts';

/**
 * At the end of the words before a move word, after the clause's start, a comma or a linking word:
 * "its" or "the <noun>'s" and the shares ("the company's shares", "the automaker's stock", "its
 * ADRs") or "shares in the <noun>", with at most an auxiliary. The noun is lower case: "the
 * Nikkei's" names something.
 */
const SHARES_OF_IT = new RegExp(
  String.raw`(?:^|[,;:—–]\s*|\b(?:as|while|and|but|with|after|when|since|before|then|where)\s+)` +
    String.raw`((?:its|the\s+\p{Ll}[\p{Ll}-]{1,24}(?:'s|’s))\s+(?:shares?|stock|ADRs?|share\s+price|stock\s+price)|(?:shares?|stock)\s+(?:in|of)\s+the\s+\p{Ll}[\p{Ll}-]{1,24})` +
    String.raw`\s+(?:(?:have|has|had|were|was|are|is)\s+)?$`,
  'u',
);

/** The company a headline names when it names exactly one of the article's entities and that one is a company. */
export function headlineCompany(title: string, candidates: readonly Candidate[]): string | null {
  const named = candidates.filter((candidate) => candidate.names.find(title) !== null);
  const ids = new Set(named.map((candidate) => candidate.id));
  const [only] = named;
  return ids.size === 1 && only !== undefined && only.type === 'company' ? only.id : null;
}

/** Whether a sentence names another company of the article (only a company has shares for "its" to point to). */
export function namesAnotherCompany(sentence: string, subject: string, candidates: readonly Candidate[]): boolean {
  return candidates.some((candidate) => candidate.type === 'company' && candidate.id !== subject && candidate.names.find(sentence) !== null);
}

/**
 * Where "its shares" or "the firm's shares" starts when those are the words right before a move
 * word, else null: the move's own clause starts there, so what comes before it (a profit or an
 * outlook) is not what moved.
 */
export function sharesOfItFrom(beforeMoveWord: string): number | null {
  // A clause's first word is capitalised for its position only ("Shares in the bank rose").
  const words = `${(beforeMoveWord[0] ?? '').toLowerCase()}${beforeMoveWord.slice(1).trimEnd()} `;
  const match = SHARES_OF_IT.exec(words);
  return match?.[1] === undefined ? null : words.lastIndexOf(match[1], match.index + match[0].length);
}
