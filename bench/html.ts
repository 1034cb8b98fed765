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

const cpuMicroseconds = (): number => {
  const used = process.cpuUsage();
  return used.user + used.system;
};

/**
 * One round: every page read by both, page by page, the order swapped every other round, so that
 * load from other work falls on both alike. CPU microseconds (user + system) of each read, by page.
 */
function measureRound(pages: GoldPage[], index: number): { ours: number[]; theirs: number[] } {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (const page of pages) {
    for (const which of index % 2 === 0 ? [0, 1] : [1, 0]) {
      const started = cpuMicroseconds();
      (which === 0 ? pipeline : baseline)(page);
      (which === 0 ? ours : theirs).push(cpuMicroseconds() - started);
    }
  }
  return { ours, theirs };
}

/** Pages per CPU-second from each page's median cost over the rounds (a busy moment hits one read, not the figure). */
function pagesPerCpuSecond(rounds: number[][]): number {
  const pages = rounds[0]?.length ?? 0;
  let total = 0;
  for (let page = 0; page < pages; page += 1) total += median(rounds.map((round) => round[page] ?? 0));
  return pages / (total / 1e6);
}

/** Peak RSS of a fresh process reading the largest page once (after a warm-up read of a small one). */
function peakMemory(which: 'pipeline' | 'baseline', page: string): { baselineRssMb: number; peakRssMb: number } {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--memory', which, page], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { baselineRssMb: number; peakRssMb: number };
}

if (process.argv[2] === '--memory') {
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

    // Two warm-up rounds (the JIT settles), then the measured ones.
    for (let index = 0; index < WARM_UP; index += 1) measureRound(pages, index);
    const ours: number[][] = [];
    const theirs: number[][] = [];
    for (let index = 0; index < ROUNDS; index += 1) {
      const result = measureRound(pages, index);
      ours.push(result.ours);
      theirs.push(result.theirs);
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
      progress(
        NAME,
        `round ${index + 1}/${ROUNDS}: pipeline ${round(pages.length / (sum(result.ours) / 1e6), 1)}, baseline ${round(pages.length / (sum(result.theirs) / 1e6), 1)} pages/CPU-s`,
      );
    }
    const oursRate = pagesPerCpuSecond(ours);
    const theirsRate = pagesPerCpuSecond(theirs);
    const largest = [...pages].sort((a, b) => b.bytes.length - a.bytes.length)[0] as GoldPage;
    const memory = { pipeline: peakMemory('pipeline', largest.name), baseline: peakMemory('baseline', largest.name) };

    const pipelineF1 = mean(pipelineScores);
    const ratio = round(oursRate / theirsRate, 2);
    return {
      parameters: { pages: pages.length, bytes, rounds: ROUNDS, largestPage: { name: largest.name, bytes: largest.bytes.length } },
      figures: {
        pipeline: { pagesPerCpuSecond: round(oursRate, 1), f1: pipelineF1, f1AfterClean: mean(cleanedScores), peakRss: memory.pipeline },
        baseline: { pagesPerCpuSecond: round(theirsRate, 1), f1: mean(baselineScores), peakRss: memory.baseline },
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
          figure: `HTML pages per CPU-s, ${pages.length} real pages (per-page medians of ${ROUNDS} rounds)`,
          value: `${round(oursRate, 1)} vs ${round(theirsRate, 1)} Readability+linkedom: ×${ratio}`,
          goal: '≥ ×1.0',
          met: ratio >= 1,
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
        'Speed: process.cpuUsage (user + system) around each read, page by page, the two alternating (order swapped every round), after two warm-up rounds; each page’s median CPU time over the rounds, summed over the pages: pages per CPU-second of each, and their ratio. F1: bag-of-tokens F1 of our first N tokens against the N gold tokens (goose3 cleaned_text, Postlight first words), mean over pages.',
        'Peak RSS: a fresh process reads a small page, then the largest; maxRSS.',
      ],
    };
  });
}
