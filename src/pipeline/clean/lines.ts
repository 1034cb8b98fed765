import { everyWordIn, hasStopword, isAsciiLetter, stopwordDensity, STOPWORDS, wordCount, words } from '../text/index.ts';

/**
 * `junk`: boilerplate whatever its place. `good`: prose, kept. `short`: a heading, name or fragment
 * whose fate depends on its neighbours (a subheading between paragraphs stays; a tail of them goes).
 */
export type LineKind = 'junk' | 'good' | 'short';

// A line's closing full stop, with any quotes or brackets after it (as /[.!?…。！？]["”’')\]]*$/),
// read backwards from the end: the pattern is tried at every position of the line.
const STOPS = '.!?…。！？';
const CLOSERS = `"”’')]`;

function endsTerminal(line: string): boolean {
  let index = line.length - 1;
  while (index >= 0 && CLOSERS.includes(line.charAt(index))) index -= 1;
  return index >= 0 && STOPS.includes(line.charAt(index));
}

// Whole-line markers left where an ad, a widget or a share bar was. Compared letters-only, lowercased.
const MARKERS = new Set(
  [
    'ad', 'ads', 'advert', 'advertisement', 'advertisements', 'sponsored', 'sponsored content', 'promoted',
    'promoted content', 'paid content', 'paid post', 'partner content', 'story continues below',
    'article continues below', 'continue reading', 'continue reading below', 'continue reading the main story',
    'scroll to continue', 'scroll to continue with content', 'skip advertisement', 'ad feedback',
    'report this ad', 'advertise with us', 'close', 'menu', 'share', 'share this', 'share this article',
    'share this story', 'share article', 'tweet', 'print', 'email', 'copy link', 'link copied', 'comments',
    'comment', 'view comments', 'show comments', 'leave a comment', 'add a comment', 'listen', 'listen to this article',
    'play', 'watch', 'watch now', 'watch live', 'read more', 'see more', 'load more', 'show more', 'back to top',
    'next', 'previous', 'next article', 'previous article', 'related', 'related articles', 'related stories',
    'related content', 'recommended', 'trending', 'most read', 'most popular', 'top stories', 'more stories',
    'more news', 'latest news', 'tags', 'topics', 'contact', 'contacts', 'media contact', 'media contacts',
    'follow', 'follow us', 'subscribe', 'sign in', 'log in', 'register', 'newsletter', 'home', 'photo', 'image',
    'video', 'getty images', 'istock', 'istockphoto', 'shutterstock', 'reprints', 'permissions', 'save',
    'saved', 'bookmark', 'font size', 'text size', 'audio', 'gallery', 'view gallery', 'expand', 'collapse',
  ].map((marker) => marker.replace(/[^a-z]/g, '')),
);

const SOCIAL_WORDS = new Set(
  'facebook twitter x linkedin email e-mail mail whatsapp telegram reddit pinterest flipboard copy link share tweet print messenger youtube instagram tiktok discord github medium forum rss sms on via us and the this article story'.split(' '),
);

const READING_TIME = /^\d+\s*(min(ute)?s?|hours?)\s*(read|listen)$/i;
const NUMBERS_ONLY = /^[\d\s.,:;#/()+-]{1,14}$/;
const PUNCTUATION_ONLY = /^[\p{P}\p{S}\s]+$/u;
const URL = /(?:https?:\/\/|www\.)\S+/i;
const URLS = new RegExp(URL.source, 'gi');
// An e-mail address with bounded parts, starting at a word start: "\S+@\S+" re-scans a long token
// from every position, which is quadratic on a page-long token or a run of "@".
const EMAIL_ADDRESS = String.raw`(?<![^\s<(\[:;,])[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,24}\b`;
const EMAIL = new RegExp(String.raw`\[email\s*protected\]|${EMAIL_ADDRESS}`, 'i');
const EMAILS = new RegExp(EMAIL.source, 'gi');
const PHONE_ONLY = /^[+()\d\s./-]{7,}$/;
const MAX_MARKER_LETTERS = 40;

/** EMAIL.test(text), run only when the text holds the "@" or "[" it needs. */
function hasEmail(text: string): boolean {
  return (text.includes('@') || text.includes('[')) && EMAIL.test(text);
}

const CTA_START = new RegExp(
  '^[^\\p{L}\\p{N}]*(?:join (?:us|our|the|now|today|over|thousands|lakhs|millions|\\d)|subscribe\\b|sign up|sign in to|log in to|' +
    'register (?:now|here|today|for)|download (?:now|the|our|it|free)|install (?:the|our)|click (?:here|the|on|below|to)|' +
    'tap (?:here|the|to)|follow us|follow @|buy (?:now(?!,? pay later)|here|today|(?:\\S+ ){0,3}(?:tokens?|coins?) (?:here|now|today))|' +
    'claim (?:your|now|the)|grab (?:your|the|now)|unlock (?:your|the|full|exclusive)|get (?:started|access|your|the app|it now|\\d+%)|' +
    'open (?:a|an|your) (?:free )?(?:\\S+ )?account|start (?:trading|investing|your|now|for free)|try (?:it )?(?:free|now|today)|' +
    'learn more|find out more|read more|see more|discover more|watch (?:now|live|more|the (?:video|full))|' +
    'listen (?:now|and subscribe|on|to (?:the|our) podcast)|check out (?:our|the latest)|don.?t miss|visit (?:our|us|the website)|' +
    'create (?:an|a free|your) account|invest (?:now|today)|trade (?:now|with us)|apply now|book (?:now|a demo)|request (?:a demo|access))(?=$|[\\s!:.,>])',
  'iu',
);
const CTA_ANYWHERE =
  /\b(sign(?:ing)? up|subscribe to|click here|click the link|download (?:the|our) app|free trial|terms (?:and|&) conditions|privacy policy|promo code|use (?:the )?code|limited[- ]time offer|create (?:an|a free) account|open (?:a|an|your) (?:free )?(?:\S+ )?account|join (?:us|our|the (?:club|community|conversation))|follow us|learn more|find out more|buy now(?!,? pay later)|register now|apply now|get started|start trading|start investing)\b|>>|<</i;
const URGENCY = /\b(?:you|your|yours|here|free)\b|!|>>/i;
const SIGN_UP_VERB = /\b(?:download|subscribe|sign up|register|install)\b/i;

const DISCLAIMER_START = /^[^\p{L}]*(disclaimer|disclosure|legal disclaimer|risk (?:warning|disclosure)|important (?:notice|information)|editorial (?:note|disclaimer)|note from the editor)s?\b/iu;
const DISCLAIMER_PHRASES = [
  /\b(?:not|never|nor)\b[^.]{0,60}\b(?:investment|financial|trading|legal|tax) advice\b/i,
  /\b(?:informational|information|educational|general information) purposes only\b/i,
  /\bsubject to market risks?\b/i,
  /\bread (?:all )?(?:the )?(?:related|offer|scheme) documents?\b/i,
  /\bdo(?:es)? not (?:necessarily )?reflect the (?:views?|opinions?|position)\b/i,
  /\bviews (?:and|&) opinions expressed\b/i,
  /\bopinions? expressed (?:here|herein|in this)\b/i,
  /\bsponsored (?:press release|post|article|content|story)\b/i,
  /\bpaid (?:press release|promotion|post|partnership)\b/i,
  /\bdo your own research\b/i,
  /\bpast performance (?:is not|does not|doesn't|is no)\b/i,
  /\binvest(?:ing)? at your own risk\b/i,
  /\bconsult (?:a|an|your) (?:licensed |independent |qualified )?(?:financial|investment|tax) (?:adviser|advisor|professional)\b/i,
  /\baffiliate (?:links?|commissions?|partners?)\b/i,
  /\bwe may (?:earn|receive) (?:a )?(?:commission|compensation)\b/i,
  /\bdisclosure policy\b/i,
];
// The phrases as one pattern: one pass over a line instead of one per phrase.
const DISCLAIMER_PHRASE = new RegExp(DISCLAIMER_PHRASES.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');

const TRAILER_LINE = /^[([]?\s*(?:additional |contributing |further )?(?:reporting|editing|writing|compiled|edited|written|graphics?|research|produced|fact[- ]checked|translated|production)(?: and [a-z]+)? by\b/i;
const CONTRIBUTED = /\bcontributed (?:reporting )?to this (?:report|story|article)\b|^(?:—|--)?\s*(?:with )?(?:additional )?reporting (?:from|by)\b/i;
const COPYRIGHT = /^[^\p{L}]*(?:©|\(c\)|copyright\b)|\ball rights reserved\b|^our standards\s*:/iu;
const ORIGINALLY = /^(?:this (?:article|story|post|piece|report) (?:was|is|has been|first|originally) (?:originally |first )?(?:published|posted|appeared)|originally published (?:on|at|in|by)|first published (?:on|in|at|by)|a version of this (?:article|story))/i;
const EDITOR_NOTE = /^editor'?s'? note\s*[:—-]/i;

const RELATED =
  /^[^\p{L}]*(?:read more|read also|also read|see also|related(?: reading| articles?| stories| news| coverage| content| posts?)?|recommended(?: reading| stories| for you)?|more from|more on this|more news|more stories|you (?:may|might) also like|further reading|trending(?: now| stories| on\b.*)?|most (?:read|popular|viewed|shared)|top stories|popular (?:now|stories|posts)|editor'?s picks|don'?t miss|must read|what to read next|read next|up next|latest (?:news|stories|articles)|in case you missed it|icymi)\b/iu;
const RELATED_END = /\b(?:related|similar|recommended|more|latest|trending|popular) (?:articles|stories|posts|news|reads)$/i;

const CAPTION_LABEL = /(?:^|[|(]\s*|\.\s+)(?:featured image|image source|image credit|photo credit|images?|photos?|photograph|picture|illustration|charts?|graphics?|sources?|credits?|art|video|screenshot)\s*:/i;
const CREDIT_BY = /\b(?:featured image|images?|photos?|illustration|charts?|graphics?|pictures?|photograph)\s+(?:by|from|via|courtesy(?: of)?|credit)\b/i;
const PHOTO_AGENCY = /\b(?:getty images|istock(?:photo)?|shutterstock|ap photo|afp via getty|bloomberg via getty|alamy|unsplash|pixabay|pexels|adobe stock|tradingview(?:\.com)?)\b/i;
const NEWSLETTER = /\bnewsletter\b/i;
const NEWSLETTER_PROMO = /\b(?:sign|subscribe|inbox|delivered|email|daily|weekly|free|our)\b/i;

const BYLINE = /^(?:(?:written|posted|reviewed|edited|fact[- ]checked|reporting) )?by\s+\p{Lu}/iu;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b/i;
const DATE_WORDS = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(?:am|pm|a\.m\.|p\.m\.|[ecmp][sd]?t|gmt|utc|bst|cet|hkt|ist|updated|published|posted|last|modified|on|at|ago|hours?|hrs?|minutes?|mins?|days?|weeks?|read|th|st|nd|rd)\b|[\d:,.|/—–-]/gi;

/** Classifies one paragraph on its own; the cleaner then resolves `short` lines by context. */
export function classifyLine(line: string, count = wordCount(line)): LineKind {
  if (junkReason(line, count) !== null) return 'junk';
  const terminal = endsTerminal(line);
  // Long unpunctuated lines are keyword lists or menus; middling ones without a full stop are headlines.
  // The full stop is the cheaper test and settles most lines: it goes first.
  if (count >= 20) return !terminal && stopwordDensity(line) < 0.08 ? 'short' : 'good';
  if (count >= 12) return terminal ? 'good' : 'short';
  if (count >= 4 && terminal && /\p{Ll}/u.test(line) && hasStopword(line)) return 'good';
  return 'short';
}

/** A header that opens a block of links to other stories ("Related articles", "Trending on …"). */
export function isSectionBreak(line: string, count = wordCount(line)): boolean {
  return count <= 6 && (RELATED.test(line) || RELATED_END.test(line));
}

/** Removes wire-service editorial notes that open a story: "(Adds analyst quote, updates prices)". */
export function stripLeadingNote(paragraph: string): string {
  return paragraph
    .replace(/^\((?:adds|updates?|corrects|recasts|refiles|repeats|rewrites|changes|removes|fixes|clarifies|inserts|deletes|moves|writes through|releases|this (?:story|article))\b[^)]*\)\s*/i, '')
    .trim();
}

/**
 * Removes the parenthesised notes that close a wire story: credits ("(Reporting by …; Editing by …)"),
 * contact and "for more" notes, and the currency footnotes printed beside them. A credit cut off by
 * truncation (no closing parenthesis) goes too.
 */
export function stripTrailer(paragraph: string): string {
  const unlabelled = paragraph.includes('Keyword') ? paragraph.replace(/\s+Keywords?:\s*[\p{Lu}\d ,/&.-]+$/u, '') : paragraph;
  // Stray punctuation or a wire reference code ("nXYZ12AB34") after the closing parenthesis, looked
  // for only where there is one.
  const base = (unlabelled.includes(')') ? unlabelled.replace(/\)\s*(?:[.;,]+|[a-z]?[A-Z0-9]{8,12})\s*$/, ')') : unlabelled).trimEnd();
  let rest = base;
  let cut = -1;
  for (let peeled = 0; peeled < 6; peeled += 1) {
    const open = trailingGroupStart(rest);
    if (open < 0) break;
    const group = rest.slice(open + 1).replace(/\)$/, '');
    const isCurrency = /^\s*[$€£¥]?\s*1\s*=/.test(group);
    if (CREDIT.test(group) || TRAILING_NOTE.test(group) || hasEmail(group)) cut = open;
    else if (!isCurrency) break;
    rest = rest.slice(0, open).trimEnd();
  }
  const kept = cut >= 0 ? base.slice(0, cut) : base;
  // The credit needs " by ": most paragraphs have none and skip the pattern, which is tried at every space.
  return (/ by /i.test(kept) ? kept.replace(/\s*[-–—]{1,2}\s*(?:compiled|reported|written|edited) by [^.]{3,80}$/i, '') : kept).trim();
}

const CREDIT = /\b(?:reporting|editing|writing|compiled|edited|written|research|graphics?|produced|contributing|fact-?checking|translated|desking)\s+(?:by|from)\b/i;
const TRAILING_NOTE =
  /^\s*(?:for more\b|to read more\b|for pix\b|corrects\b|updates\b|adds\b|refiles\b|this (?:story|article|version)\b)|\b(?:e-?mailed to|can be sent to|questions or comments|runs weekly|click here|messaging:)|\(at\)/i;

// Index of the "(" that opens a parenthesised group ending the text, or of an unclosed one near the end.
function trailingGroupStart(text: string): number {
  if (text.endsWith(')')) {
    let depth = 0;
    for (let index = text.length - 1; index >= 0; index -= 1) {
      const character = text[index];
      if (character === ')') depth += 1;
      else if (character === '(') {
        depth -= 1;
        if (depth === 0) return index;
      }
    }
    // Unbalanced, as in "(… Editing by X))": fall back to the last opening parenthesis.
    const last = text.lastIndexOf('(');
    return last >= 0 && text.length - last <= 600 && CREDIT.test(text.slice(last)) ? last : -1;
  }
  const open = text.lastIndexOf('(');
  if (open < 0 || text.length - open > 600 || text.indexOf(')', open) >= 0) return -1;
  return CREDIT.test(text.slice(open)) ? open : -1;
}

const SENTENCE_BREAK = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u;

/**
 * Drops promotional sentences tacked onto a real paragraph ("… rose 3%. Sign up for our free
 * newsletter!"). Quoted sentences stay: a CTA inside a quote is someone's words.
 */
export function dropPromoSentences(paragraph: string): string {
  const sentences = paragraph.split(SENTENCE_BREAK);
  if (sentences.length < 2) return paragraph;
  // A sentence is rarely a call to action: that is asked first, and its quotes only then.
  const kept = sentences.filter((sentence) => !isCallToAction(sentence, () => wordCount(sentence)) || /["“”]/.test(sentence));
  return kept.length === sentences.length ? paragraph : kept.join(' ');
}

/** Why a line is boilerplate, or null when it is not; the reason names the rule (useful when tuning). */
export function junkReason(line: string, count = wordCount(line)): string | null {
  if (!/[\p{L}\p{N}]/u.test(line) || PUNCTUATION_ONLY.test(line)) return 'punctuation';
  if (isMarker(line)) return 'marker';
  if (NUMBERS_ONLY.test(line) || READING_TIME.test(line) || PHONE_ONLY.test(line)) return 'numbers';
  if (count <= 40 && isCreditOrNotice(line)) return 'credit';
  if (DISCLAIMER_START.test(line) || (count <= 150 && DISCLAIMER_PHRASE.test(line))) return 'disclaimer';
  if (count > 40) return null;
  if (isOnlyLinks(line) || isSocialBar(line) || isNavigationList(line)) return 'links';
  if (isCallToAction(line, () => count)) return 'call-to-action';
  if (count <= 25 && (RELATED.test(line) || RELATED_END.test(line))) return 'related';
  if (count <= 25 && (CAPTION_LABEL.test(line) || (count <= 20 && CREDIT_BY.test(line)) || (count <= 12 && PHOTO_AGENCY.test(line)))) return 'caption';
  if (count <= 30 && NEWSLETTER.test(line) && NEWSLETTER_PROMO.test(line)) return 'newsletter';
  if (count <= 12 && isByline(line)) return 'byline';
  if (count <= 12 && isDateStamp(line)) return 'date';
  return null;
}

/** Whether the line's letters (lower-cased, a-z only) are a whole-line marker. */
function isMarker(line: string): boolean {
  // Lower-casing turns each ASCII letter into one and other characters into at most one more, so a
  // line with over 40 ASCII letters cannot be a marker: prose is settled before it is copied.
  let asciiLetters = 0;
  for (let index = 0; index < line.length && asciiLetters <= MAX_MARKER_LETTERS; index += 1) {
    if (isAsciiLetter(line.charCodeAt(index))) asciiLetters += 1;
  }
  if (asciiLetters > MAX_MARKER_LETTERS) return false;
  const letters = line.toLowerCase().replace(/[^a-z]/g, '');
  return letters !== '' && letters.length <= MAX_MARKER_LETTERS && MARKERS.has(letters);
}

function isCreditOrNotice(line: string): boolean {
  return TRAILER_LINE.test(line) || CONTRIBUTED.test(line) || COPYRIGHT.test(line) || ORIGINALLY.test(line) || (EDITOR_NOTE.test(line) && /\b(updated|corrected|originally|this (article|story|post)|has been)\b/i.test(line));
}

/**
 * `countOf` gives the line's word count; it is asked only once a pattern has passed (each rarely
 * does), so that the many sentences dropPromoSentences checks are not counted.
 */
function isCallToAction(line: string, countOf: () => number): boolean {
  // Icon fonts leave a stray letter glued to the first word ("iJoin the club…").
  const probe = line.replace(/^[^\p{L}\p{N}]*[a-z](?=\p{Lu}\p{Ll})/u, '');
  if (CTA_START.test(probe) && countOf() <= 30) return true;
  // A short unpunctuated line built around a sign-up verb is a button or a banner.
  if (!endsTerminal(line) && SIGN_UP_VERB.test(line) && countOf() <= 12) return true;
  // Urgency is the cheaper test and rarely passes: it goes first.
  return URGENCY.test(line) && CTA_ANYWHERE.test(line) && countOf() <= 40;
}

// A line that is a URL, an e-mail or a "Label: URL" pair.
function isOnlyLinks(line: string): boolean {
  if (!URL.test(line) && !hasEmail(line)) return false;
  const rest = line.replace(URLS, ' ').replace(EMAILS, ' ');
  return wordCount(rest) <= 3;
}

function isSocialBar(line: string): boolean {
  return everyWordIn(line, SOCIAL_WORDS, 2);
}

const SEPARATOR = /[|•·»]/;

// "Markets | Tech | Crypto | Video" or "Website • Telegram • Twitter": menus and link rows.
function isNavigationList(line: string): boolean {
  // Without a separator the line is one segment: most lines are settled by this test, and not split.
  if (!SEPARATOR.test(line)) return false;
  const segments = line.split(/\s*[|•·»]\s*/).filter((segment) => segment.trim() !== '');
  if (segments.length < 3) return false;
  return segments.every((segment) => wordCount(segment) <= 4 && !endsTerminal(segment.trim()));
}

function isByline(line: string): boolean {
  if (!BYLINE.test(line)) return false;
  const afterBy = line.replace(/^.*?\bby\s+/i, '');
  if (/[.!?]$/.test(afterBy) && !/\b\p{Lu}\.$/u.test(afterBy)) return false;
  const lowerWords = words(afterBy).filter((word) => STOPWORDS.has(word) && word !== 'and' && word !== 'by');
  return lowerWords.length === 0;
}

// A line that is only a date or time ("December 6, 2016 — 6:22 PM EST", "Updated 2 hours ago"), or a place plus a date.
function isDateStamp(line: string): boolean {
  if (!/\d/.test(line)) return false;
  const remainder = line.replace(DATE_WORDS, ' ').replace(/[^\p{L}]+/gu, ' ').trim();
  if (remainder.length < 2) return true;
  return MONTH.test(line) && /\b\d{4}\b/.test(line) && !hasStopword(line) && wordCount(line) <= 10;
}

