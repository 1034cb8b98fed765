// ASCII character classes by code unit, for scanners that read text without regular expressions.

/** 0-9. */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** a-z or A-Z. */
export function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** a-z. */
export function isLowerAscii(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}
