// Extractive text hygiene: a sentence taken from an article is shown as the bot's own line, so it
// must read as one finished sentence. Bullet marks, desk slugs and bylines glued to its start go;
// a line without a full stop gets one; a half quotation (a quote that runs over several sentences,
// cut by the splitter), a figure cut off by a truncated feed ("... rising 0.") and promotional or
// self-referential lines about the publisher's own products, and lines that only say someone would
// not comment, are not shown at all.

import { isHeadingOnly, leadingHeadingLength } from '../../pipeline/index.ts';
import { onlyDeclinesComment } from './no-comment.ts';

// Bullet marks opening a line, and bullet marks left inside a line when list items were joined.
// ("*Analysts say" has lost its space; a dash needs one, so "-5%" keeps its sign).
const LEADING_BULLETS = /^(?:[*•·▪●◦]+\s*|[-–—>]+\s+)+/u;
const INNER_BULLETS = /(\S)\s+[*•▪●◦]\s+/gu;
const FIRST_INNER_BULLET = new RegExp(INNER_BULLETS.source, 'u');
// A desk slug or a subheading run into the text: three or more upper-case words ("COMPANY CLOSE
// UPDATES", "JOBLESS RATE NEAR 10 PERCENT"), then the sentence proper. When a lower-case word follows,
// the last upper-case word is that sentence's subject ("CHINA PLANS BAIC intends ...").
const DESK_SLUG = /^\p{Lu}[\p{Lu}&'’/-]+\s+(?:[\p{Lu}\p{N}][\p{Lu}\p{N}&'’/.%-]*\s+){2,}/u;
// A byline: "By Jane Doe", or after a desk slug a bare name of two or three capitalised words,
// followed by the capitalised word that opens the sentence proper.
const BY_LINE =
  /^By\s+\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}(?:\s+and\s+\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})?\s+(?=\p{Lu})/u;
// The sentence proper must open with a typical first word, so a company name after a slug stays.
const BARE_NAME =
  /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}\s+(?=(?:Shares|Stocks|Investors|Analysts|The|A|An|In|On|At|As|After|While|With|For|It|This|U\.S\.)\s)/u;
const TERMINAL = /[.!?…]["'”’)\]]*$/u;
const OPEN_END = /[,;:–—-]\s*$/u;
// A figure the source cut off: a short bare number after a move or a preposition of amount closes
// the text ("rising 0.", "down 1.", "by 2."); dates ("on January 17.") and years stay.
const CUT_FIGURE =
  /\b(?:ris(?:e|es|ing)|rose|fall(?:s|ing)?|fell|up|down|gain(?:s|ed|ing)?|los(?:e|es|ing|t)|add(?:s|ed|ing)|shed(?:s|ding)?|climb(?:s|ed|ing)?|drop(?:s|ped|ping)?|slip(?:s|ped|ping)?|jump(?:s|ed|ing)?|advanc(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|by|to|of|at|from|about|nearly|almost|around)\s+[-+$€£¥]?\d{1,3}\.$/iu;
const CUT_ELLIPSIS = /(?:\.{3}|…)$/u;
// Promotion of the publisher itself: its paid products, apps and sign-up pages, and the slogans
// built around them ("Before it's here, it's on the Bloomberg Terminal.").
const PUBLISHER = String.raw`(?:Bloomberg|Reuters|CNBC|WSJ|Wall Street Journal|Barron['’]s|MarketWatch|FT|Financial Times|Yahoo(?: Finance)?|Benzinga|Motley Fool|Zacks|Seeking Alpha|Investing\.com|Morningstar|TheStreet|Kiplinger|Forbes|Business Insider|Insider|CoinDesk|Cointelegraph|Decrypt|The Block|Nasdaq\.com)`;
const PRODUCT = String.raw`(?:Terminal|Pro|Plus|Premium|Gold|Edge|Professional|Anywhere|app|apps|newsletters?|podcasts?|Rank|Investor|Stock Advisor|Research|Eikon|Workspace|Connect|Subscriber|subscription|membership|Daily|Brief|Alerts?)`;
const PROMOTION = [
  new RegExp(String.raw`\b${PUBLISHER}\s+${PRODUCT}\b`, 'iu'),
  /\b(?:first|before|ahead) (?:it['’]s|it is) (?:here|news|everywhere)\b|\bbefore (?:it['’]s|it is) (?:here|news)\b/iu,
  /\b(?:our|the) (?:free|daily|weekly) (?:newsletter|briefing|email)\b|\bsubscribers? (?:only|get|can)\b|\bunlimited access\b|\bpremium (?:content|members?|subscribers?)\b/iu,
];

/**
 * The sentence as it should be shown, or null when it should not be shown at all. `last` marks the
 * text's final sentence, where truncation by a feed shows.
 */
export function tidySentence(sentence: string, last = false): string | null {
  // Joined list items: a bullet after a colon or a full stop is a space, elsewhere it separates
  // clauses; after upper-case words only it ends their heading ("KEY POINTS: RETAIL SALES * Sales fell").
  let text = sentence.replace(LEADING_BULLETS, '');
  const bullet = FIRST_INNER_BULLET.exec(text);
  if (bullet !== null && isHeadingOnly(text.slice(0, bullet.index + 1))) text = text.slice(bullet.index + bullet[0].length);
  text = text.replace(INNER_BULLETS, (_match, before: string) => (/[:;.!?]/.test(before) ? `${before} ` : `${before}; `)).trim();
  // A heading alone is no sentence; one run into the sentence (stored before the cleaner set them
  // apart, see pipeline/clean/headings.ts) goes like a desk slug.
  if (isHeadingOnly(text)) return null;
  const heading = leadingHeadingLength(text);
  const slug = DESK_SLUG.exec(text)?.[0] ?? (heading > 0 ? text.slice(0, heading) : undefined);
  if (slug !== undefined) {
    const rest = text.slice(slug.length);
    if (/^\p{Ll}/u.test(rest)) text = text.slice(slug.trimEnd().search(/\S+$/u));
    else if (rest !== '') text = rest.slice(BARE_NAME.exec(rest)?.[0].length ?? 0);
  }
  text = text.slice(BY_LINE.exec(text)?.[0].length ?? 0);
  if (text === '' || PROMOTION.some((pattern) => pattern.test(text)) || !quotesBalanced(text) || onlyDeclinesComment(text)) return null;
  if (last && (CUT_FIGURE.test(text) || CUT_ELLIPSIS.test(text))) {
    const clauseEnd = text.lastIndexOf(',');
    if (clauseEnd < 0) return null;
    text = text.slice(0, clauseEnd);
  }
  if (OPEN_END.test(text)) return null; // a lead-in ("He said:") or a line cut mid-clause
  return TERMINAL.test(text) ? text : `${text}.`;
}

// Double quotation marks come in pairs; a sentence holding half a quotation misquotes its speaker.
function quotesBalanced(text: string): boolean {
  let straight = 0;
  let depth = 0;
  for (const character of text) {
    if (character === '"') straight += 1;
    else if (character === '“') depth += 1;
    else if (character === '”') {
      depth -= 1;
      if (depth < 0) return false;
    }
  }
  return straight % 2 === 0 && depth === 0;
}
