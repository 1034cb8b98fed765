import { InputError, type RawArticle, type Source } from '../domain/index.ts';
import { ingestArticle, readArticles } from '../pipeline/index.ts';
import type { AddedSource, Owner, SourceActions } from '../ports/index.ts';
import { discoverFeedLinks, documentText, FEED_ACCEPT, feedTitle, isHtmlPage, PAGE_ACCEPT } from './feed-document.ts';
import { type PollDependencies, type PollSettings, pollSource, previewOf, readFeedItems, recordFailure, storeFeedItems } from './poll-source.ts';
import type { FetchResult } from './fetch/index.ts';

type Fetched = Extract<FetchResult, { status: 'ok' }>;

export interface SourceActionDependencies extends PollDependencies {
  settings: PollSettings & {
    /** Poll interval of a newly added source (FEED_POLL_MINUTES). */
    intervalMinutes: number;
  };
}

/**
 * The URL to fetch, as given but for the fragment. Not canonicalUrl(): a feed's query parameters
 * (`?format=rss`, even `?ref=`) may select the feed, so nothing is stripped from a URL we fetch.
 */
function requireHttpUrl(input: string): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new InputError(trimmed.slice(0, 200) || '(empty)', 'is not an http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(trimmed.slice(0, 200), 'is not an http or https URL');
  url.hash = '';
  return url.href;
}

/** The /source and /summarize actions, on the safe fetcher and the store. */
export function createSourceActions(dependencies: SourceActionDependencies): SourceActions {
  const { store, fetcher, clock, settings } = dependencies;

  /** A source by URL: among `owner`'s, or (owner omitted) among every fetched feed. */
  async function findByUrl(url: string, owner?: Owner): Promise<Source | null> {
    const sources = await store.listSources(owner === undefined ? {} : { owner });
    return sources.find((source) => source.url === url) ?? null;
  }

  /**
   * Links `owner` to a feed already fetched for someone else: one fetch serves both. Its current
   * items are read once more and granted to the owner (new ones stored as its own), so the
   * workspace's news has the feed from the moment it is added.
   */
  async function join(known: Source, input: Parameters<SourceActions['add']>[0], owner: Owner): Promise<AddedSource> {
    const now = clock.now().toISOString();
    const { source, linked } = await store.addSource(
      { url: known.url, title: known.title, topics: input.topics, addedBy: input.addedBy, intervalMinutes: known.intervalMinutes },
      now,
      owner,
    );
    if (!linked) return { source, created: false, linked, preview: [], poll: null };
    let preview: AddedSource['preview'] = [];
    try {
      const fetched = await fetchOk(known.url, FEED_ACCEPT);
      const items = readFeedItems(known.url, fetched, settings.maxBytes);
      preview = previewOf(items);
      const ingest = { ...dependencies.ingest, owners: [owner] };
      for (const item of [...items].reverse()) await ingestArticle(item, ingest).catch(() => undefined);
    } catch {
      // The shared fetch keeps its schedule; its next poll brings the items to every owner.
    }
    return { source, created: false, linked, preview, poll: null };
  }

  async function fetchOk(url: string, accept: string): Promise<Fetched> {
    const fetched = await fetcher.fetch(url, { accept });
    if (fetched.status !== 'ok') throw new InputError(url, 'the server answered "not modified" to a plain request');
    return fetched;
  }

  /** The feed at `url`, or the first feed a web page at `url` links to. */
  async function fetchFeed(url: string): Promise<{ url: string; fetched: Fetched }> {
    const fetched = await fetchOk(url, FEED_ACCEPT);
    const text = documentText(fetched.bytes, fetched.contentType);
    if (!isHtmlPage(text)) return { url, fetched };
    const [feedUrl] = discoverFeedLinks(text, fetched.url);
    if (feedUrl === undefined) throw new InputError(url, 'is a web page that links to no RSS, Atom or JSON feed; give the feed’s own URL');
    const discovered = requireHttpUrl(feedUrl);
    return { url: discovered, fetched: await fetchOk(discovered, FEED_ACCEPT) };
  }

  return {
    async add(input) {
      const owner = input.owner ?? null;
      const requested = requireHttpUrl(input.url);
      const known = await findByUrl(requested);
      if (known !== null) return join(known, input, owner);

      const { url, fetched } = await fetchFeed(requested);
      const items = readFeedItems(url, fetched, settings.maxBytes);
      const discoveredKnown = url === requested ? null : await findByUrl(url);
      if (discoveredKnown !== null) return join(discoveredKnown, input, owner);

      const now = clock.now();
      const { source, created, linked } = await store.addSource(
        {
          url,
          title: feedTitle(documentText(fetched.bytes, fetched.contentType)),
          topics: input.topics,
          addedBy: input.addedBy,
          intervalMinutes: settings.intervalMinutes,
        },
        now.toISOString(),
        owner,
      );
      if (!created) return { source, created, linked, preview: [], poll: null };
      let result: AddedSource;
      try {
        const { summary, preview } = await storeFeedItems(source, fetched, items, dependencies);
        result = { source, created, linked, preview, poll: summary };
      } catch (error) {
        const summary = await recordFailure(source, error, now, dependencies);
        result = { source, created, linked, preview: [], poll: summary };
      }
      return { ...result, source: (await store.getSource(source.id, owner)) ?? source };
    },

    list: (where = {}) => store.listSources(where),

    async find(idOrUrl, where = {}) {
      const trimmed = idOrUrl.trim();
      const byId = await store.getSource(trimmed, where.owner);
      if (byId !== null) return byId;
      let url: string;
      try {
        url = requireHttpUrl(trimmed);
      } catch {
        return null;
      }
      return findByUrl(url, where.owner);
    },

    remove: (id, owner) => store.removeSource(id, owner),

    async resume(id) {
      await store.resumeSource(id, clock.now().toISOString());
      return store.getSource(id);
    },

    async poll(id) {
      const source = await store.getSource(id);
      if (source === null) throw new InputError(id, 'no such source');
      return pollSource(source, dependencies);
    },

    async readPage(input, owner = null) {
      const url = requireHttpUrl(input);
      const fetched = await fetchOk(url, PAGE_ACCEPT);
      const articles: RawArticle[] = readArticles(
        { name: url, bytes: fetched.bytes, ...(fetched.contentType === null ? {} : { contentType: fetched.contentType }), url: fetched.url },
        { maxBytes: settings.maxBytes },
      );
      const [raw] = articles;
      if (raw === undefined || articles.length > 1) throw new InputError(url, 'is a feed or a list of articles, not one article; add feeds with /source add');
      const outcome = await ingestArticle({ ...raw, url: raw.url ?? fetched.url }, { ...dependencies.ingest, owners: [owner] });
      if (outcome.status === 'stored') return { article: outcome.article, status: 'stored' };
      const existing = await store.getArticle(outcome.existingId);
      if (existing === null) throw new Error(`article ${outcome.existingId} vanished`);
      return { article: existing, status: 'duplicate' };
    },
  };
}
