/** A nullable TEXT column as a string or null. */
export function nullableText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
