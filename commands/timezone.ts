import { isValidTimezone } from '../src/delivery/index.ts';

/**
 * Abbreviations people type for a timezone, with the IANA names they usually mean. An abbreviation names
 * a fixed offset (or several places), so a channel on "EST" would lose daylight saving; we ask for the
 * IANA name instead. The list only shapes the suggestion: any other abbreviation is refused too.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  ET: ['America/New_York', 'America/Toronto'],
  EST: ['America/New_York', 'America/Toronto', 'Australia/Sydney'],
  EDT: ['America/New_York', 'America/Toronto'],
  CT: ['America/Chicago'],
  CST: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'],
  CDT: ['America/Chicago'],
  MT: ['America/Denver', 'America/Phoenix'],
  MST: ['America/Denver', 'America/Phoenix'],
  MDT: ['America/Denver'],
  PT: ['America/Los_Angeles'],
  PST: ['America/Los_Angeles'],
  PDT: ['America/Los_Angeles'],
  AST: ['America/Halifax', 'Asia/Riyadh'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  BST: ['Europe/London', 'Asia/Dhaka'],
  CET: ['Europe/Paris', 'Europe/Berlin'],
  CEST: ['Europe/Paris', 'Europe/Berlin'],
  EET: ['Europe/Athens', 'Europe/Helsinki'],
  WET: ['Europe/Lisbon'],
  MSK: ['Europe/Moscow'],
  HKT: ['Asia/Hong_Kong'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  SGT: ['Asia/Singapore'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney'],
  NZST: ['Pacific/Auckland'],
};

/** Names without a place that are still unambiguous and never change offset. */
const FIXED = new Set(['UTC', 'ETC/UTC', 'GMT', 'ETC/GMT', 'Z', 'ZULU']);

/**
 * Why a typed timezone cannot be used, or null. Accepted: an IANA Area/Location name (Asia/Hong_Kong),
 * or UTC/GMT. Refused, with IANA names to use: abbreviations (EST, CST, IST, BST…) and legacy
 * zones such as EST5EDT — they are ambiguous or ignore daylight saving.
 */
export function timezoneProblem(value: string): string | null {
  const upper = value.trim().toUpperCase();
  if (FIXED.has(upper)) return isValidTimezone(value.trim()) ? null : 'timezone must be an IANA name such as Asia/Hong_Kong';
  const isPlace = /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value.trim()) && !/^etc\//i.test(value.trim());
  if (isPlace && isValidTimezone(value.trim())) return null;
  const known = isPlace ? undefined : (ABBREVIATIONS[upper] ?? ABBREVIATIONS[upper.replace(/[^A-Z]/g, '').slice(0, 3)]);
  if (known !== undefined) {
    return `timezone "${value.trim()}" is ambiguous or ignores daylight saving; use an IANA name such as ${known.join(' or ')}`;
  }
  if (/^etc\//i.test(value.trim()) && isValidTimezone(value.trim())) return null;
  return 'timezone must be an IANA name such as Asia/Hong_Kong, America/New_York or Europe/London';
}
