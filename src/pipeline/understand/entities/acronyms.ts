/**
 * Acronyms that are also tickers but, written bare, nearly always mean the acronym. Cashtags, RICs and
 * exchange prefixes still resolve them ("$AI", "(NYSE: ALL)").
 */
export const ACRONYMS = new Set([
  'AI', 'IT', 'ON', 'ALL', 'NOW', 'CEO', 'CFO', 'COO', 'CTO', 'CIO', 'IPO', 'IPOS', 'ETF', 'ETFS', 'GDP', 'CPI', 'PPI', 'PMI', 'PCE', 'EPS', 'EV',
  'EVS', 'USA', 'US', 'UK', 'EU', 'UN', 'IMF', 'OPEC', 'ESG', 'API', 'AGM', 'EBIT', 'YOY', 'QOQ', 'ICE', 'DOJ', 'FBI', 'CIA', 'NASA',
  'FDA', 'EPA', 'IRS', 'NATO', 'WHO', 'WTO', 'HK', 'PC', 'TV', 'AM', 'PM', 'NEW', 'BIG', 'ONE', 'TWO', 'CAN', 'ARE', 'SEE', 'FOR', 'AND',
  'THE', 'ANY', 'OUT', 'BEST', 'REAL', 'SAFE', 'TECH', 'GOOD', 'LIFE', 'CASH', 'FUND', 'BOND', 'DEBT', 'RATE', 'NEWS', 'FREE', 'SPAC',
  'LLC', 'INC', 'LTD', 'PLC', 'CORP', 'GAAP', 'IFRS', 'SME', 'SMES', 'VAT', 'GST', 'ROI', 'ROE', 'NAV', 'AUM', 'OTC', 'RBI', 'ATM', 'APP',
  'APPS', 'CEOS', 'FAQ', 'DNA', 'RNA', 'LED', 'GPU', 'GPUS', 'CPU', 'AR', 'VR', 'ML', 'IOT', 'SAAS', 'USB', 'HR', 'PR', 'IQ', 'OK', 'NFT',
  'NFTS', 'DEFI', 'DAO', 'KYC', 'AML', 'WTI', 'LNG', 'BPS', 'YTD', 'MOM', 'FOMC', 'ECB', 'ESMA', 'MSCI', 'FTSE', 'NYSE', 'ADR', 'ADRS',
  'CAGR', 'MBA', 'PHD', 'CNBC', 'BBC', 'CNN', 'FT', 'WSJ', 'AP', 'AFP', 'EST', 'GMT', 'UTC', 'PST', 'EDT', 'BST', 'HKT', 'IST', 'JST',
]);
