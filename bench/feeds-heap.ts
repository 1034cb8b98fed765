// Peak extra memory and time for reading hostile 4 MB feeds (readArticles, the way ingest and polls
// read a document), each shape in fresh child processes. Goal (issue 17): extra memory under 2x the
// document's size. Method, per shape:
// - Baseline: in the child, after a warm-up read of a small feed, the document's bytes built (they are
//   an ArrayBuffer outside the V8 heap) and two full GCs: heapUsed and external memory.
// - Peak V8 heap: a synchronous read cannot be sampled from inside, so it is found from outside: the
//   smallest old-generation limit (--max-old-space-size, 1 MiB steps, binary search) under which the
//   read still completes; a child counts as failed only when V8 reports the heap exhausted (any other
//   failure stops the benchmark). Extra heap = that limit minus the baseline heap. Near the limit V8
//   collects everything it can, so garbage is not counted; the result is an upper bound at 1 MiB
//   resolution for the old generation.
// - External memory: strings Node makes outside the V8 heap (TextDecoder output over ~1 MB is an
//   external string) escape the limit, so the growth of process.memoryUsage().external over the read,
//   taken before any GC, is added.
// - The young generation (--max-semi-space-size=1) is outside the limit: the upper bound adds its
//   1 MiB semi-space. extraRatio = (extra heap + external) / size; upperBoundRatio adds the semi-space.
// - The articles read are part of the peak (they are the result); `retainedRatio` is what is still
//   live after the read with the articles kept (full GC), `leftoverBytes` what is live once they are dropped.
// Time: one read at 4 MB and at 1/16 of it (noisy under load; the load is printed).
// Run: node bench/feeds-heap.ts [shape…]   (prints one JSON object; the shapes are listed below)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { machineInfo } from './support/machine.ts';

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

const GOAL = 2;
const SEMI_SPACE_MIB = 1;

if (process.argv[2] === '--child') {
  const { readArticles } = await import('../src/pipeline/read/read-articles.ts');
  const shape = process.argv[3] as Shape;
  const warmUp = build('many-small-items', 4096);
  readArticles({ name: 'warm-up.xml', bytes: new TextEncoder().encode(warmUp) });
  const bytes = new TextEncoder().encode(build(shape, Number(process.argv[4] ?? SIZE)));
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the child with --expose-gc');
  gc();
  gc();
  const baseline = process.memoryUsage();
  const baselineRss = baseline.rss;
  const started = performance.now();
  let outcome: string;
  let articles: unknown[] | null = null;
  try {
    articles = readArticles({ name: `${shape}.xml`, bytes }, { maxBytes: 10 * 1024 * 1024 });
    outcome = `${articles.length} items`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message.slice(0, 120)}`;
  }
  const milliseconds = Math.round(performance.now() - started);
  const externalGrowth = Math.max(0, process.memoryUsage().external - baseline.external);
  const extraPeakRss = process.resourceUsage().maxRSS * 1024 - baselineRss;
  gc();
  const kept = process.memoryUsage();
  const retained = kept.heapUsed + kept.external - baseline.heapUsed - baseline.external;
  const count = articles?.length ?? 0;
  articles = null;
  gc();
  const dropped = process.memoryUsage();
  const leftover = dropped.heapUsed + dropped.external - baseline.heapUsed - baseline.external;
  process.stdout.write(
    JSON.stringify({
      shape,
      bytes: bytes.length,
      outcome,
      count,
      milliseconds,
      baselineHeap: baseline.heapUsed,
      externalGrowth,
      retained,
      leftover,
      extraPeakRss,
    }),
  );
} else {
  const script = fileURLToPath(import.meta.url);
  const MIB = 1024 * 1024;
  interface Child {
    bytes: number;
    outcome: string;
    milliseconds: number;
    baselineHeap: number;
    externalGrowth: number;
    retained: number;
    leftover: number;
    extraPeakRss: number;
  }
  const run = (shape: Shape, size: number, limitMib?: number): Child | null => {
    const flags = ['--expose-gc', `--max-semi-space-size=${SEMI_SPACE_MIB}`, ...(limitMib === undefined ? [] : [`--max-old-space-size=${limitMib}`])];
    const child = spawnSync(process.execPath, [...flags, script, '--child', shape, String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status === 0) return JSON.parse(child.stdout) as Child;
    const exhausted = /heap out of memory|Ineffective mark-compacts|Reached heap limit|Allocation failed/i.test(child.stderr);
    if (limitMib !== undefined && exhausted) return null;
    throw new Error(`${shape} (limit ${limitMib ?? 'none'} MiB) failed other than by exhausting the heap: ${child.stderr.slice(-600)}`);
  };
  // Smallest limit (MiB) under which the read completes, between the baseline and a generous ceiling.
  const smallestLimit = (shape: Shape, size: number, baselineMib: number): number => {
    let low = Math.floor(baselineMib);
    let high = Math.ceil(baselineMib + (64 * size) / MIB);
    if (!run(shape, size, high)) throw new Error(`${shape}: the read fails even under ${high} MiB`);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (run(shape, size, middle)) high = middle;
      else low = middle;
    }
    return high;
  };
  const ratio = (value: number, size: number): number => Math.round((value / size) * 100) / 100;
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((shape) => !(SHAPES as readonly string[]).includes(shape));
  if (unknown.length > 0) throw new Error(`unknown shape(s) ${unknown.join(', ')}; known: ${SHAPES.join(', ')}`);
  const chosen = wanted.length > 0 ? (wanted as Shape[]) : [...SHAPES];
  const loadBefore = machineInfo().loadAverage;
  const results = chosen.map((shape) => {
    const small = run(shape, SMALL);
    const result = run(shape, SIZE);
    if (!small || !result) throw new Error(`${shape}: the read failed without a heap limit`);
    const baselineMib = result.baselineHeap / MIB;
    const limit = smallestLimit(shape, SIZE, baselineMib);
    const extraPeakHeapBytes = Math.max(0, Math.round((limit - baselineMib) * MIB));
    const extra = extraPeakHeapBytes + result.externalGrowth;
    const upperBound = extra + SEMI_SPACE_MIB * MIB;
    const figures = {
      shape,
      bytes: result.bytes,
      outcome: result.outcome,
      extraRatio: ratio(extra, result.bytes),
      upperBoundRatio: ratio(upperBound, result.bytes),
      goal: `< ${GOAL}`,
      met: upperBound / result.bytes < GOAL,
      extraPeakHeapBytes,
      externalBytes: result.externalGrowth,
      smallestOldSpaceLimitMiB: limit,
      baselineHeapBytes: result.baselineHeap,
      retainedRatio: ratio(result.retained, result.bytes),
      leftoverBytes: result.leftover,
      extraPeakRssBytes: result.extraPeakRss,
      milliseconds: result.milliseconds,
      smallMilliseconds: small.milliseconds,
      timeGrowthFor16xInput: Math.round((result.milliseconds / Math.max(1, small.milliseconds)) * 10) / 10,
    };
    process.stderr.write(
      `${shape}: extra ${figures.extraRatio}x (upper bound ${figures.upperBoundRatio}x; goal < ${GOAL}x) ${figures.met ? 'met' : 'NOT met'}\n`,
    );
    return figures;
  });
  process.stdout.write(
    `${JSON.stringify(
      {
        goal: `upperBoundRatio (peak V8 heap + external memory beyond the baseline, young generation included, / document size) < ${GOAL}`,
        allMet: results.every((result) => result.met),
        machine: { ...machineInfo(), loadAverageBefore: loadBefore },
        results,
      },
      null,
      2,
    )}\n`,
  );
}
