// Company names as listings write them ("Goldman Sachs Group, Inc. (The) Common Stock", "NVIDIA CORP")
// turned into display names and the shorter forms news uses ("Goldman Sachs", "Nvidia").

const SECURITY_DESCRIPTION =
  /\s+(-\s+.*|Common Stock.*|Ordinary Shares?.*|Class [A-Z]\b.*|American Depositary.*|ADS\b.*|ADR\b.*|Depositary.*|Subordinate Voting.*|Voting Shares.*|Units?\b.*|Shares of Beneficial Interest.*)$/i;
const LEGAL_SUFFIX =
  /^(inc|incorporated|corp|corporation|co|cos|company|ltd|limited|plc|llc|lp|l\.p|sa|s\.a|ag|se|nv|n\.v|kgaa|ab|asa|spa|s\.p\.a|oyj|a\/s|bhd|berhad|tbk|pt|the|de|del|cv|sab|sa de cv|holdings?|group|cayman|international holdings)$/i;
const CONNECTORS = new Set(['&', 'and', 'of', 'the', 'de', 'la', 'du', 'des', 'der', 'und', 'y', 'for', 'in', 'on']);
// All-caps words of listings that stay capitals in display names.
const KEEP_UPPER =
  /^(?:[A-Z]{1,3}|[A-Z&]+&[A-Z&]+|[B-DF-HJ-NP-TV-Z]{2,}|AIA|BASF|BHP|BYD|CSPC|HSBC|NYSE|NASDAQ|FTSE|OMX|MSCI|TSX|NZX|KOSPI|KLCI|SMI|ATX|EGX|PHLX|CBOE|IPC|BSE|NSE|AMEX|ARCA|TMT|INTL|IBEX|DAX|CAC|AEX|STOXX|TOPIX|MICEX|TSEC|SAP|RWE|QIAGEN|GEA|MTU|UBS|ING|BNP)$/;

/** Removes share-class and security wording, parentheticals and trailing commas. */
export function cleanCompanyName(name: string): string {
  let cleaned = name.replace(/\s+/g, ' ').trim();
  cleaned = cleaned.replace(/\s*\((the|class [a-z]|[^)]*)\)\s*/gi, ' ').trim();
  cleaned = cleaned.replace(SECURITY_DESCRIPTION, '').trim();
  // SEC titles carry the state of incorporation: "AGCO CORP /DE", "PFIZER INC \\DE\\".
  cleaned = cleaned.replace(/\s*[/\\][A-Z]{2,3}[/\\]?$/i, '');
  cleaned = cleaned.replace(/[\s,/\\]+$/, '').replace(/^the\s+/i, '');
  if (cleaned === cleaned.toUpperCase() && /[A-Z]{4,}/.test(cleaned)) cleaned = displayCase(cleaned);
  return cleaned;
}

/** Title-cases an all-capitals name while keeping acronyms: "NVIDIA CORP" → "Nvidia Corp", "BYD CO LTD" → "BYD Co Ltd". */
export function displayCase(name: string): string {
  return name
    .split(/(\s+|-)/)
    .map((word, position) => {
      if (/^\s+$|^-$/.test(word) || word === '') return word;
      if (KEEP_UPPER.test(word) && !LEGAL_SUFFIX.test(word)) return word;
      const lower = word.toLowerCase();
      if (position > 0 && CONNECTORS.has(lower)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}

/**
 * The names a company goes by, longest first: the cleaned names given, and each with legal and
 * group suffixes taken off ("The Goldman Sachs Group, Inc." → "Goldman Sachs Group", "Goldman Sachs").
 */
export function companyAliases(names: readonly string[]): string[] {
  const found: string[] = [];
  const add = (alias: string): void => {
    const trimmed = alias
      .replace(/[\s,.&-]+$/, '')
      .replace(/^(the|a)\s+/i, '')
      .trim();
    if (trimmed.length < 2 || /^\d+$/.test(trimmed) || LEGAL_SUFFIX.test(trimmed)) return;
    if (!found.some((existing) => existing.toLowerCase() === trimmed.toLowerCase())) found.push(trimmed);
  };
  for (const name of names) {
    const cleaned = cleanCompanyName(name);
    add(cleaned);
    const words = cleaned
      .replace(/,/g, ' ')
      .split(/\s+/)
      .filter((word) => word !== '');
    let end = words.length;
    let removedLegal = false;
    while (end > 1) {
      const last = (words[end - 1] ?? '').replace(/\.$/, '');
      const previous = words[end - 2] ?? '';
      if (LEGAL_SUFFIX.test(last) && !(previous === '&' || previous.toLowerCase() === 'and')) end -= 1;
      else if (last === '&' || last.toLowerCase() === 'and') end -= 1;
      else if ((previous === '&' || previous.toLowerCase() === 'and') && /^(co|company|cos|companies)\.?$/i.test(last)) {
        // "Cohen & Co" names a firm; "Cohen" alone is usually a person.
        if (end - 2 <= 1) break;
        end -= 2;
      } else break;
      removedLegal = true;
      if (!/^(holdings?|group)$/i.test(last)) add(words.slice(0, end).join(' '));
    }
    if (removedLegal) add(words.slice(0, end).join(' '));
  }
  return found.sort((left, right) => right.length - left.length);
}

/** A stable id fragment: "Goldman Sachs" → "goldman-sachs", "S&P 500" → "s-and-p-500". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
