// A sentence's units as the sentiment scorer reads them: words, phrases, numbers and marks with their lexicon roles.

/** How a word of movement finds what moved. */
export type MovementForm = 'intransitive' | 'transitive' | 'noun' | 'adjective' | 'numeric';

export interface WordRoles {
  movement?: { direction: 1 | -1; forms: Set<MovementForm> };
  /** +1 for a quantity an investor wants up, -1 for one wanted down, 0 for one without tone. */
  quantity?: 1 | 0 | -1;
  tone?: number;
  negator?: boolean;
  intensity?: number;
  clause?: 'contrast' | 'concession';
}

/** One word, phrase, number or punctuation mark of a sentence, with its lexicon roles. */
export interface Unit {
  key: string;
  kind: 'word' | 'number' | 'punctuation';
  /** The parsed value of a number unit. */
  value: number;
  roles: WordRoles;
  /** What the unit is, as bits (marks.ts): fixed when it is made, from its key and roles. */
  marks: number;
}

/** Punctuation that ends a clause: searches for what moved never cross it. */
export const CLAUSE_END: ReadonlySet<string> = new Set(['.', ';', ':', '!', '?']);
