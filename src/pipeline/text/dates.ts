// UTC offsets of the zone abbreviations news sites and feeds print (the engine knows only the US ones).
const ZONE_OFFSETS: Record<string, string> = {
  UT: '+0000',
  UTC: '+0000',
  GMT: '+0000',
  Z: '+0000',
  WET: '+0000',
  BST: '+0100',
  IST: '+0530',
  CET: '+0100',
  CEST: '+0200',
  MET: '+0100',
  MEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  GST: '+0400',
  PKT: '+0500',
  ICT: '+0700',
  WIB: '+0700',
  SGT: '+0800',
  HKT: '+0800',
  CST8: '+0800',
  AWST: '+0800',
  JST: '+0900',
  KST: '+0900',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
  ET: '-0500',
  CT: '-0600',
  MT: '-0700',
  PT: '-0800',
  AKST: '-0900',
  AKDT: '-0800',
  HST: '-1000',
  BRT: '-0300',
  ART: '-0300',
};

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ZONE_PATTERN = new RegExp(`(^|[\\s(])(${Object.keys(ZONE_OFFSETS).join('|')})(?=$|[\\s)])`, 'i');
const HAS_ZONE = /(?:[+-]\d{2}:?\d{2}|Z|\b(?:GMT|UTC|UT))\s*\)?\s*$/i;
const ISO_LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_NAME = new RegExp(`\\b(${MONTHS})\\b`, 'i');
const MONTH_WITH_DOT = new RegExp(`\\b(${MONTHS})\\.`, 'gi');
/** Words a written date may hold besides its figures: months, weekdays, am/pm, "of". */
const DATE_WORD = new RegExp(
  `^(?:${MONTHS}|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]m|of|the)$`,
  'i',
);
/**
 * Other words a date line may carry ("Posted December 7, 2026 by admin"). More make it a sentence
 * that holds a date ("Merged LCD ops of Sony, rivals: eye listing by March 2016"), which the
 * engine's lenient parser would otherwise read as 1 March 2016.
 */
const MAX_OTHER_WORDS = 2;
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * Normalises a date as found in feeds, pages and dumps to ISO 8601 (UTC), or undefined when it
 * cannot be read. Zone-less times are taken as UTC so the result never depends on the machine.
 * Handles RFC 822 with two-digit years, missing seconds, `6:15pm`, ordinals (`5th January, 2023`),
 * zone abbreviations, ISO with or without offset, and epoch seconds or milliseconds.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) return validIso(value.getTime());
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '' || text.length > 80) return undefined;
  if (/^\d{10}(\d{3})?$/.test(text)) return fromEpoch(Number(text));
  if (!/\d/.test(text)) return undefined;

  const isoLocal = text.match(ISO_LOCAL);
  if (isoLocal) return validIso(Date.parse(`${isoLocal[1]}T${padHour(isoLocal[2] ?? '')}Z`));
  if (ISO_DATE_ONLY.test(text)) return validIso(Date.parse(`${text}T00:00:00Z`));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const parsed = Date.parse(HAS_ZONE.test(text) ? text : `${text}Z`);
    if (!Number.isNaN(parsed)) return validIso(parsed);
  }
  return validIso(parseLoose(text));
}

function parseLoose(text: string): number {
  let prepared = text
    .replace(/\b(\d{1,2})(st|nd|rd|th)\b/gi, '$1')
    .replace(MONTH_WITH_DOT, '$1')
    .replace(/\b(\d{1,2}(?::\d{2}){1,2})\s*([ap])\.?m\.?\b/gi, '$1 $2m')
    .replace(/\bat\b|\bon\b|\|/gi, ' ')
    .replace(/\b(updated|published|posted|modified)\b:?/gi, ' ')
    .replace(/\s+[-–—]\s+/g, ' ')
    .replace(/,(?=\s*\d{1,2}:\d{2})/g, ' ')
    .replace(/\b(\d{4}):\s/g, '$1 ');
  prepared = prepared.replace(ZONE_PATTERN, (_whole, lead: string, zone: string) => `${lead}${ZONE_OFFSETS[zone.toUpperCase()] ?? zone}`);
  prepared = prepared.replace(/\s+/g, ' ').trim();
  if (!MONTH_NAME.test(prepared) && !/\d{1,4}[/.]\d{1,2}[/.]\d{2,4}/.test(prepared)) return Number.NaN;
  if (otherWords(prepared) > MAX_OTHER_WORDS) return Number.NaN;
  const withZone = /[+-]\d{4}\b|[+-]\d{2}:\d{2}\b/.test(prepared) ? prepared : `${prepared} +0000`;
  const parsed = Date.parse(withZone);
  return Number.isNaN(parsed) ? Date.parse(prepared) : parsed;
}

function otherWords(prepared: string): number {
  let count = 0;
  for (const word of prepared.split(/[\s,;:()]+/)) {
    const bare = word.replace(/\.+$/, '');
    if (/\p{L}/u.test(bare) && !/\d/.test(bare) && !DATE_WORD.test(bare)) count += 1;
  }
  return count;
}

function padHour(time: string): string {
  const withSeconds = /^\d{1,2}:\d{2}$/.test(time) ? `${time}:00` : time;
  return withSeconds.length === 7 || /^\d:/.test(withSeconds) ? `0${withSeconds}` : withSeconds;
}

function fromEpoch(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  return validIso(value < 1e11 ? value * 1000 : value);
}

function validIso(time: number): string | undefined {
  if (Number.isNaN(time) || time < EARLIEST || time >= LATEST) return undefined;
  return new Date(time).toISOString();
}
