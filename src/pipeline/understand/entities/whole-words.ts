// Whole-word matching without lookaround classes in the pattern. `(?<![\p{L}\p{N}])…(?![\p{L}\p{N}])`
// costs milliseconds to compile (V8 builds the Unicode letter and digit classes for every pattern);
// here the name is found by a plain pattern and its edges are checked with one shared class, with
// the same result: the leftmost occurrence whose neighbours are not letters or digits.

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether the code point that ends at `index` is a letter or digit (as a lookbehind sees it). */
export function letterOrDigitBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const start = index >= 2 && isLowSurrogate(text.charCodeAt(index - 1)) && isHighSurrogate(text.charCodeAt(index - 2)) ? index - 2 : index - 1;
  return LETTER_OR_DIGIT.test(text.slice(start, index));
}

/** Whether the code point that starts at `index` is a letter or digit (as a lookahead sees it). */
export function letterOrDigitAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const end = index + 1 < text.length && isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? index + 2 : index + 1;
  return LETTER_OR_DIGIT.test(text.slice(index, end));
}

export interface Occurrence {
  start: number;
  end: number;
}

export interface WholeWords {
  /** The leftmost whole-word occurrence at or after `from`. */
  find(text: string, from?: number): Occurrence | null;
  test(text: string): boolean;
}

/**
 * Whole-word occurrences of `scan`'s matches: `endAt(text, start)` gives where the match that a
 * lookaround pattern would take at `start` ends (null: none there). `scan` must be global or sticky-free
 * and find every position where some alternative starts.
 */
function wholeWords(scan: RegExp, endAt: (text: string, start: number, scanned: RegExpExecArray) => number | null): WholeWords {
  function find(text: string, from = 0): Occurrence | null {
    let position = from;
    while (position <= text.length) {
      scan.lastIndex = position;
      const match = scan.exec(text);
      if (match === null) return null;
      const start = match.index;
      if (!letterOrDigitBefore(text, start)) {
        const end = endAt(text, start, match);
        if (end !== null) return { start, end };
      }
      // The next code point: a lookaround pattern never starts inside a surrogate pair.
      position = start + (isHighSurrogate(text.charCodeAt(start)) && isLowSurrogate(text.charCodeAt(start + 1)) ? 2 : 1);
    }
    return null;
  }
  return { find, test: (text) => find(text) !== null };
}

/**
 * Whole-word occurrences of any of `names`, tried in the order given at each position, case as
 * written: what `(?<![\p{L}\p{N}])(?:a|b|…)(?![\p{L}\p{N}])` with the `u` flag finds.
 */
export function literalWholeWords(names: readonly string[], escape: (text: string) => string): WholeWords {
  const scan = new RegExp(names.map(escape).join('|'), 'gu');
  return wholeWords(scan, (text, start) => {
    for (const name of names) {
      if (text.startsWith(name, start) && !letterOrDigitAt(text, start + name.length)) return start + name.length;
    }
    return null;
  });
}

/**
 * Whole-word occurrences of one pattern whose match at a position is the only one it can make
 * there (a name with `\s+` between its words), with `flags` (`u` or `iu`): what
 * `(?<![\p{L}\p{N}])source(?![\p{L}\p{N}])` with those flags finds.
 */
export function patternWholeWords(source: string, flags: 'u' | 'iu'): WholeWords {
  const scan = new RegExp(source, `g${flags}`);
  return wholeWords(scan, (text, _start, scanned) => {
    const end = scanned.index + scanned[0].length;
    return letterOrDigitAt(text, end) ? null : end;
  });
}
