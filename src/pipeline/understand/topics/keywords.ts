// Words and phrases that signal each topic. A phrase with a capital letter is matched with its case
// ("US", "AI", "EU" must not fire on "us", "ai", "eu"); an all lower-case phrase matches in any case.
// Plural and inflected forms are listed where they matter: matching is on whole words only.
export const TOPIC_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  us: ['U.S.', 'US', 'USA', 'United States', 'America', "America's", 'American', 'Americans', 'Wall Street', 'Washington', 'White House', 'Treasury Department', 'Congress', 'New York', 'Trump', 'Biden', 'Powell', 'Silicon Valley', 'Chicago', 'San Francisco', 'Los Angeles', 'Houston', 'Dallas', 'Boston', 'Detroit', 'Atlanta', 'Texas', 'California', 'Florida'],
  canada: ['Canada', 'Canadian', 'Toronto', 'Ottawa', 'Alberta'],
  'latin-america': ['Latin America', 'Brazil', 'Brazilian', 'Mexico', 'Mexican', 'Argentina', 'Argentine', 'Chile', 'Chilean', 'Colombia', 'Colombian', 'Peru', 'Peruvian', 'Sao Paulo', 'São Paulo'],
  europe: ['Europe', 'European', 'Europeans', 'euro zone', 'eurozone', 'euro area', 'EU', 'European Union', 'European Commission', 'Brussels', 'Italy', 'Italian', 'Spain', 'Spanish', 'Netherlands', 'Dutch', 'Switzerland', 'Swiss', 'Sweden', 'Swedish', 'Norway', 'Norwegian', 'Denmark', 'Danish', 'Belgium', 'Austria', 'Poland', 'Greece', 'Greek', 'Ireland', 'Irish', 'Portugal', 'Lagarde'],
  uk: ['Britain', 'British', 'UK', 'U.K.', 'United Kingdom', 'London', 'England', 'English', 'Scotland', 'Wales', 'Downing Street', 'City of London', 'gilts', 'gilt'],
  germany: ['Germany', 'German', 'Berlin', 'Frankfurt', 'Munich', 'Bund', 'bunds'],
  france: ['France', 'French', 'Paris', 'Elysee', 'Élysée'],
  china: ['China', "China's", 'Chinese', 'Beijing', 'Shanghai', 'Shenzhen', 'Guangzhou', 'Hangzhou', 'mainland', 'Xi Jinping', 'Politburo', 'State Council', 'Communist Party', 'renminbi', 'yuan', 'A-shares', 'A-share', 'onshore'],
  'hong-kong': ['Hong Kong', 'Hongkong', 'HK', 'HK$', 'Kowloon', 'Hong Kong-listed', 'Stock Connect', 'Southbound', 'southbound', 'H-shares', 'H-share'],
  japan: ['Japan', 'Japanese', 'Tokyo', 'Osaka', 'Ueda', 'Kuroda', 'yen', 'JGB', 'JGBs'],
  india: ['India', 'Indian', 'Indians', 'Mumbai', 'New Delhi', 'Delhi', 'Bengaluru', 'Bangalore', 'Modi', 'crore', 'crores', 'lakh', 'lakhs', 'rupee', 'rupees', 'Dalal Street', 'Rs'],
  'south-korea': ['South Korea', 'Korea', 'Korean', 'Seoul'],
  taiwan: ['Taiwan', 'Taiwanese', 'Taipei'],
  singapore: ['Singapore', 'Singaporean'],
  'southeast-asia': ['Southeast Asia', 'Southeast Asian', 'South-East Asia', 'ASEAN', 'Malaysia', 'Malaysian', 'Kuala Lumpur', 'Indonesia', 'Indonesian', 'Jakarta', 'Thailand', 'Thai', 'Bangkok', 'Vietnam', 'Vietnamese', 'Philippines', 'Philippine', 'Manila'],
  asia: ['Asia', 'Asian', 'Asia-Pacific', 'Asia Pacific', 'APAC'],
  australia: ['Australia', 'Australian', 'Sydney', 'Melbourne', 'Canberra'],
  'middle-east': ['Middle East', 'Saudi Arabia', 'Saudi', 'UAE', 'United Arab Emirates', 'Dubai', 'Abu Dhabi', 'Qatar', 'Kuwait', 'Gulf', 'Iran', 'Israel', 'Israeli'],
  africa: ['Africa', 'African', 'South Africa', 'Nigeria', 'Nigerian', 'Kenya', 'Egypt', 'Egyptian', 'Johannesburg'],
  'emerging-markets': ['emerging markets', 'emerging-market', 'emerging economies', 'developing economies', 'frontier markets', 'Turkey', 'Turkish', 'Russia', 'Russian'],
  equities: ['stocks', 'stock', 'shares', 'equities', 'equity market', 'equity markets', 'stock market', 'stock markets', 'stock exchange', 'bourse', 'blue-chip', 'blue chips', 'share price', 'share prices', 'stock price', 'market value', 'market capitalisation', 'market capitalization', 'benchmark index', 'index', 'indices', 'indexes', 'shareholders', 'rally', 'sell-off', 'selloff'],
  bonds: ['bond', 'bonds', 'Treasuries', 'Treasury yields', 'treasury yields', 'yield', 'yields', 'gilts', 'bunds', 'JGBs', 'sovereign debt', 'government debt', 'credit spreads', 'high-yield', 'junk bonds', 'investment-grade', 'fixed income', 'fixed-income', 'debt market', 'debt markets', 'coupon', 'notes due', 'debt issuance', 'bond market', 'bond markets'],
  fx: ['currency', 'currencies', 'exchange rate', 'exchange rates', 'forex', 'FX', 'foreign exchange', 'devaluation', 'devalued', 'dollar index', 'carry trade'],
  commodities: ['wheat', 'corn', 'soybeans', 'soybean', 'sugar', 'coffee', 'cocoa', 'cotton', 'gold', 'silver', 'copper', 'aluminium', 'aluminum', 'nickel', 'zinc', 'iron ore', 'palm oil', 'rubber', 'platinum', 'palladium', 'lithium', 'commodity', 'commodities', 'metals', 'metal', 'raw materials', 'mining', 'miner', 'miners', 'bushel', 'bushels', 'ounce', 'ounces', 'grain', 'grains', 'barrels', 'oilseeds', 'livestock', 'smelter', 'refinery'],
  crypto: ['crypto', 'cryptocurrency', 'cryptocurrencies', 'blockchain', 'stablecoin', 'stablecoins', 'DeFi', 'decentralized finance', 'NFT', 'NFTs', 'digital assets', 'digital asset', 'altcoin', 'altcoins', 'memecoin', 'memecoins', 'Web3', 'web3', 'token', 'tokens', 'on-chain', 'halving', 'spot bitcoin ETF', 'crypto exchange'],
  funds: ['ETF', 'ETFs', 'exchange-traded fund', 'exchange-traded funds', 'mutual fund', 'mutual funds', 'hedge fund', 'hedge funds', 'asset manager', 'asset managers', 'fund manager', 'fund managers', 'inflows', 'outflows', 'assets under management', 'private equity', 'portfolio manager'],
  ai: ['AI', 'A.I.', 'artificial intelligence', 'generative AI', 'machine learning', 'large language model', 'large language models', 'LLM', 'LLMs', 'chatbot', 'chatbots', 'AI model', 'AI models', 'data center', 'data centers', 'data centre', 'data centres', 'GPU', 'GPUs', 'AGI', 'neural network', 'inference', 'AI chips'],
  earnings: ['earnings', 'quarterly results', 'quarterly profit', 'quarterly earnings', 'profit', 'profits', 'net income', 'net profit', 'EPS', 'earnings per share', 'per share', 'fiscal year', 'net loss', 'operating income', 'operating profit', 'first-quarter', 'second-quarter', 'third-quarter', 'fourth-quarter', 'first quarter', 'second quarter', 'third quarter', 'fourth quarter', 'Q1', 'Q2', 'Q3', 'Q4', 'beat estimates', 'missed estimates', 'analysts expected', 'shr', 'qtr', 'revs', 'cts', 'oper'],
  ipo: ['IPO', 'IPOs', 'initial public offering', 'initial public offerings', 'public offering', 'go public', 'going public', 'went public', 'listing', 'listings', 'debut', 'debuts', 'trading debut', 'market debut', 'flotation', 'SPAC', 'direct listing', 'priced its', 'share sale', 'share sales', 'float'],
  'monetary-policy': ['interest rate', 'interest rates', 'rate cut', 'rate cuts', 'rate hike', 'rate hikes', 'rate increase', 'rate increases', 'policy rate', 'benchmark rate', 'key rate', 'lending rate', 'monetary policy', 'central bank', 'central banks', 'quantitative easing', 'QE', 'basis points', 'basis point', 'repo rate', 'discount rate', 'prime rate', 'fed funds', 'federal funds', 'inflation target', 'forward guidance', 'hawkish', 'dovish', 'reserve requirement', 'money supply', 'rate decision', 'policy meeting', 'rate-setting'],
  inflation: ['inflation', 'inflationary', 'consumer prices', 'consumer price index', 'CPI', 'PPI', 'producer prices', 'producer price index', 'deflation', 'disinflation', 'price pressures', 'cost of living', 'cost-of-living', 'PCE', 'stagflation', 'wholesale prices', 'core prices'],
  economy: ['economy', 'economic', 'economies', 'GDP', 'gross domestic product', 'economic growth', 'recession', 'unemployment', 'jobless', 'jobs report', 'payrolls', 'nonfarm', 'PMI', 'purchasing managers', 'manufacturing activity', 'factory activity', 'industrial output', 'industrial production', 'retail sales', 'consumer spending', 'consumer confidence', 'stimulus', 'fiscal', 'budget deficit', 'current account', 'slowdown', 'GNP'],
  trade: ['tariff', 'tariffs', 'trade war', 'trade deal', 'trade talks', 'trade deficit', 'trade surplus', 'trade balance', 'trade policy', 'trade policies', 'trade tensions', 'trade dispute', 'trade disputes', 'trade barriers', 'trade restrictions', 'export curbs', 'export restrictions', 'trading partners', 'protectionism', 'protectionist', 'WTO', 'export controls', 'anti-dumping', 'dumping', 'free trade', 'trade agreement'],
  'm-and-a': ['merger', 'mergers', 'acquisition', 'acquisitions', 'acquire', 'acquires', 'acquired', 'acquiring', 'takeover', 'takeovers', 'buyout', 'buyouts', 'M&A', 'tender offer', 'bid for', 'agreed to buy', 'deal to buy', 'divest', 'divestiture', 'spin-off', 'spinoff', 'spin off', 'hostile bid', 'acquirer', 'merge', 'merged', 'definitive agreement', 'all-cash deal'],
  regulation: ['regulator', 'regulators', 'regulatory', 'regulation', 'regulations', 'antitrust', 'anti-trust', 'crackdown', 'compliance', 'probe', 'investigation', 'lawsuit', 'legislation', 'watchdog', 'enforcement', 'penalty', 'penalties', 'fined', 'rulebook', 'supervision', 'supervisory'],
  geopolitics: ['war', 'wars', 'sanctions', 'geopolitical', 'geopolitics', 'conflict', 'military', 'invasion', 'ceasefire', 'missile', 'missiles', 'troops', 'Ukraine', 'Taiwan Strait', 'NATO', 'election', 'elections', 'coup', 'unrest'],
  tech: ['technology', 'technologies', 'tech', 'software', 'internet', 'cloud computing', 'smartphone', 'smartphones', 'e-commerce', 'startup', 'startups', 'Silicon Valley', 'semiconductor', 'semiconductors', 'chip', 'chips', 'cybersecurity', 'computing'],
  semiconductors: ['semiconductor', 'semiconductors', 'chip', 'chips', 'chipmaker', 'chipmakers', 'foundry', 'foundries', 'wafer', 'wafers', 'GPU', 'GPUs', 'memory chips', 'DRAM', 'NAND', 'lithography'],
  ev: ['electric vehicle', 'electric vehicles', 'EV', 'EVs', 'electric car', 'electric cars', 'battery', 'batteries', 'charging', 'plug-in hybrid', 'plug-in hybrids', 'NEV', 'NEVs', 'new energy vehicle', 'new energy vehicles', 'e-mobility'],
  autos: ['automaker', 'automakers', 'carmaker', 'carmakers', 'car sales', 'vehicle sales', 'auto industry', 'autos', 'automotive', 'vehicles', 'vehicle', 'cars', 'car', 'SUV', 'SUVs', 'pickup', 'dealerships', 'auto sales'],
  property: ['property', 'properties', 'real estate', 'real-estate', 'housing', 'home prices', 'house prices', 'property developer', 'property developers', 'developer', 'developers', 'mortgage', 'mortgages', 'REIT', 'REITs', 'home sales', 'homebuilder', 'homebuilders', 'residential', 'commercial property', 'rents', 'landlord', 'landlords'],
  energy: ['oil', 'crude', 'natural gas', 'energy', 'OPEC', 'OPEC+', 'barrel', 'barrels', 'refinery', 'refineries', 'refiner', 'refiners', 'LNG', 'electricity', 'power prices', 'power plant', 'renewable', 'renewables', 'solar', 'wind power', 'coal', 'pipeline', 'pipelines', 'drilling', 'shale', 'nuclear power', 'oilfield', 'upstream', 'downstream', 'petroleum', 'gasoline', 'fuel', 'fuels', 'bpd'],
  banking: ['bank', 'banks', 'banking', 'banker', 'bankers', 'lender', 'lenders', 'loan', 'loans', 'lending', 'deposits', 'depositors', 'credit', 'capital ratio', 'capital requirements', 'Basel', 'bailout', 'net interest margin', 'non-performing loans', 'bad loans', 'NPL', 'NPLs', 'investment bank', 'investment banking', 'wealth management'],
  healthcare: ['pharmaceutical', 'pharmaceuticals', 'drug', 'drugs', 'drugmaker', 'drugmakers', 'biotech', 'biotechnology', 'healthcare', 'health care', 'vaccine', 'vaccines', 'FDA', 'clinical trial', 'clinical trials', 'hospital', 'hospitals', 'medical', 'medicine', 'medicines', 'patients', 'therapy', 'treatment'],
  utilities: ['utility', 'utilities', 'power grid', 'electricity', 'water utility', 'power company', 'grid'],
};

/**
 * Words that only hint at a topic ("exports" in a grain story, "stake" in a results story): they weigh
 * WEAK_KEYWORD_WEIGHT, so several are needed, or a stronger signal beside them.
 */
export const WEAK_TOPIC_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  trade: ['trade', 'exports', 'export', 'imports', 'import', 'exporters', 'importers', 'duties', 'quota', 'quotas', 'customs'],
  'm-and-a': ['stake', 'to buy', 'bought', 'buys', 'unit of', 'sell its', 'sale of', 'purchase', 'purchased', 'sells', 'sold', 'offer', 'tender', 'transaction', 'deal'],
  'monetary-policy': ['liquidity', 'money market', 'money markets', 'tightening', 'easing'],
  fx: ['intervention', 'intervene', 'peg', 'appreciation', 'depreciation'],
  commodities: ['futures', 'mine', 'tonnes', 'tons', 'crop', 'crops', 'harvest'],
  tech: ['online', 'digital', 'platform', 'app', 'apps', 'cloud'],
  regulation: ['rules', 'approval', 'ban', 'banned', 'license', 'licence'],
  earnings: ['results', 'revenue', 'revenues', 'guidance', 'dividend', 'dividends'],
};
export const WEAK_KEYWORD_WEIGHT = 0.35;

/** How much one keyword hit weighs. Broad words ("stock", "bank") signal less than specific ones. */
export const TOPIC_KEYWORD_WEIGHTS: Readonly<Record<string, number>> = {
  equities: 0.5,
  tech: 0.6,
  banking: 0.6,
  autos: 0.6,
  healthcare: 0.6,
  utilities: 0.6,
  property: 0.7,
  economy: 0.7,
  geopolitics: 0.7,
  regulation: 0.7,
  bonds: 0.7,
  commodities: 0.8,
};
