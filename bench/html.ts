// HTML extraction: speed and quality of the project's reader against Mozilla Readability on linkedom
// alone (the baseline issue 14 names), over every HTML page in ../shared/data/html (goose3 and
// Postlight fixtures, read in place: evaluation only). Goals: pages per CPU-second ≥ 1.0× the
// baseline's, and token F1 of the text's beginning against the expected text not below the current
// pipeline's. Prints one JSON object (and, alone, its table).
// Run: npm run bench -- html   (or node bench/html.ts [--rounds N])
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readArticles } from '../src/pipeline/read/read-articles.ts';
import { cleanArticle } from '../src/pipeline/clean/clean.ts';
import type { RawArticle } from '../src/domain/article.ts';
import { goldPages, hasSharedHtml, openingF1, type GoldPage } from '../test/support/html-pages.ts';
import { megabytes, median, round } from './support/stats.ts';
import { progress, runBenchmark } from './support/report.ts';

const NAME = 'html';
const ROUNDS = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 15;
const WARM_UP = 2;
// The pipeline's F1 before the pre-pass (bench/html.ts at its first commit, main's reader): not to fall.
const F1_FLOOR = 0.79;
const F1_CLEAN_FLOOR = 0.888;

type Extractor = (page: GoldPage) => string;

const pipeline: Extractor = (page) =>
  readArticles({ name: page.name, bytes: page.bytes, contentType: 'text/html', ...(page.url ? { url: page.url } : {}) })[0]?.text ?? '';

const baseline: Extractor = (page) => {
  const { document } = parseHTML(new TextDecoder().decode(page.bytes));
  return new Readability(document as never).parse()?.textContent ?? '';
};

/** What one extractor's own process measured (see `--speed`). */
interface SpeedRun {
  /** Pages per CPU-second over every measured read, garbage collection included. */
  throughput: number;
  /** Pages per CPU-second from each page's median read (collections mostly left out). */
  medianRate: number;
}

/**
 * One extractor alone in a fresh process: two warm-up rounds, then ROUNDS rounds over every page.
 * Each in its own process so neither pays for the other's garbage nor shares its JIT feedback.
 */
function speedRun(which: 'pipeline' | 'baseline'): SpeedRun {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--speed', which, String(ROUNDS)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`speed child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as SpeedRun;
}

function measureSpeed(extract: Extractor, pages: GoldPage[], rounds: number): SpeedRun {
  const cpuMicroseconds = (): number => {
    const used = process.cpuUsage();
    return used.user + used.system;
  };
  for (let index = 0; index < WARM_UP; index += 1) for (const page of pages) extract(page);
  const byPage: number[][] = pages.map(() => []);
  let total = 0;
  for (let index = 0; index < rounds; index += 1) {
    pages.forEach((page, position) => {
      const started = cpuMicroseconds();
      extract(page);
      const spent = cpuMicroseconds() - started;
      byPage[position]?.push(spent);
      total += spent;
    });
  }
  const medians = byPage.reduce((sum, times) => sum + median(times), 0);
  return { throughput: (pages.length * rounds) / (total / 1e6), medianRate: pages.length / (medians / 1e6) };
}

/** Peak RSS of a fresh process reading the largest page once (after a warm-up read of a small one). */
function peakMemory(which: 'pipeline' | 'baseline', page: string): { baselineRssMb: number; peakRssMb: number } {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--memory', which, page], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { baselineRssMb: number; peakRssMb: number };
}

if (process.argv[2] === '--speed') {
  const extract = process.argv[3] === 'pipeline' ? pipeline : baseline;
  process.stdout.write(JSON.stringify(measureSpeed(extract, goldPages(), Number(process.argv[4]) || ROUNDS)));
} else if (process.argv[2] === '--memory') {
  const [which, name] = [process.argv[3], process.argv[4]];
  const pages = goldPages();
  const page = pages.find((candidate) => candidate.name === name);
  const small = [...pages].sort((a, b) => a.bytes.length - b.bytes.length)[0];
  if (!page || !small) throw new Error(`no page ${name}`);
  const extract = which === 'pipeline' ? pipeline : baseline;
  extract(small);
  const baselineRss = process.memoryUsage().rss;
  extract(page);
  process.stdout.write(JSON.stringify({ baselineRssMb: megabytes(baselineRss), peakRssMb: megabytes(process.resourceUsage().maxRSS * 1024) }));
} else {
  await runBenchmark(NAME, async () => {
    if (!hasSharedHtml) throw new Error('../shared/data/html is not there: this benchmark needs the evaluation pages');
    const pages = goldPages();
    const bytes = pages.reduce((sum, page) => sum + page.bytes.length, 0);
    progress(NAME, `${pages.length} pages, ${megabytes(bytes)} MB; scoring`);
    const scores = (extract: Extractor) => pages.map((page) => openingF1(extract(page), page.gold));
    const pipelineScores = scores(pipeline);
    const baselineScores = scores(baseline);
    const cleanedScores = pages.map((page) => {
      const article = readArticles({ name: page.name, bytes: page.bytes, contentType: 'text/html', ...(page.url ? { url: page.url } : {}) })[0];
      return openingF1(cleanArticle(article as RawArticle).text, page.gold);
    });
    const mean = (values: number[]) => round(values.reduce((sum, value) => sum + value, 0) / values.length, 3);

    // Each extractor in its own processes, alternating A B B A A B so a slow spell of the machine falls on both.
    const runs: Record<'pipeline' | 'baseline', SpeedRun[]> = { pipeline: [], baseline: [] };
    for (const which of ['pipeline', 'baseline', 'baseline', 'pipeline', 'pipeline', 'baseline'] as const) {
      const run = speedRun(which);
      runs[which].push(run);
      progress(NAME, `${which} in its own process: ${round(run.throughput, 1)} pages/CPU-s (per-page medians: ${round(run.medianRate, 1)})`);
    }
    const oursRate = median(runs.pipeline.map((run) => run.throughput));
    const theirsRate = median(runs.baseline.map((run) => run.throughput));
    const oursMedianRate = median(runs.pipeline.map((run) => run.medianRate));
    const theirsMedianRate = median(runs.baseline.map((run) => run.medianRate));
    const largest = [...pages].sort((a, b) => b.bytes.length - a.bytes.length)[0] as GoldPage;
    const memory = { pipeline: peakMemory('pipeline', largest.name), baseline: peakMemory('baseline', largest.name) };

    const pipelineF1 = mean(pipelineScores);
    const ratio = round(oursRate / theirsRate, 2);
    return {
      parameters: { pages: pages.length, bytes, rounds: ROUNDS, largestPage: { name: largest.name, bytes: largest.bytes.length } },
      figures: {
        pipeline: {
          pagesPerCpuSecond: round(oursRate, 1),
          perPageMedianRate: round(oursMedianRate, 1),
          f1: pipelineF1,
          f1AfterClean: mean(cleanedScores),
          peakRss: memory.pipeline,
        },
        baseline: {
          pagesPerCpuSecond: round(theirsRate, 1),
          perPageMedianRate: round(theirsMedianRate, 1),
          f1: mean(baselineScores),
          peakRss: memory.baseline,
        },
        speedRatio: { value: ratio, goal: '≥ 1.0', met: ratio >= 1 },
        f1: {
          pipeline: pipelineF1,
          goal: `≥ ${F1_FLOOR}`,
          afterClean: mean(cleanedScores),
          afterCleanGoal: `≥ ${F1_CLEAN_FLOOR}`,
          met: pipelineF1 >= F1_FLOOR && mean(cleanedScores) >= F1_CLEAN_FLOOR,
        },
        perPage: pages.map((page, index) => ({
          name: page.name,
          bytes: page.bytes.length,
          f1: round(pipelineScores[index] ?? 0, 3),
          baselineF1: round(baselineScores[index] ?? 0, 3),
        })),
      },
      summary: [
        {
          figure: `HTML pages per CPU-s, ${pages.length} real pages × ${ROUNDS} rounds, each reader in its own processes (median of 3)`,
          value: `${round(oursRate, 1)} vs ${round(theirsRate, 1)} Readability+linkedom: ×${ratio}`,
          goal: '≥ ×1.0',
          met: ratio >= 1,
        },
        {
          figure: '  the same from each page’s median read (garbage collection mostly left out)',
          value: `${round(oursMedianRate, 1)} vs ${round(theirsMedianRate, 1)}: ×${round(oursMedianRate / theirsMedianRate, 2)}`,
        },
        {
          figure: 'HTML opening token F1: pipeline / baseline / pipeline after clean',
          value: `${pipelineF1} / ${mean(baselineScores)} / ${mean(cleanedScores)} (goal ≥ ${F1_FLOOR} / — / ≥ ${F1_CLEAN_FLOOR})`,
        },
        {
          figure: `HTML peak RSS, largest page (${megabytes(largest.bytes.length)} MB)`,
          value: `${memory.pipeline.peakRssMb} MB (baseline ${memory.baseline.peakRssMb} MB)`,
        },
      ],
      notes: [
        'Pipeline: readArticles on the page bytes (decode, sniff, linkedom, Readability, the project’s cleanup and metadata). Baseline: TextDecoder, linkedom parseHTML, new Readability(document).parse().textContent.',
        'Speed: each reader alone in a fresh process (three processes each, alternating A B B A A B): two warm-up rounds over the pages, then every page read once a round; process.cpuUsage (user + system, so the garbage collector’s work counts) around each read, summed: pages per CPU-second of that process; the median of the three, and their ratio. Until 2026-12-07 both read in one process, page by page, and the figure summed each page’s median read: that left most collections out and made each reader pay for the other’s garbage. F1: bag-of-tokens F1 of our first N tokens against the N gold tokens (goose3 cleaned_text, Postlight first words), mean over pages.',
        'Peak RSS: a fresh process reads a small page, then the largest; maxRSS.',
      ],
    };
  });
}
