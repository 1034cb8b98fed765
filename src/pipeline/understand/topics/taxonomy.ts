/** One topic a brief or a subscription can be about. */
export interface TopicDefinition {
  slug: string;
  label: string;
  kind: 'region' | 'asset-class' | 'theme';
  description: string;
  /** entity ids that mark this topic (region → its indices, exchanges, central bank) */
  entityIds: string[];
}

interface TopicSpec extends TopicDefinition {
  /** Other names a user may type ("HK", "rates"). */
  aliases: string[];
  /** Broader topics this one implies (china → asia). */
  parents: string[];
}

const topic = (
  slug: string,
  label: string,
  kind: TopicDefinition['kind'],
  description: string,
  entityIds: string[],
  aliases: string[] = [],
  parents: string[] = [],
): TopicSpec => ({ slug, label, kind, description, entityIds, aliases, parents });

export const TOPIC_SPECS: readonly TopicSpec[] = [
  // Regions
  topic('us', 'United States', 'region', 'US markets, economy and policy.', ['index:sp-500', 'index:nasdaq-composite', 'index:nasdaq-100', 'index:dow-jones', 'index:russell-2000', 'exchange:nyse', 'exchange:nasdaq', 'central-bank:fed', 'regulator:sec', 'currency:usd'], ['USA', 'U.S.', 'US', 'United States', 'America', 'Wall Street', 'american']),
  topic('canada', 'Canada', 'region', 'Canadian markets and economy.', ['index:sp-tsx', 'exchange:tsx', 'central-bank:boc', 'currency:cad'], ['canadian']),
  topic('latin-america', 'Latin America', 'region', 'Brazil, Mexico, Argentina and the rest of Latin America.', ['index:ibovespa', 'index:ipc-mexico', 'index:merval', 'central-bank:bcb', 'central-bank:banxico', 'currency:brl', 'currency:mxn'], ['latam', 'brazil', 'mexico', 'argentina']),
  topic('europe', 'Europe', 'region', 'European markets, the euro zone and the EU.', ['index:stoxx-600', 'index:euro-stoxx-50', 'central-bank:ecb', 'currency:eur', 'exchange:euronext'], ['EU', 'eurozone', 'euro zone', 'european', 'euro area']),
  topic('uk', 'United Kingdom', 'region', 'British markets, economy and policy.', ['index:ftse-100', 'index:ftse-250', 'exchange:lse', 'central-bank:boe', 'regulator:fca', 'currency:gbp'], ['Britain', 'U.K.', 'united kingdom', 'british', 'england', 'london'], ['europe']),
  topic('germany', 'Germany', 'region', 'German markets and economy.', ['index:dax', 'central-bank:bundesbank', 'exchange:deutsche-boerse-xetra'], ['german'], ['europe']),
  topic('france', 'France', 'region', 'French markets and economy.', ['index:cac-40', 'central-bank:banque-de-france'], ['french'], ['europe']),
  topic('china', 'China', 'region', 'Mainland China: markets, economy, policy and companies.', ['index:csi-300', 'index:shanghai-composite', 'index:shenzhen-component', 'exchange:sse', 'exchange:szse', 'central-bank:pboc', 'regulator:csrc', 'currency:cny'], ['PRC', 'mainland', 'mainland china', 'chinese', 'beijing'], ['asia']),
  topic('hong-kong', 'Hong Kong', 'region', 'Hong Kong markets, listings and economy.', ['index:hang-seng', 'index:hang-seng-tech', 'index:hang-seng-china-enterprises', 'exchange:hkex', 'central-bank:hkma', 'regulator:sfc', 'currency:hkd'], ['HK', 'HKG', 'hongkong', 'hang seng'], ['asia']),
  topic('japan', 'Japan', 'region', 'Japanese markets, economy and the BOJ.', ['index:nikkei-225', 'index:topix', 'exchange:jpx', 'central-bank:boj', 'currency:jpy'], ['japanese', 'tokyo', 'nikkei'], ['asia']),
  topic('india', 'India', 'region', 'Indian markets, economy and the RBI.', ['index:sensex', 'index:nifty-50', 'index:nifty-bank', 'exchange:bse-india', 'exchange:nse-india', 'central-bank:rbi', 'regulator:sebi', 'currency:inr'], ['indian', 'sensex', 'nifty'], ['asia', 'emerging-markets']),
  topic('south-korea', 'South Korea', 'region', 'Korean markets and economy.', ['index:kospi', 'index:kosdaq', 'exchange:krx', 'central-bank:bok', 'currency:krw'], ['korea', 'korean', 'kospi'], ['asia']),
  topic('taiwan', 'Taiwan', 'region', 'Taiwanese markets, economy and chipmakers.', ['index:taiex', 'exchange:twse', 'currency:twd'], ['taiwanese'], ['asia']),
  topic('singapore', 'Singapore', 'region', 'Singapore markets, economy and the MAS.', ['index:straits-times', 'exchange:sgx', 'central-bank:mas', 'currency:sgd'], ['SG'], ['southeast-asia', 'asia']),
  topic('southeast-asia', 'Southeast Asia', 'region', 'ASEAN markets: Malaysia, Indonesia, Thailand, Vietnam, the Philippines, Singapore.', ['index:klci', 'index:jakarta-composite', 'index:set-index', 'index:psei', 'exchange:bursa-malaysia', 'central-bank:bnm', 'currency:myr', 'currency:idr', 'currency:thb'], ['asean', 'sea', 'malaysia', 'indonesia', 'thailand', 'vietnam', 'philippines'], ['asia']),
  topic('asia', 'Asia', 'region', 'Asia-Pacific markets as a whole.', ['index:msci-asia-pacific'], ['apac', 'asia pacific', 'asia-pacific', 'asian']),
  topic('australia', 'Australia', 'region', 'Australian markets, miners and the RBA.', ['index:asx-200', 'index:all-ordinaries', 'exchange:asx', 'central-bank:rba', 'currency:aud'], ['aussie', 'australian', 'asx'], ['asia']),
  topic('middle-east', 'Middle East', 'region', 'Gulf and Middle East markets and economies.', ['index:tadawul', 'exchange:tadawul'], ['gulf', 'mena', 'saudi', 'uae'], ['emerging-markets']),
  topic('africa', 'Africa', 'region', 'African markets and economies.', ['exchange:jse', 'central-bank:sarb', 'currency:zar'], ['south africa', 'african']),
  topic('emerging-markets', 'Emerging markets', 'region', 'Emerging and frontier markets as an asset class.', ['index:msci-emerging-markets'], ['EM', 'emerging', 'em', 'frontier markets']),
  // Asset classes
  topic('equities', 'Equities', 'asset-class', 'Stocks, stock indices and exchanges.', [], ['stocks', 'shares', 'stock market', 'equity']),
  topic('bonds', 'Bonds', 'asset-class', 'Government and corporate bonds, yields and credit.', [], ['fixed income', 'treasuries', 'yields', 'credit', 'debt markets', 'bond']),
  topic('fx', 'Currencies', 'asset-class', 'Foreign exchange and currencies.', ['index:dollar-index'], ['forex', 'currencies', 'currency', 'foreign exchange', 'FX']),
  topic('commodities', 'Commodities', 'asset-class', 'Energy, metals and agricultural commodities.', ['index:bloomberg-commodity', 'exchange:lme', 'exchange:comex', 'exchange:shfe'], ['commodity', 'metals', 'raw materials']),
  topic('crypto', 'Crypto', 'asset-class', 'Cryptocurrencies, stablecoins and digital assets.', ['crypto:bitcoin', 'crypto:ethereum'], ['cryptocurrency', 'cryptocurrencies', 'bitcoin', 'digital assets', 'blockchain']),
  topic('funds', 'Funds', 'asset-class', 'ETFs, mutual funds, hedge funds and asset managers.', [], ['etf', 'etfs', 'asset management', 'hedge funds', 'mutual funds']),
  // Themes
  topic('ai', 'Artificial intelligence', 'theme', 'AI models, chips and the companies building them.', ['company:openai', 'company:anthropic', 'company:deepseek'], ['AI', 'A.I.', 'artificial intelligence', 'genai', 'machine learning']),
  topic('earnings', 'Earnings', 'theme', 'Company results, profits, revenue and guidance.', [], ['results', 'profits', 'quarterly results', 'earnings season']),
  topic('ipo', 'IPOs', 'theme', 'Initial public offerings, listings and debuts.', [], ['IPO', 'IPOs', 'listings', 'initial public offering', 'flotation']),
  topic('monetary-policy', 'Monetary policy', 'theme', 'Central banks, interest rates and liquidity.', ['central-bank:fed', 'central-bank:ecb', 'central-bank:boe', 'central-bank:boj', 'central-bank:pboc', 'central-bank:rbi'], ['rates', 'interest rates', 'central banks', 'central bank', 'fed policy', 'rate cuts']),
  topic('inflation', 'Inflation', 'theme', 'Consumer and producer prices and the cost of living.', [], ['CPI', 'prices', 'cost of living', 'deflation']),
  topic('economy', 'Economy', 'theme', 'Growth, jobs, output, spending and fiscal policy.', [], ['macro', 'GDP', 'growth', 'recession', 'jobs', 'economic data']),
  topic('trade', 'Trade', 'theme', 'Tariffs, trade deals, exports and imports.', [], ['tariffs', 'trade war', 'exports', 'imports', 'trade policy']),
  topic('m-and-a', 'Mergers and acquisitions', 'theme', 'Mergers, acquisitions, takeovers and buyouts.', [], ['M&A', 'mergers', 'acquisitions', 'takeovers', 'deals', 'm&a', 'buyouts']),
  topic('regulation', 'Regulation', 'theme', 'Regulators, rules, probes and enforcement.', ['regulator:sec', 'regulator:csrc', 'regulator:sfc', 'regulator:sebi', 'regulator:fca', 'regulator:cftc'], ['regulators', 'regulatory', 'antitrust', 'compliance', 'crackdown']),
  topic('geopolitics', 'Geopolitics', 'theme', 'Wars, sanctions and political risk that move markets.', [], ['sanctions', 'war', 'geopolitical', 'politics', 'elections']),
  topic('tech', 'Technology', 'theme', 'Technology companies, software, internet and hardware.', ['index:nasdaq-100', 'index:hang-seng-tech'], ['technology', 'tech stocks', 'big tech', 'software', 'internet']),
  topic('semiconductors', 'Semiconductors', 'theme', 'Chips, chipmakers and chip equipment.', ['index:philadelphia-semiconductor'], ['chips', 'chipmakers', 'semis', 'semiconductor', 'chip']),
  topic('ev', 'Electric vehicles', 'theme', 'Electric cars, batteries and their makers.', ['company:tesla', 'company:byd'], ['EV', 'EVs', 'electric vehicles', 'electric cars', 'batteries']),
  topic('autos', 'Autos', 'theme', 'Carmakers and car sales.', [], ['cars', 'carmakers', 'automakers', 'auto', 'automotive']),
  topic('property', 'Property', 'theme', 'Real estate, housing, developers and REITs.', [], ['real estate', 'housing', 'reits', 'reit', 'property market', 'developers']),
  topic('energy', 'Energy', 'theme', 'Oil, gas, power and energy companies.', ['commodity:crude-oil', 'commodity:brent', 'commodity:wti', 'commodity:natural-gas'], ['oil', 'gas', 'oil and gas', 'power', 'opec']),
  topic('banking', 'Banking', 'theme', 'Banks, lenders and the financial system.', ['regulator:fdic', 'regulator:occ'], ['banks', 'bank', 'lenders', 'financials', 'financial sector']),
  topic('healthcare', 'Healthcare', 'theme', 'Pharmaceuticals, biotech and health care.', [], ['pharma', 'biotech', 'health care', 'drugmakers', 'health']),
  topic('utilities', 'Utilities', 'theme', 'Power, water and gas utilities.', [], ['utility']),
];
