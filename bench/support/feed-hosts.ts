// The scale-out bench's feeds: one small RSS feed per number, served from many loopback hosts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { faultArticles } from '../../test/support/fault-articles.ts';
import { escapeXml } from '../../test/support/fake-feed-content.ts';

/**
 * A loopback feed server for `count` feeds, /feed/<n>, each with one item of its own, spread over
 * `hosts` loopback addresses (127.0.0.1, 127.0.0.2, …, one listener each on one port) because real
 * feeds live on many hosts and the fetcher takes one request at a time per host. Notes the first
 * and last fetch.
 */
export async function startFeedServer(count: number, hosts: number) {
  const items = faultArticles(count, 4242, new Date(), 6);
  const fetched = new Set<number>();
  let first = 0;
  let last = 0;
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const number = Number(/^\/feed\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
    const item = items[number];
    if (item === undefined) return void response.writeHead(404).end();
    if (fetched.size === 0) first = performance.now();
    fetched.add(number);
    last = performance.now();
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${number}</title><link>http://example.com/${number}</link>` +
        `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.url)}</link><guid>${escapeXml(item.url)}</guid>` +
        `<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate><description>${escapeXml(item.text)}</description></item></channel></rss>`,
    );
  };
  const servers: Server[] = [];
  let port = 0;
  for (let host = 1; host <= hosts; host += 1) {
    const server = createServer(handler);
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, `127.0.0.${host}`, resolve);
    });
    port = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  return {
    port,
    url: (number: number) => `http://127.0.0.${1 + (number % hosts)}:${port}/feed/${number}`,
    fetched: () => fetched.size,
    seconds: () => (last - first) / 1000,
    close: () => Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))),
  };
}
