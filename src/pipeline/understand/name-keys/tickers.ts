// Ticker spellings differ between Yahoo ("0700.HK", "BRK-B"), Reuters RICs ("0700.HK", "GOOG.O", "BRKb.N"),
// cashtags ("$BRK.B") and exchange prefixes ("HKEX: 700"). The reference stores Yahoo-style symbols with
// no suffix for US listings; these helpers turn any spelling into the candidates to look up.

/** RIC suffixes of US venues: the symbol before them is the plain US ticker. */
const US_SUFFIXES = new Set(['O', 'OQ', 'N', 'K', 'A', 'P', 'Q', 'PK', 'OB', 'Z', 'B']);

/** RIC suffixes whose Yahoo spelling differs. */
const RIC_TO_YAHOO: Readonly<Record<string, string>> = { S: 'SW', VX: 'SW', F: 'DE', SG: 'DE', BR: 'BR', TWO: 'TWO' };

/** Non-US suffixes the recogniser accepts on a bare symbol ("9988.HK" in running text). */
export const MARKET_SUFFIXES = new Set([
  'HK',
  'SS',
  'SZ',
  'L',
  'T',
  'DE',
  'PA',
  'AS',
  'MI',
  'MC',
  'SW',
  'BR',
  'LS',
  'CO',
  'ST',
  'HE',
  'OL',
  'IR',
  'VI',
  'KS',
  'KQ',
  'TW',
  'TWO',
  'NS',
  'BO',
  'AX',
  'NZ',
  'SI',
  'KL',
  'BK',
  'JK',
  'TO',
  'V',
  'SA',
  'MX',
  'JO',
  'SR',
  'IS',
  'TA',
]);

/** Exchange prefixes written before a symbol ("NYSE: GS", "HKEX:9988") and the Yahoo suffix they imply. */
export const EXCHANGE_PREFIXES: Readonly<Record<string, string>> = {
  NYSE: '',
  NASDAQ: '',
  NASDAQGS: '',
  NASDAQGM: '',
  NASDAQCM: '',
  AMEX: '',
  NYSEAMERICAN: '',
  NYSEARCA: '',
  ARCA: '',
  OTC: '',
  OTCQX: '',
  OTCQB: '',
  OTCMKTS: '',
  CBOE: '',
  BATS: '',
  HKEX: 'HK',
  HKG: 'HK',
  SEHK: 'HK',
  HK: 'HK',
  LSE: 'L',
  LON: 'L',
  TSX: 'TO',
  TSXV: 'V',
  ASX: 'AX',
  NSE: 'NS',
  BSE: 'BO',
  TYO: 'T',
  TSE: 'T',
  JPX: 'T',
  SGX: 'SI',
  KRX: 'KS',
  KOSDAQ: 'KQ',
  TPE: 'TW',
  TWSE: 'TW',
  SHA: 'SS',
  SSE: 'SS',
  SHE: 'SZ',
  SZSE: 'SZ',
  ETR: 'DE',
  XETRA: 'DE',
  FRA: 'DE',
  EPA: 'PA',
  AMS: 'AS',
  BIT: 'MI',
  SWX: 'SW',
  SIX: 'SW',
  BME: 'MC',
  KLSE: 'KL',
  BURSA: 'KL',
  IDX: 'JK',
  SET: 'BK',
};

/** The canonical stored form of a symbol: upper case, Hong Kong codes padded to four digits. */
export function canonicalTicker(symbol: string): string {
  const upper = symbol.trim().toUpperCase().replace(/^\$/, '');
  const hongKong = /^0*(\d{1,5})\.HK$/.exec(upper);
  if (hongKong?.[1] !== undefined) return `${hongKong[1].padStart(4, '0')}.HK`;
  return upper;
}

/** Every stored form a written symbol may correspond to, most likely first. */
export function tickerCandidates(symbol: string): string[] {
  const raw = symbol.trim().replace(/^\$/, '');
  const candidates: string[] = [];
  const add = (candidate: string): void => {
    const canonical = canonicalTicker(candidate);
    if (canonical !== '' && !candidates.includes(canonical)) candidates.push(canonical);
  };
  // RIC share classes are written with a lower-case letter: "BRKb.N", "RDSa.L".
  const ricClass = /^([A-Z0-9]{1,6})([a-z])\.([A-Za-z]{1,3})$/.exec(raw);
  if (ricClass?.[1] !== undefined && ricClass[2] !== undefined && ricClass[3] !== undefined) {
    const suffix = ricClass[3].toUpperCase();
    const classTicker = `${ricClass[1]}-${ricClass[2].toUpperCase()}`;
    if (US_SUFFIXES.has(suffix)) add(classTicker);
    else add(`${classTicker}.${RIC_TO_YAHOO[suffix] ?? suffix}`);
    add(ricClass[1] + (US_SUFFIXES.has(suffix) ? '' : `.${RIC_TO_YAHOO[suffix] ?? suffix}`));
    return candidates;
  }
  const upper = raw.toUpperCase();
  add(upper);
  const dotted = /^([A-Z0-9&]{1,9})[.\-/ ]([A-Z]{1,3})$/.exec(upper);
  if (dotted?.[1] !== undefined && dotted[2] !== undefined) {
    const [, base, suffix] = dotted;
    if (US_SUFFIXES.has(suffix)) add(base);
    const yahooSuffix = RIC_TO_YAHOO[suffix];
    if (yahooSuffix !== undefined) add(`${base}.${yahooSuffix}`);
    // A one-letter tail may also be a share class: "BRK.B", "BRK/B" → "BRK-B".
    if (suffix.length === 1) add(`${base}-${suffix}`);
  }
  return candidates;
}

/** The stored form of a symbol written after an exchange prefix ("HKEX", "700" → "0700.HK"). */
export function prefixedTicker(exchange: string, symbol: string): string | null {
  const suffix = EXCHANGE_PREFIXES[exchange.toUpperCase().replace(/[\s.]/g, '')];
  if (suffix === undefined) return null;
  return canonicalTicker(suffix === '' ? symbol : `${symbol}.${suffix}`);
}
