import { type Article, findFigures, type Mover } from '../domain/index.ts';
import { entityPattern, type ReferenceIndex, splitSentences } from '../pipeline/index.ts';

/** An entity that moved, with the figure and the words the article used for it. */
const UP = /\b(?:rose|rise[sn]?|rising|climb(?:ed|s|ing)?|gain(?:ed|s|ing)?|jump(?:ed|s|ing)?|surg(?:e|ed|es|ing)|rall(?:y|ied|ies|ying)|soar(?:ed|s|ing)?|advanc(?:e|ed|es|ing)|rebound(?:ed|s|ing)?|up|higher|increas(?:e|ed|es|ing)|added|spik(?:e|ed|es|ing)|leap(?:t|ed|s)?)\b/i;
const DOWN = /\b(?:fell|fall(?:s|ing|en)?|drop(?:ped|s|ping)?|declin(?:e|ed|es|ing)|slump(?:ed|s|ing)?|plung(?:e|ed|es|ing)|tumbl(?:e|ed|es|ing)|sli(?:d|de|des|ding)|lost|los(?:e|es|ing)|down|lower|sank|sink(?:s|ing)?|shed|slipp(?:ed|ing)|slip(?:s)?|decreas(?:e|ed|es|ing)|crash(?:ed|es|ing)?|retreat(?:ed|s|ing)?)\b/i;
/** How close (in characters) a direction word must stand to the figure. */
const NEAR = 48;
const MOVER_TYPES = new Set(['index', 'company', 'crypto', 'commodity', 'currency']);

/**
 * Splits a sentence where it turns to another subject, so a figure is credited to the entity
 * its own clause names: "Ether dropped 5% and Solana slid 7%", "…, whereas the Hang Seng had
 * dropped 33%". A conjunction followed by a capitalised word (optionally after "the") starts a
 * new clause.
 */
function clauses(sentence: string): string[] {
  return sentence
    .split(/;|,?\s+(?:and|while|whereas|but|although|though)\s+(?=(?:the\s+|its\s+)?\p{Lu})|,?\s+(?:while|whereas|although|though)\s+|,\s+(?=(?:the|its|their)\s)/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function directionNear(clause: string, index: number, length: number): 'up' | 'down' | null {
  const window = clause.slice(Math.max(0, index - NEAR), index + length + NEAR);
  const up = UP.exec(window);
  const down = DOWN.exec(window);
  if (up !== null && down === null) return 'up';
  if (down !== null && up === null) return 'down';
  if (up !== null && down !== null) {
    // Both: the word nearer the figure decides.
    const figureAt = Math.min(index, NEAR);
    return Math.abs(up.index - figureAt) <= Math.abs(down.index - figureAt) ? 'up' : 'down';
  }
  return null;
}

interface Mention {
  entityId: string;
  start: number;
  end: number;
}

/** Every place the clause names one of the candidate entities, in order (patterns are global). */
function mentionsIn(clause: string, candidates: ReadonlyArray<{ id: string; pattern: RegExp }>): Mention[] {
  const found: Mention[] = [];
  for (const candidate of candidates) {
    for (const match of clause.matchAll(candidate.pattern)) {
      found.push({ entityId: candidate.id, start: match.index, end: match.index + match[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "2.6 percent at Citigroup": a figure followed by at/for/in/on and a name belongs to that name. */
const LIST_LINK = /^\s*(?:at|for|in|on)\s+(?:the\s+)?$/i;

/**
 * Whose move a figure is: the entity a list names right after it ("2.6 percent at Citigroup"),
 * else the subject named before it in its clause ("Nikko edged up 0.1% to 1,686 yen": not the yen).
 */
function ownerOf(clause: string, figure: { index: number; text: string }, mentions: readonly Mention[]): string | null {
  const figureEnd = figure.index + figure.text.length;
  const after = mentions.find((mention) => mention.start >= figureEnd && LIST_LINK.test(clause.slice(figureEnd, mention.start)));
  if (after !== undefined) return after.entityId;
  const before = mentions.filter((mention) => mention.end <= figure.index);
  return before.at(-1)?.entityId ?? null;
}

/**
 * Entities whose move the articles state with a percentage, at most one per entity,
 * from the first article (in the order given) that states it.
 */
export function findMovers(articles: readonly Article[], reference: ReferenceIndex, limit = 6): Mover[] {
  const movers: Mover[] = [];
  const seen = new Set<string>();
  for (const article of articles) {
    const candidates = article.entities.flatMap((mention) => {
      const entity = MOVER_TYPES.has(mention.type) ? reference.get(mention.id) : undefined;
      const pattern = entity === undefined ? null : entityPattern(entity);
      // Global once per article: matchAll works on a copy, so the pattern is reused for every clause.
      return pattern === null ? [] : [{ id: mention.id, pattern: new RegExp(pattern.source, 'gu') }];
    });
    if (candidates.length === 0) continue;
    const found = new Map<string, Omit<Mover, 'name' | 'ticker' | 'entityId'>>();
    for (const sentence of splitSentences(article.text)) {
      for (const clause of clauses(sentence)) {
        const mentions = mentionsIn(clause, candidates);
        if (mentions.length === 0) continue;
        for (const figure of findFigures(clause)) {
          if (figure.kind !== 'percent') continue;
          const owner = ownerOf(clause, figure, mentions);
          if (owner === null || found.has(owner)) continue;
          const direction = directionNear(clause, figure.index, figure.text.length);
          if (direction !== null) found.set(owner, { direction, figure: figure.text, excerpt: clause, articleId: article.id });
        }
      }
    }
    // Most-mentioned entities first, as the article ranks them.
    for (const mention of article.entities) {
      const move = found.get(mention.id);
      if (move === undefined || seen.has(mention.id)) continue;
      movers.push({ entityId: mention.id, name: mention.name, ticker: mention.ticker, ...move });
      seen.add(mention.id);
      if (movers.length >= limit) return movers;
    }
  }
  return movers;
}
