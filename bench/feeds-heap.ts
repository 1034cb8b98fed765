// Peak extra heap and time for reading hostile 4 MB feeds (readArticles, the way ingest and polls
// read a document), each in a fresh child process started with --expose-gc so the baseline is the
// process's own. Goal (issue 17): extra heap under 2x the document's size. Prints one JSON object.
// Run: node bench/feeds-heap.ts
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SIZE = 4 * 1024 * 1024;
// Linearity: the same shapes at 1/16 the size; time should grow about x16, never faster than x20 x16.
const SMALL = SIZE / 16;
const SHAPES = ['amp-amp-in-one-item', 'amp-amp-titles', 'many-small-items', 'comments-before-root', 'long-title-markup', 'tagged-body'] as const;
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
  const bytes = new TextEncoder().encode(build(shape, Number(process.argv[4] ?? SIZE)));
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  // Reading is synchronous, so no sampler can run during it: the peak is the process's maximum
  // resident set (what the OS saw) minus the resident set just before reading.
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  let outcome: string;
  try {
    const articles = readArticles({ name: `${shape}.xml`, bytes }, { maxBytes: 10 * 1024 * 1024 });
    outcome = `${articles.length} items`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message.slice(0, 120)}`;
  }
  const milliseconds = Math.round(performance.now() - started);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ shape, bytes: bytes.length, outcome, milliseconds, baselineRssBytes: baseline, extraPeakBytes: maxRss - baseline }));
} else {
  const script = fileURLToPath(import.meta.url);
  const run = (shape: Shape, size: number) => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=1', script, '--child', shape, String(size)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`${shape}: ${child.stderr.slice(0, 300)}`);
    return JSON.parse(child.stdout) as { bytes: number; extraPeakBytes: number; milliseconds: number };
  };
  const results = SHAPES.map((shape) => {
    const small = run(shape, SMALL);
    const result = run(shape, SIZE);
    return {
      ...result,
      extraRatio: Math.round((result.extraPeakBytes / result.bytes) * 100) / 100,
      smallMilliseconds: small.milliseconds,
      timeGrowthFor16xInput: Math.round((result.milliseconds / Math.max(1, small.milliseconds)) * 10) / 10,
    };
  });
  process.stdout.write(`${JSON.stringify({ goal: 'extraRatio (peak resident memory beyond the baseline / document size) < 2', results }, null, 2)}\n`);
}
