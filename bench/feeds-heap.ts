// Peak extra heap and time for reading hostile 4 MB feeds (readArticles, the way ingest and polls
// read a document), each in a fresh child process. Goal (issue 17): extra heap under 2x the
// document's size. The peak live heap of a synchronous read cannot be sampled from inside, so it is
// found from outside: the smallest old-generation limit (--max-old-space-size, 1 MB steps, binary
// search) under which the read still completes, minus the heap in use just before reading (after
// a warm-up read of a small feed and a full GC). The raw document bytes are part of the baseline;
// the decoded document string is not. Prints one JSON object.
// Run: node bench/feeds-heap.ts
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SIZE = 4 * 1024 * 1024;
// Linearity: the same shapes at 1/16 the size; time should grow about x16, never faster than x20 x16.
const SMALL = SIZE / 16;
const SHAPES = [
  'amp-amp-in-one-item',
  'amp-amp-titles',
  'many-small-items',
  'one-huge-item',
  'deep-nesting',
  'comments-before-root',
  'long-title-markup',
  'tagged-body',
] as const;
type Shape = (typeof SHAPES)[number];

function build(shape: Shape, size: number): string {
  const wrap = (items: string): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>${items}</channel></rss>`;
  const fill = (unit: string, room: number): string => unit.repeat(Math.floor(room / unit.length));
  switch (shape) {
    case 'amp-amp-in-one-item':
      return wrap(`<item><title>t</title><description>${fill('&amp;amp; ', size - 200)}</description></item>`);
    case 'amp-amp-titles':
      return wrap(fill('<item><title>&amp;amp;&amp;amp;&amp;amp;</title><description>&amp;amp; &amp;lt;b&amp;gt;x</description></item>', size - 200));
    case 'many-small-items':
      return wrap(
        fill(
          '<item><title>Copper rises</title><link>https://e.example.com/a</link><description>Copper rose 2% on Tuesday, traders said.</description></item>',
          size - 200,
        ),
      );
    case 'one-huge-item':
      return wrap(
        `<item><title>One long story</title><link>https://e.example.com/a</link><description><![CDATA[${fill('<p>Copper rose 2% on Tuesday, traders said.</p>', size - 300)}]]></description></item>`,
      );
    case 'deep-nesting':
      return wrap(`<item><title>t</title><description>x</description>${fill('<a>', size / 2 - 200)}</item>`);
    case 'comments-before-root':
      return fill('<!-- x -->', size / 2) + wrap('<item><title>t</title><description>body text here</description></item>');
    case 'tagged-body':
      return wrap(`<item><title>t</title><description>${fill('&lt;p&gt;Copper &amp;amp; zinc rose.&lt;/p&gt;', size - 200)}</description></item>`);
    case 'long-title-markup':
      return wrap(`<item><title>${fill('&lt;svg:svg&gt;a&lt;/svg:svg&gt;&lt;', size - 200)}</title></item>`);
  }
}

if (process.argv[2] === '--child') {
  const { readArticles } = await import('../src/pipeline/read/read-articles.ts');
  const shape = process.argv[3] as Shape;
  const warmUp = build('many-small-items', 4096);
  readArticles({ name: 'warm-up.xml', bytes: new TextEncoder().encode(warmUp) });
  const bytes = new TextEncoder().encode(build(shape, Number(process.argv[4] ?? SIZE)));
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const baselineHeap = process.memoryUsage().heapUsed;
  const baselineRss = process.memoryUsage().rss;
  const started = performance.now();
  let outcome: string;
  try {
    const articles = readArticles({ name: `${shape}.xml`, bytes }, { maxBytes: 10 * 1024 * 1024 });
    outcome = `${articles.length} items`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message.slice(0, 120)}`;
  }
  const milliseconds = Math.round(performance.now() - started);
  const extraPeakRss = process.resourceUsage().maxRSS * 1024 - baselineRss;
  process.stdout.write(JSON.stringify({ shape, bytes: bytes.length, outcome, milliseconds, baselineHeap, extraPeakRss }));
} else {
  const script = fileURLToPath(import.meta.url);
  const MIB = 1024 * 1024;
  interface Child {
    bytes: number;
    outcome: string;
    milliseconds: number;
    baselineHeap: number;
    extraPeakRss: number;
  }
  const run = (shape: Shape, size: number, limitMib?: number): Child | null => {
    const flags = ['--expose-gc', '--max-semi-space-size=1', ...(limitMib === undefined ? [] : [`--max-old-space-size=${limitMib}`])];
    const child = spawnSync(process.execPath, [...flags, script, '--child', shape, String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) return null; // out of heap under this limit
    return JSON.parse(child.stdout) as Child;
  };
  // Smallest limit (MiB) under which the read completes, between the baseline and a generous ceiling.
  const smallestLimit = (shape: Shape, size: number, baselineMib: number): number => {
    let low = Math.floor(baselineMib);
    let high = Math.ceil(baselineMib + (64 * size) / MIB);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (run(shape, size, middle)) high = middle;
      else low = middle;
    }
    return high;
  };
  const results = SHAPES.map((shape) => {
    const small = run(shape, SMALL);
    const result = run(shape, SIZE);
    if (!small || !result) throw new Error(`${shape}: the read failed without a heap limit`);
    const baselineMib = result.baselineHeap / MIB;
    const limit = smallestLimit(shape, SIZE, baselineMib);
    const extraPeakHeapBytes = Math.round((limit - baselineMib) * MIB);
    return {
      shape,
      bytes: result.bytes,
      outcome: result.outcome,
      milliseconds: result.milliseconds,
      baselineHeapBytes: result.baselineHeap,
      smallestOldSpaceLimitMiB: limit,
      extraPeakHeapBytes,
      extraRatio: Math.round((extraPeakHeapBytes / result.bytes) * 100) / 100,
      extraPeakRssBytes: result.extraPeakRss,
      smallMilliseconds: small.milliseconds,
      timeGrowthFor16xInput: Math.round((result.milliseconds / Math.max(1, small.milliseconds)) * 10) / 10,
    };
  });
  process.stdout.write(
    `${JSON.stringify({ goal: 'extraRatio (peak live heap beyond the baseline / document size, 1 MiB resolution) < 2', results }, null, 2)}\n`,
  );
}
