import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';

let HolidaysClass: typeof Holidays | null = null;

/** The holiday tables (≈0.25 CPU-s and 35 MB to load) load on the first calendar question, not at start-up. */
function holidaysClass(): typeof Holidays {
  HolidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays;
  return HolidaysClass;
}

/**
 * Exchange calendars: weekends plus the public holidays of the exchange's home, adjusted where
 * the exchange differs (NYSE trades on Columbus and Veterans Day but closes on Good Friday).
 * An approximation: one-off closures (a state funeral, a typhoon) are not known in advance.
 */
interface CalendarRule {
  label: string;
  country: string;
  state?: string;
  types: string[];
  /** Holiday names (English) the exchange trades on anyway. */
  tradesOn?: readonly string[];
  /** Extra closures as date-holidays rules, e.g. "easter -2" for Good Friday. */
  extra?: readonly string[];
}

const CALENDARS: Readonly<Record<string, CalendarRule>> = {
  us: { label: 'NYSE / Nasdaq', country: 'US', types: ['public'], tradesOn: ['Columbus Day', 'Veterans Day'], extra: ['easter -2'] },
  hk: { label: 'HKEX', country: 'HK', types: ['public'] },
  uk: { label: 'London Stock Exchange', country: 'GB', state: 'ENG', types: ['public', 'bank'] },
  de: { label: 'Xetra / Frankfurt', country: 'DE', types: ['public'], extra: ['12-24', '12-31'] },
  jp: { label: 'Japan Exchange Group', country: 'JP', types: ['public', 'bank'], extra: ['12-31', '01-02', '01-03'] },
  cn: { label: 'Shanghai / Shenzhen', country: 'CN', types: ['public'] },
  in: { label: 'NSE / BSE', country: 'IN', types: ['public'] },
  sg: { label: 'SGX', country: 'SG', types: ['public'] },
  au: { label: 'ASX', country: 'AU', state: 'NSW', types: ['public'] },
};

export const MARKET_CALENDARS: ReadonlyArray<{ code: string; label: string }> = Object.entries(CALENDARS).map(([code, rule]) => ({
  code,
  label: rule.label,
}));

const instances = new Map<string, Holidays>();

function holidaysFor(code: string): Holidays | null {
  const rule = CALENDARS[code];
  if (rule === undefined) return null;
  let instance = instances.get(code);
  if (instance === undefined) {
    const Holidays = holidaysClass();
    instance =
      rule.state === undefined
        ? new Holidays(rule.country, { types: rule.types as never })
        : new Holidays(rule.country, rule.state, { types: rule.types as never });
    for (const extra of rule.extra ?? []) instance.setHoliday(extra, { name: `exchange closed (${extra})`, type: 'public' });
    instances.set(code, instance);
  }
  return instance;
}

export function isMarketCalendar(code: string): boolean {
  return Object.hasOwn(CALENDARS, code);
}

/**
 * Whether the exchange is closed on a local calendar date (weekend or holiday).
 * `date` is "YYYY-MM-DD" in the exchange's own timezone.
 */
export function isMarketClosed(code: string, date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  const holidays = holidaysFor(code);
  if (holidays === null) return false;
  const rule = CALENDARS[code];
  return holidays.getHolidays(year ?? 1970, 'en').some((holiday) => holiday.date.slice(0, 10) === date && !(rule?.tradesOn ?? []).includes(holiday.name));
}
