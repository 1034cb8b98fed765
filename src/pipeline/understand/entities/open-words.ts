import type { EntityType } from '../../../domain/index.ts';
import { KeyFilter, type Token } from '../name-keys/index.ts';

// Word lists of the open-vocabulary recogniser (chosen on FiNER-ORD train/validation, never on test).

/** The entity types that are organisations (an open name is one of these). */
export const ORGANISATION_TYPES: ReadonlySet<EntityType> = new Set(['company', 'exchange', 'central-bank', 'regulator', 'organisation']);

/** Last words that make a capitalised phrase a company's name ("Zignal Labs", "Copperbelt Energy Corporation"). */
export const COMPANY_HEADS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'companies', 'ltd', 'limited', 'plc', 'llc', 'llp', 'lp', 'ag', 'sa', 'nv', 'se',
  'spa', 'gmbh', 'bhd', 'berhad', 'tbk', 'asa', 'oyj', 'kk', 'group', 'holdings', 'holding', 'bank', 'bancorp', 'bancshares', 'securities',
  'capital', 'partners', 'motors', 'pharma', 'pharmaceuticals', 'financial', 'finance', 'investments', 'investment', 'technologies', 'technology',
  'systems', 'solutions', 'labs', 'laboratories', 'networks', 'resources', 'airlines', 'airways', 'insurance', 'assurance', 'foods', 'media',
  'entertainment', 'pictures', 'studios', 'ventures', 'management', 'associates', 'industries', 'enterprises', 'trust', 'advisors', 'advisers',
  'research', 'services', 'mining', 'minerals', 'metals', 'petroleum', 'energy', 'power', 'utilities', 'automotive', 'telecom', 'communications',
  'software', 'therapeutics', 'biosciences', 'biotech', 'healthcare', 'brands', 'retail', 'stores', 'logistics', 'shipping', 'leasing', 'realty',
  'properties', 'semiconductor', 'electronics', 'interactive', 'digital', 'global', 'international', 'worldwide', 'consulting', 'brewing',
  'brewery', 'chemicals', 'steel', 'cement', 'textiles', 'apparel', 'fund', 'funds', 'bancorporation', 'reinsurance', 'wealth', 'asset',
  'coal', 'iron', 'railway', 'railways', 'network', 'hotels', 'resorts', 'restaurants',
  // News organisations.
  'news', 'review', 'journal', 'press', 'times', 'post', 'wire', 'newswire', 'magazine', 'herald', 'gazette', 'tribune', 'telegraph',
]);

/** Last words of an institution's name ("Conference Board", "Zambia Chamber of Mines"). */
export const INSTITUTION_HEADS = new Set([
  'ministry', 'department', 'agency', 'authority', 'commission', 'council', 'board', 'bureau', 'office', 'institute', 'institution',
  'university', 'college', 'school', 'association', 'federation', 'chamber', 'committee', 'foundation', 'society', 'party', 'union',
  'parliament', 'senate', 'court', 'tribunal', 'exchange', 'organisation', 'organization', 'forum', 'alliance', 'coalition', 'league',
  'center', 'centre', 'service', 'embassy', 'directorate', 'assembly', 'congress', 'secretariat',
]);

/** Heads that need a distinctive word before them: "Stock Exchange" or "National Bank" alone is not a name. */
export const GENERIC_MODIFIERS = new Set([
  'the', 'a', 'an', 'national', 'central', 'federal', 'state', 'public', 'private', 'global', 'international', 'world', 'new', 'first', 'other',
  'investment', 'stock', 'asset', 'general', 'united', 'american', 'european', 'chinese', 'british', 'our', 'its', 'their', 'this', 'that',
]);

/** Lower-case words right before a name that say it is a company ("chipmaker Nvidia", "analysts at Jefferies"). */
export const COMPANY_CUES_BEFORE = new Set([
  'company', 'firm', 'startup', 'start-up', 'lender', 'insurer', 'retailer', 'carmaker', 'automaker', 'chipmaker', 'drugmaker', 'maker',
  'brokerage', 'rival', 'rivals', 'conglomerate', 'giant', 'miner', 'producer', 'operator', 'developer', 'supplier', 'provider', 'manufacturer',
  'subsidiary', 'airline', 'carrier', 'broker', 'publisher', 'newspaper', 'agency', 'group', 'bank', 'banks', 'investor', 'fund', 'platform',
  'shares', 'stake', 'acquire', 'acquired', 'acquiring', 'buy', 'bought', 'subsidiaries', 'partner', 'peer', 'peers', 'competitor',
  'competitors', 'client', 'customer', 'chain', 'outfit', 'unit', 'owner', 'distributor', 'exporter', 'importer', 'refiner', 'utility',
  'telco', 'bankers', 'analysts', 'economists', 'strategists', 'at', 'of',
]);

/** Lower-case words right after a name that say it is a company ("X shares rose", "X stock"). */
export const COMPANY_CUES_AFTER = new Set(['shares', 'stock', 'shareholders', 'stockholders']);

/** After "X, the" / "X, a": nouns that make X a company ("Zignal, the data maker"). */
export const DESCRIPTOR_NOUNS = new Set([
  'maker', 'company', 'firm', 'group', 'lender', 'bank', 'insurer', 'retailer', 'producer', 'miner', 'operator', 'developer', 'provider',
  'manufacturer', 'carrier', 'brokerage', 'conglomerate', 'startup', 'supplier', 'chain', 'publisher', 'subsidiary', 'unit', 'owner',
  'giant', 'platform', 'fund', 'manager', 'airline', 'refiner', 'utility', 'distributor', 'automaker', 'carmaker', 'chipmaker', 'drugmaker',
]);

/** Places and nationalities: "Chinese stock markets", "Taiwan shares" name a market, not a company. */
export const PLACES = new Set([
  'american', 'asian', 'european', 'chinese', 'japanese', 'british', 'german', 'french', 'indian', 'korean', 'taiwanese', 'greek', 'italian',
  'spanish', 'russian', 'brazilian', 'canadian', 'australian', 'swiss', 'dutch', 'african', 'global', 'emerging', 'us', 'usa', 'uk', 'eu',
  'america', 'asia', 'europe', 'china', 'japan', 'britain', 'germany', 'france', 'india', 'korea', 'taiwan', 'greece', 'italy', 'spain',
  'russia', 'brazil', 'canada', 'australia', 'switzerland', 'africa', 'athens', 'shanghai', 'shenzhen', 'tokyo', 'london', 'frankfurt', 'paris',
  'mumbai', 'seoul', 'sydney', 'toronto', 'singapore', 'hong', 'kong', 'kenya', 'nigeria', 'ghana', 'zambia', 'mexico', 'turkey', 'israel',
  'october', 'november', 'december', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'nsw', 'uae', 'nyc', 'dc', 'hk',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  // More nationalities ("The Thai stock market") and the street that stands for a market ("Wall Street banks").
  'thai', 'vietnamese', 'indonesian', 'malaysian', 'philippine', 'filipino', 'singaporean', 'pakistani', 'bangladeshi', 'saudi', 'emirati',
  'qatari', 'kuwaiti', 'iranian', 'iraqi', 'israeli', 'turkish', 'egyptian', 'nigerian', 'kenyan', 'mexican', 'argentine', 'chilean',
  'colombian', 'peruvian', 'polish', 'czech', 'hungarian', 'swedish', 'norwegian', 'danish', 'finnish', 'irish', 'portuguese', 'austrian',
  'belgian', 'ukrainian', 'new', 'zealand', 'wall', 'street', 'dalal',
]);

/** A listing code written as a word: "RIM.TO", "9988.HK", "RIM.TORIMM.O". */
export const LISTING_CODE = /^[A-Z0-9]{2,}(?:\.[A-Z]+)+$/;
/**
 * A Reuters code written bare right after a name, alone, with another or glued to it: " RIM.TO",
 * " RIM.TO RIMM.O", " RIM.TORIMM.O", " DBKGn.DE". Two characters at least before the dot ("U.S." is none).
 */
export const BARE_LISTING_AFTER = /^ +[A-Z0-9][A-Za-z0-9]{1,5}\.[A-Z]{1,3}(?![a-z])/;
/** A listing in brackets right after a name ("(CLF.N)", "(NYSE: BWS)", "( AAPL.O )") or a bare Reuters code (BARE_LISTING_AFTER). */
export const LISTING_AFTER = new RegExp(
  `${/^\s*\(\s*(?:[A-Z]{2,8}\s*:\s*[A-Z0-9]{1,6}|[A-Z0-9]{1,6}\.[A-Z]{1,3})\s*\)/.source}|${BARE_LISTING_AFTER.source}`,
);
/**
 * Words that describe the company named after them ("Former Tyco International Ltd", "Rival AGCO
 * Corp") or open a sentence as an adverb ("Meanwhile Brevik Capital Partners LLC said"), never a
 * name's first word.
 */
export const DESCRIPTOR_WORDS =
  /^(?:former|rival|rivals|peer|peers|retailer|shares|shareholders|analysts|investors|automaker|carmaker|chipmaker|drugmaker|lender|insurer|miner|operator|owner|parent|unit|subsidiary|broker|brokerage|regulator|regulators|meanwhile|separately|however|also|still|now|then|earlier|later|elsewhere|overall|instead|today|yesterday|moreover|nonetheless|nevertheless|furthermore|likewise|indeed|finally|next|already)$/;
/** DESCRIPTOR_WORDS, and words ending in -ing or -ly ("Analysing", "Separately"), which may also be names ("Viking"). */
export const DESCRIPTOR = new RegExp(`${DESCRIPTOR_WORDS.source}|^(?:\\p{L}+ing|\\p{L}+ly)$`, 'u');
/** States, provinces and countries written after a city in "<city>, <region>-based" ("Cupertino, California-based Apple"). */
const REGIONS =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|' +
  'Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|' +
  'New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|' +
  'South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|D\\.C\\.|Ontario|Quebec|Alberta|' +
  'British Columbia|England|Scotland|Wales|Ireland|Germany|France|Switzerland|Japan|China|India|Israel|Australia|Canada';
/** After a place that says where a company is based: ", California-based", "-based" ("a Sunnyvale-based firm"). */
export const PLACE_OF_BASE = new RegExp(`^(?:,\\s+(?:${REGIONS}))?-based\\b`, 'u');

/** "analysts at X": words before "at" that make X an organisation. */
export const AT_CUES = new Set(['analyst', 'analysts', 'economist', 'economists', 'strategist', 'strategists', 'executive', 'executives', 'officials', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'partner', 'head', 'chief', 'trader', 'traders', 'researchers']);

/** Acronyms of things, not organisations: never read as one from context ("the GDP", "the IPO's"). */
export const THING_ACRONYMS = new Set([
  'ceo', 'ceos', 'cfo', 'coo', 'cto', 'cio', 'ipo', 'ipos', 'etf', 'etfs', 'gdp', 'cpi', 'ppi', 'pmi', 'pce', 'eps', 'ev', 'evs', 'esg', 'api',
  'agm', 'egm', 'ebit', 'ebitda', 'yoy', 'qoq', 'pc', 'tv', 'am', 'pm', 'spac', 'gaap', 'ifrs', 'sme', 'smes', 'vat', 'gst', 'roi', 'roe',
  'nav', 'aum', 'atm', 'app', 'faq', 'dna', 'rna', 'led', 'gpu', 'cpu', 'ar', 'vr', 'ml', 'iot', 'saas', 'usb', 'hr', 'pr', 'iq', 'ok', 'nft',
  'defi', 'kyc', 'aml', 'wti', 'lng', 'bps', 'ytd', 'mom', 'adr', 'adrs', 'cagr', 'mba', 'phd', 'est', 'gmt', 'utc', 'pst', 'edt', 'bst',
  'et', 'cet', 'it', 'ai', 'qe', 'fx', 'pe', 'vc', 'fy', 'ltv', 'ceo', 'mp', 'mps', 'ppp', 'rfp', 'ip', 'otc', 'lpg', 'cng', 'suv', 'suvs',
  'url', 'pdf', 'sms', 'gps', 'nb', 'ps', 'usd', 'eur', 'gbp', 'jpy', 'cny', 'aud', 'cad', 'chf', 'inr', 'nzd', 'hkd', 'ulip', 'npa', 'npas',
]);

/** Verbs after an acronym that make it an organisation speaking or acting ("AFMA said", "the EIA reported"). */
export const ACTING_AFTER = new Set(['said', 'says', 'told', 'announced', 'reported', 'added', 'estimated', 'forecast', 'warned', 'urged', 'represents']);

/** Words after a name that show people working for it ("Coles spokesman", "Sharp officials"). */
export const STAFF_AFTER = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'boss', 'officials', 'executives', 'employees', 'staff', 'board']);

/** Roles that, written right after a name and before a person's, make that name an organisation ("Atlas managing director David Flanagan"). */
export const ORGANISATION_ROLES = new Set(['chief', 'ceo', 'cfo', 'coo', 'cio', 'chairman', 'chairwoman', 'chair', 'managing', 'executive', 'director', 'founder', 'co', 'cofounder', 'partner', 'analyst', 'senior', 'economist', 'strategist', 'portfolio', 'fund', 'governor', 'deputy', 'secretary', 'vice']);

// Roles, as token keys, longest first within each opening word.
const ROLES: readonly string[][] = [
  'chief executive officer', 'chief executive', 'chief financial officer', 'chief operating officer', 'chief investment officer',
  'chief economist', 'chief market strategist', 'chief strategist', 'chief technology officer', 'ceo', 'cfo', 'coo', 'cio',
  'deputy governor', 'governor', 'vice chairman', 'vice chairwoman', 'vice chair', 'chairman', 'chairwoman', 'chair',
  'vice president', 'president', 'prime minister', 'finance minister', 'trade minister', 'economy minister', 'oil minister', 'energy minister',
  'minister', 'treasury secretary', 'commerce secretary', 'secretary', 'senior analyst', 'analyst', 'senior economist', 'economist',
  'strategist', 'co-founder', 'cofounder', 'founder', 'senior managing director', 'managing director', 'executive director', 'director',
  'senior vice president', 'executive vice president', 'general manager', 'portfolio manager', 'fund manager', 'partner',
].map((role) => role.split(/[\s-]+/));

// Roles by their first word, so that looking for one costs a map lookup per token; the filter of
// first words settles nearly every token (it is asked of every word of a text) without one.
const ROLES_BY_FIRST = new Map<string, string[][]>();
for (const role of ROLES) ROLES_BY_FIRST.set(role[0] ?? '', [...(ROLES_BY_FIRST.get(role[0] ?? '') ?? []), role]);
const ROLE_FIRST_WORDS = new KeyFilter();
for (const first of ROLES_BY_FIRST.keys()) ROLE_FIRST_WORDS.add(first);

/** The role whose words start at `position` ("Chief Executive", "governor"), as token keys; null when none does. */
export function roleAt(tokens: readonly Token[], position: number): string[] | null {
  const key = tokens[position]?.key ?? '';
  if (!ROLE_FIRST_WORDS.mayHold(key)) return null;
  const candidates = ROLES_BY_FIRST.get(key);
  if (candidates === undefined) return null;
  for (const role of candidates) {
    if (role.every((key, offset) => tokens[position + offset]?.key === key)) return role;
  }
  return null;
}
