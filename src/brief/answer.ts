import type { AnswerCandidate, Article, Reply, SourceRef } from '../domain/index.ts';
import type { AnswerWriter, SearchHit, Store } from '../ports/index.ts';
import { type PersonLine, peopleAnswer } from './people-answer.ts';
import { quotingAnswerWriter } from './quote-answer.ts';
import { actsIn, asksWhatWasDone } from './agent.ts';
import { tidySentence } from './extractive/index.ts';
import { asksAboutMarket, marketWords } from './market-subject.ts';
import { tellsHistory } from './history.ts';
import { movesAsAsked, movesTheWayAsked } from './moves-as-asked.ts';
import { asksWhy, givesCause, matchesFocus, questionFocus, stem, withOtherForms } from './relevance.ts';
import { entityNames, type ReferenceEntity, type ReferenceIndex, splitSentences, type WholeWords } from '../pipeline/index.ts';

const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his how i ' +
    'if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she ' +
    'should so some such than that the their them then there these they this those through to too under until up very was we ' +
    'were what when where which while who whom why will with would you your latest news today recently happened happening ' +
    'tell say said says think going market markets stock stocks'
  ).split(' '),
);

function contentWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}&.'’-]*/gu) ?? [])
    .map((word) => word.replace(/[.'’-]+$/u, ''))
    .filter((word) => word.length > 1 && !STOPWORDS.has(word.toLowerCase()));
}

interface Candidate extends AnswerCandidate {
  score: number;
  /** Whether what the question asks about moves in it as asked (relevance.ts, movesAsAsked). */
  moves: boolean;
}

const MAX_ARTICLES = 8;
/**
 * A search would rank every article holding the words (half a large store for a common word, and
 * every-word matches grow with the store too), so it ranks the newest matches only: at most this
 * many, whatever the store's size.
 */
export const RANKED_AMONG_NEWEST = 20_000;
/**
 * Finding the every-word matches walks the words' doclists back until it has RANKED_AMONG_NEWEST
 * of them, to the oldest article when they are few but the words common: so a search reaches back
 * through the newest this many stored articles only (the whole 100k bench store, a tenth of the 1M
 * one; docs/performance.md, "/ask at 1M").
 */
export const SEARCHED_AMONG_NEWEST_STORED = 100_000;
/** Recency: up to this much is added for the newest retrieved article, halving every RECENCY_HALF_LIFE_DAYS older. */
const RECENCY_WEIGHT = 0.5;
const RECENCY_HALF_LIFE_DAYS = 90;
/** Added when the question asks what an entity did and the sentence has it acting (agent.ts). */
const AGENT_BONUS = 0.5;
const CAUSE_BONUS = 0.5;
/** Added when what the question asks about moves in the sentence as asked ("Spot gold rises …" for "why did gold rise"). */
const MOVE_BONUS = 0.5;

/**
 * A move is an event: "why did stocks fall" asks about the latest fall, so for a move question
 * recency weighs as much as a shared word and halves every few days.
 */
const MOVE_RECENCY = { weight: 1, halfLifeDays: 3 };
const RECENCY = { weight: RECENCY_WEIGHT, halfLifeDays: RECENCY_HALF_LIFE_DAYS };
/**
 * A move question reads the newest this many matches: its words ("stocks", "fell") are in half of
 * all market news, so the full-text rank tells little, and the latest move is the one asked about.
 */
const MOVE_AMONG_NEWEST = 12;

/** When the article was published (else ingested), in ms; 0 when neither date reads. */
function publishedTime(article: Article): number {
  const at = Date.parse(article.publishedAt ?? article.ingestedAt);
  return Number.isFinite(at) ? at : 0;
}

function recencyBonus(article: Article, newest: number, recency: { weight: number; halfLifeDays: number }): number {
  const at = publishedTime(article);
  if (at === 0) return 0;
  return recency.weight * 0.5 ** (Math.max(0, newest - at) / (recency.halfLifeDays * 86_400_000));
}

/** Entities the question names, found by looking up runs of one to three words. */
function questionEntities(question: string, reference: ReferenceIndex): Array<{ entity: ReferenceEntity; phrase: string }> {
  const tokens = question.match(/[\p{L}\p{N}$^][\p{L}\p{N}&.'’^-]*/gu)?.map((token) => token.replace(/[.'’-]+$/u, '').replace(/['’]s$/u, '')) ?? [];
  const found = new Map<string, { entity: ReferenceEntity; phrase: string }>();
  for (let start = 0; start < tokens.length; start += 1) {
    for (let length = 3; length >= 1; length -= 1) {
      const words = tokens.slice(start, start + length);
      if (words.length < length) continue;
      const phrase = words.join(' ');
      // A single lower-case common word ("what", "all") is never taken for a ticker.
      if (length === 1 && (STOPWORDS.has(phrase.toLowerCase()) || (phrase === phrase.toLowerCase() && reference.isCommonWord(phrase)))) continue;
      const entity = reference.lookup(phrase);
      if (entity !== null) {
        found.set(entity.id, { entity, phrase });
        start += length - 1;
        break;
      }
    }
  }
  return [...found.values()];
}

const GENERIC_NAME_WORDS = new Set([
  'group',
  'holdings',
  'holding',
  'company',
  'co',
  'corp',
  'corporation',
  'inc',
  'ltd',
  'limited',
  'plc',
  'the',
  'index',
  'sa',
  'ag',
  'nv',
]);

/**
 * Answers a question from stored articles, offline: full-text retrieval, then the sentences that
 * share the most (rarer) words with the question — and, when it names a company or market, that
 * name it — quoted verbatim with their sources. Only sentences that match the question's measure,
 * time and subject (relevance.ts) are candidates; with none, the writer says nothing stored answers.
 */
export async function answerQuestion(
  question: string,
  services: { store: Store; reference: ReferenceIndex; answers?: AnswerWriter | undefined },
): Promise<Reply> {
  const named = questionEntities(question, services.reference);
  const entities = named.map((found) => found.entity);
  const patterns = entities.map(entityNames).filter((names): names is WholeWords => names !== null);
  const nameStems = new Set(entities.flatMap((entity) => [entity.name, ...entity.aliases, ...entity.tickers].flatMap(contentWords)).map(stem));
  const words = contentWords(question);
  const topicStems = [...new Set(words.map(stem))].filter((wanted) => !nameStems.has(wanted));
  // What the question asks about besides its names: a passage must match its measure, time and subject.
  // "Why did stocks fall": with no company named, what moved is the market at large.
  const market = named.length === 0 && asksAboutMarket(question);
  const focus = { ...questionFocus(words.filter((word) => !nameStems.has(stem(word)))), market };
  const asksMove = focus.moves.length > 0;
  // Names pull in the entity's other names for retrieval ("BABA" finds "Alibaba").
  const expansions = entities.flatMap((entity) => [entity.name, ...entity.aliases.slice(0, 4)]).flatMap(contentWords);
  const terms = [...words, ...expansions.filter((word) => !GENERIC_NAME_WORDS.has(word.toLowerCase()))];
  // Articles with every word of the question first; any word only when none has all. Either
  // among the newest matches only.
  const strictTerms = [
    ...words.filter((word) => !nameStems.has(stem(word))),
    ...named.map((found) => found.phrase),
    // The market's own words are too common to rank by, but a move question is about them.
    ...(market && asksMove ? marketWords(question) : []),
  ];
  const among = asksMove
    ? { limit: MOVE_AMONG_NEWEST, newest: MOVE_AMONG_NEWEST, newestStored: SEARCHED_AMONG_NEWEST_STORED }
    : { limit: MAX_ARTICLES, newest: RANKED_AMONG_NEWEST, newestStored: SEARCHED_AMONG_NEWEST_STORED };
  // The full-text index stems "falls" to "fall" but knows no "fell": each past form is asked for too.
  // Each retrieved article's sentences, split once for the check below and the pool.
  const split = new Map<string, string[]>();
  const sentencesOf = (article: Article): string[] => {
    let sentences = split.get(article.id);
    if (sentences === undefined) split.set(article.id, (sentences = splitSentences(article.text)));
    return sentences;
  };
  // A move the way asked, told as this article's news: not history ("in 1995 … the dollar fell")
  // unless the question names a year.
  const movesNow = (sentence: string, article: Article) =>
    movesAsAsked(sentence, focus, patterns) && (focus.years.length > 0 || !tellsHistory(sentence, article.publishedAt));
  const strict: SearchHit[] = [];
  // Articles read only for a move of the subject: none of their other sentences answers.
  const movesOnly = new Set<string>();
  for (const variant of withOtherForms(strictTerms)) {
    const found = await services.store.search(variant.join(' '), { ...among, every: true });
    const known = new Set(strict.map((hit) => hit.article.id));
    strict.push(...found.filter((hit) => !known.has(hit.article.id)));
  }
  if (asksMove) {
    // "Why did gold rise" when the story says "gold jumped": the search asked for the question's own
    // verb. When no article it found has the subject moving the way asked, the newest articles
    // naming the subject are read as well (their sentences must still move the way asked).
    strict.sort((a, b) => publishedTime(b.article) - publishedTime(a.article)).splice(MOVE_AMONG_NEWEST);
    const subjectTerms = strictTerms.filter((word) => !focus.moves.includes(stem(word)));
    if (
      subjectTerms.length > 0 &&
      subjectTerms.length < strictTerms.length &&
      !strict.some((hit) => sentencesOf(hit.article).some((sentence) => movesNow(sentence, hit.article)))
    ) {
      const known = new Set(strict.map((hit) => hit.article.id));
      for (const hit of await services.store.search(subjectTerms.join(' '), { ...among, every: true })) {
        if (known.has(hit.article.id)) continue;
        strict.push(hit);
        movesOnly.add(hit.article.id);
      }
    }
  } else strict.sort((a, b) => b.score - a.score).splice(MAX_ARTICLES);
  const hits = strict.length > 0 || terms.length === 0 ? strict : await services.store.search(terms.join(' '), among);

  const pool: Array<{ sentence: string; article: Article; rank: number; stems: Set<string>; moving: boolean }> = [];
  hits.forEach((hit, rank) => {
    const sentences = sentencesOf(hit.article);
    for (const [index, whole] of sentences.entries()) {
      // Quoted as the summaries show sentences (extractive/hygiene.ts): no bullet, slug or subheading
      // glued to it, no half quotation, no heading alone, no "declined to comment".
      const sentence = tidySentence(whole, index === sentences.length - 1);
      if (sentence === null) continue;
      if (patterns.length > 0 && !patterns.some((pattern) => pattern.test(sentence))) continue;
      const stems = new Set(contentWords(sentence).map(stem));
      // A move the way asked counts as the question's verb: "Stocks tumbled" answers "why did stocks fall".
      const moving = asksMove && movesTheWayAsked(sentence, focus);
      if (moving) for (const move of focus.moves) stems.add(move);
      if (!matchesFocus(focus, { stems, text: sentence, publishedAt: hit.article.publishedAt }, patterns.length > 0)) continue;
      pool.push({ sentence, article: hit.article, rank, stems, moving });
    }
  });
  // Rarer question words count more: a word in every candidate sentence tells nothing.
  const weight = new Map(topicStems.map((wanted) => [wanted, Math.log(1 + pool.length / (1 + pool.filter((entry) => entry.stems.has(wanted)).length))]));
  const newest = Math.max(0, ...hits.map((hit) => publishedTime(hit.article)));
  // "What did the Fed do?": a sentence where the Fed acts beats one where it is acted on.
  const byAgent = patterns.length > 0 && asksWhatWasDone(question);
  // "Why …?": a sentence that gives a cause beats one that only states the fact.
  const byCause = asksWhy(question);
  const candidates: Candidate[] = [];
  for (const entry of pool) {
    let overlap = 0;
    for (const wanted of topicStems) if (entry.stems.has(wanted)) overlap += weight.get(wanted) ?? 0;
    if (overlap === 0 && patterns.length === 0) continue;
    const named = patterns.length > 0 ? 1 : 0;
    // Only a sentence with a move the way asked can have the subject moving so.
    const moves = entry.moving && movesNow(entry.sentence, entry.article);
    if (!moves && movesOnly.has(entry.article.id)) continue;
    candidates.push({
      sentence: entry.sentence,
      article: entry.article,
      moves,
      score:
        overlap +
        named +
        (byAgent && patterns.some((pattern) => actsIn(entry.sentence, pattern)) ? AGENT_BONUS : 0) +
        (byCause && overlap > 0 && givesCause(entry.sentence) ? CAUSE_BONUS : 0) +
        (moves ? MOVE_BONUS : 0) +
        0.3 / (entry.rank + 1) +
        recencyBonus(entry.article, newest, asksMove ? MOVE_RECENCY : RECENCY),
    });
  }
  // "Why did stocks fall": the market's own fall answers, and nothing else does (the words "stocks"
  // and "market" ask for no other word, so any fall would do). "Why did oil fall": only a sentence
  // where oil fell, not one where oil rose and bonds fell, nor "ether was steady, down 1.2%" for
  // "why did ether rise"; with none, the reply says nothing stored answers.
  const hasSubject = focus.subject.length > 0 || patterns.length > 0;
  const moving = candidates.filter((candidate) => candidate.moves);
  const ranked = asksMove && (market || hasSubject) ? moving : candidates;
  ranked.sort((a, b) => b.score - a.score);
  const best = ranked[0]?.score ?? 0;
  const relevant = ranked.filter((candidate) => candidate.score >= best * 0.6).map(({ moves: _moves, ...candidate }) => candidate);
  // "Who ..." questions also list the people with roles stored with the retrieved articles.
  const people = peopleAnswer(
    question,
    hits.map((hit) => hit.article),
    entities.map((entity) => entity.id),
  );
  const reply = await (services.answers ?? quotingAnswerWriter).answer(question, relevant);
  return people.length === 0 ? reply : withPeople(reply, people, relevant.length > 0);
}

/** Puts a "People" section first, citing the articles the people were found in. */
function withPeople(reply: Reply, people: readonly PersonLine[], answered: boolean): Reply {
  const sources: SourceRef[] = answered ? [...reply.sources] : [];
  const numberOf = new Map(sources.map((source) => [source.articleId, source.n]));
  for (const { article } of people) {
    if (numberOf.has(article.id)) continue;
    const n = sources.length + 1;
    numberOf.set(article.id, n);
    sources.push({ n, articleId: article.id, title: article.title, url: article.url, source: article.source, publishedAt: article.publishedAt });
  }
  const section = { heading: 'People', lines: people.map((person) => ({ text: person.text, sources: [numberOf.get(person.article.id) ?? 0] })) };
  return { ...reply, sections: answered ? [section, ...reply.sections] : [section], sources };
}
