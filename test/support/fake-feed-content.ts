// Feeds and article pages for the fake feed server. Every company, figure and sentence here is
// made up for the tests; none comes from the evaluation data.

export interface FakeItem {
  title: string;
  text: string;
  link: string;
  guid: string;
  published: Date;
}

const COMPANIES = [
  'Harbor Lane Foods',
  'Northwind Metals',
  'Quayside Power',
  'Juniper Freight',
  'Silverbirch Bank',
  'Tidewater Chips',
  'Copperleaf Mining',
  'Maple Ridge Retail',
  'Bluecrest Pharma',
  'Ironbark Energy',
  'Kestrel Airlines',
  'Larchmont Insurance',
];

const SENTENCES: Array<(company: string, number: number) => string> = [
  (company, n) => `${company} shares rose ${(n % 9) + 1}.${n % 10} percent in morning trading after the results beat forecasts.`,
  (company, n) => `Revenue at ${company} climbed to ${120 + n} million dollars in the quarter, helped by stronger demand overseas.`,
  (company, n) => `The board of ${company} approved a buyback worth ${10 + (n % 40)} million dollars over the coming year.`,
  (company) => `Analysts who follow ${company} said the margin outlook was better than they had expected in the spring.`,
  (company, n) => `Trading volume in ${company} stock reached ${2 + (n % 7)} million shares, well above its monthly average.`,
  (company) => `Executives at ${company} told investors on a call that input costs had started to ease since the summer.`,
  (company, n) => `${company} cut its full-year guidance for capital spending to ${300 + n} million dollars from an earlier plan.`,
  (company) => `A union representing workers at ${company} warned that talks over a new contract had stalled again this week.`,
  (company, n) => `The company expects to open ${3 + (n % 12)} new sites next year, mostly in regions where rivals are retreating.`,
  (company) => `Credit rating agencies kept their view of ${company} unchanged, citing steady cash flow and modest debt.`,
  (company, n) => `Its bonds due in ${2030 + (n % 8)} traded slightly higher as the yield gap over government debt narrowed.`,
  (company) => `Regulators are still reviewing a planned acquisition by ${company}, and a decision is due before the year ends.`,
  (company, n) => `Net profit at ${company} came in at ${40 + (n % 60)} million dollars, compared with a loss a year earlier.`,
  (company) => `Some shareholders questioned whether the dividend policy of ${company} leaves enough room for investment.`,
  (company, n) => `Over the past ${2 + (n % 10)} months the stock has outperformed the broader market by a wide margin.`,
  (company) => `The chief financial officer of ${company} said the balance sheet could support further deals if prices fall.`,
  (company) => `Currency swings shaved a few points off reported growth, ${company} said in a statement to the exchange.`,
  (company, n) => `Inventories at ${company} fell for a ${n % 2 === 0 ? 'second' : 'third'} straight quarter as the supply chain recovered.`,
  (company) => `Competitors of ${company} have been cutting prices, which could weigh on sales in the next few months.`,
  (company, n) => `Short interest in ${company} dropped to ${1 + (n % 5)} percent of the free float, exchange data showed.`,
];

/** A deterministic pseudo-random sequence, so every run builds the same items. */
function sequence(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Item `n`: a title and five sentences drawn from the bank, so items rarely share more than one sentence. */
export function makeItem(n: number, base: string, options: { guidSuffix?: string; teaser?: boolean } = {}): FakeItem {
  const random = sequence(n * 7919 + 17);
  const company = COMPANIES[n % COMPANIES.length] ?? 'Harbor Lane Foods';
  const picked = new Set<number>();
  while (picked.size < 5) picked.add(Math.floor(random() * SENTENCES.length));
  const sentences = [...picked].map((index) => (SENTENCES[index] ?? SENTENCES[0]!)(company, n));
  const paragraphs = [sentences.slice(0, 2).join(' '), sentences.slice(2, 4).join(' '), sentences[4] ?? ''];
  return {
    title: `${company} update number ${n}: quarter in review`,
    text: options.teaser === true ? (sentences[0] ?? '') : paragraphs.join('\n\n'),
    link: `${base}/articles/${n}.html`,
    guid: `item-${n}${options.guidSuffix ?? ''}`,
    published: new Date(Date.UTC(2026, 10, 1, 0, 0, 0) + n * 3_600_000),
  };
}

export function makeItems(count: number, base: string, options: { guidSuffix?: string; teaser?: boolean; first?: number } = {}): FakeItem[] {
  const first = options.first ?? 0;
  return Array.from({ length: count }, (_, offset) => makeItem(first + offset, base, options)).reverse();
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function htmlParagraphs(text: string): string {
  return text
    .split('\n\n')
    .map((paragraph) => `<p>${escapeXml(paragraph)}</p>`)
    .join('');
}

export function rssFeed(items: FakeItem[], title = 'Fake Markets Wire'): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link>` +
        `<guid isPermaLink="false">${escapeXml(item.guid)}</guid><pubDate>${item.published.toUTCString()}</pubDate>` +
        `<description><![CDATA[${htmlParagraphs(item.text)}]]></description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>https://fake.example/</link><description>test feed</description>\n${entries}\n</channel></rss>\n`;
}

export function atomFeed(items: FakeItem[], title = 'Fake Atom Desk'): string {
  const entries = items
    .map(
      (item) =>
        `<entry><title>${escapeXml(item.title)}</title><link rel="alternate" href="${escapeXml(item.link)}"/>` +
        `<id>urn:fake:${escapeXml(item.guid)}</id><updated>${item.published.toISOString()}</updated>` +
        `<content type="html">${escapeXml(htmlParagraphs(item.text))}</content></entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title><id>urn:fake:feed</id><updated>2026-11-20T00:00:00Z</updated>\n${entries}\n</feed>\n`;
}

export function jsonFeed(items: FakeItem[], title = 'Fake JSON Feed'): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((item) => ({ id: item.guid, url: item.link, title: item.title, content_text: item.text, date_published: item.published.toISOString() })),
  });
}

/** The article page an item links to: the full story among navigation and footer boilerplate. */
export function articlePage(item: FakeItem, fullText: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(item.title)} | Fake Wire</title>` +
    `<meta property="og:title" content="${escapeXml(item.title)}"></head><body>` +
    `<nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/about">About</a></nav>` +
    `<article><h1>${escapeXml(item.title)}</h1>${htmlParagraphs(fullText)}</article>` +
    `<footer><p>Copyright Fake Wire. All rights reserved.</p></footer></body></html>`
  );
}

/** A web page that announces its feed, for feed discovery. */
export function homePage(feedPath: string): string {
  return (
    `<!doctype html><html><head><title>Fake Wire</title><link rel="alternate" type="application/rss+xml" title="RSS" href="${feedPath}"></head>` +
    `<body><h1>Fake Wire</h1><p>Latest news.</p></body></html>`
  );
}
