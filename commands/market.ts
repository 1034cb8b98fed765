import { z } from 'zod';
import { aboutness, briefForScope, briefToReply, findMovers, WIDEN_LIMIT_DAYS } from '../src/brief/index.ts';
import { type Command, parseOptions } from '../src/dispatch/index.ts';
import { UserFacingError } from '../src/domain/index.ts';
import { findTopic, suggestTopics } from '../src/pipeline/index.ts';
import { entityTitle } from './resolve.ts';

const usage = '/market <index, exchange, region, commodity or currency>';
const schema = z.object({ name: z.string({ message: 'name a market' }).trim().min(1, 'name a market') });
/** What `/market` looks for, in order of preference: a market before a company of the same name. */
const MARKET_TYPES = ['index', 'exchange', 'commodity', 'currency', 'crypto', 'company'] as const;
/** Found before a region of the same name ("india" the region, "HKEX" the exchange). */
const BEFORE_REGIONS = ['index', 'exchange'] as const;
/** A market view looks further back than the daily brief. */
const MARKET_WINDOW_HOURS = 24 * 7;
/** With only older news, the story named is the newest about the market among this many latest naming it. */
const NEWEST_CANDIDATES = 30;

export default {
  name: 'market',
  description: 'What the bot has read about an index, an exchange or a region',
  usage,
  examples: ['/market hang seng', '/market S&P 500', '/market india'],
  options: [
    {
      name: 'name',
      description: 'An index (Hang Seng), exchange (HKEX) or region (hong-kong)',
      type: 'string',
      required: true,
      rest: true,
      autocomplete: 'market',
    },
  ],
  adminOnly: false,
  async run(options, _context, services) {
    const { name } = parseOptions(schema, options, usage);
    const region = findTopic(name);
    const entity = services.reference.lookup(name, BEFORE_REGIONS) ?? (region?.kind === 'region' ? null : services.reference.lookup(name, MARKET_TYPES));
    if (entity === null && (region === null || region.kind !== 'region')) {
      const suggestions = [
        ...services.reference
          .suggest(
            name,
            MARKET_TYPES.filter((type) => type !== 'company'),
            4,
          )
          .map((suggestion) => suggestion.name),
        // Input with no letter or digit (an emoji, punctuation) resembles nothing: no region is offered for it.
        ...(/[\p{L}\p{N}]/u.test(name) ? suggestTopics(name, 6) : [])
          .filter((topic) => topic.kind === 'region')
          .slice(0, 2)
          .map((topic) => topic.slug),
      ];
      const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : '';
      throw new UserFacingError(`I don't know a market called "${name}".${hint}`);
    }
    // An exchange brings its market: the region it lists ("HKEX" → the exchange and Hong Kong).
    const entityRegions = entity?.type === 'exchange' ? entity.topics.filter((slug) => findTopic(slug)?.kind === 'region') : [];
    const scope =
      entity !== null
        ? { title: entityTitle(entity), topics: entityRegions, entityIds: [entity.id] }
        : { title: region?.label ?? name, topics: region === null ? [] : [region.slug], entityIds: region?.entityIds ?? [] };
    const brief = await briefForScope(
      scope,
      { windowHours: MARKET_WINDOW_HOURS, widenWhenEmpty: true, widenLimitDays: WIDEN_LIMIT_DAYS.market, moreHint: 'see /company <name> for one company' },
      services,
    );
    if (brief.articleCount === 0) {
      // Older news is not a market view, but the bot should not claim it never read any. It names
      // the newest story about the market: in its headline or reporting its move (a market wrap's
      // "the S&P 500 fell 6.1 percent"); else one that mentions it twice (in crypto news nearly
      // every story names Bitcoin twice: a bankrupt firm's filing is not Bitcoin's story); a
      // company's results that mention the index once are neither.
      const latest = await services.store.listArticles({ topics: scope.topics, entityIds: scope.entityIds, limit: NEWEST_CANDIDATES });
      const about = entity === null ? null : aboutness(entity);
      const movesIt = (article: (typeof latest)[number]) =>
        entity !== null && findMovers([article], services.reference, Number.MAX_SAFE_INTEGER).some((mover) => mover.entityId === entity.id);
      const newest =
        latest.find((article) => about === null || about(article) === 2 || movesIt(article)) ??
        latest.find((article) => about !== null && about(article) > 0) ??
        latest[0];
      if (newest === undefined) throw new UserFacingError(`I have not read anything about ${scope.title} yet.`);
      const day = (newest.publishedAt ?? newest.ingestedAt).slice(0, 10);
      throw new UserFacingError(
        `I have read nothing about ${scope.title} in the last ${WIDEN_LIMIT_DAYS.market} days; the newest I have is from ${day}: "${newest.title}".`,
      );
    }
    return briefToReply(brief, 'ephemeral');
  },
} satisfies Command;
