// Acronyms of names: "General Electric" → GE, "Organization of Petroleum Exporting Countries" → OPEC.
// The recogniser files an article's acronym of a name it also writes in full under that name
// (merge-initials.ts), and the brief finds a company's initials in the text as its name (pattern.ts).

/** Words an acronym takes no letter from. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(['of', 'and', 'the', '&', 'for', 'de']);
/** Legal forms, which an acronym leaves out too. */
export const LEGAL_WORDS: ReadonlySet<string> = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'sa', 'ag', 'nv', 'se']);

/** The first letters of the words, in capitals. */
export function initialsOf(words: readonly string[]): string {
  return words
    .map((word) => word.charAt(0))
    .join('')
    .toUpperCase();
}
