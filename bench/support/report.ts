// How every benchmark reports: one JSON object on stdout (name, parameters, figures, a few summary
// rows for the table, machine info), progress on stderr; alone, it also prints its table.
import { machineInfo, type MachineInfo } from './machine.ts';

export interface SummaryRow {
  figure: string;
  value: string;
  /** The goal this figure is held against (issue 14's table), when it has one. */
  goal?: string;
  /** Whether this run met the goal. */
  met?: boolean;
}

export interface BenchmarkOutcome {
  parameters: Record<string, unknown>;
  figures: Record<string, unknown>;
  /** The rows the summary table shows. */
  summary: SummaryRow[];
  /** How it was measured, in a sentence or two each. */
  notes: string[];
}

export interface BenchmarkResult extends BenchmarkOutcome {
  name: string;
  machine: MachineInfo;
  seconds: number;
}

/** True under `npm run bench` (bench/run.ts prints the table for all benchmarks at the end). */
export const underRunner = process.env['BENCH_RUNNER'] === '1';

const started = performance.now();

export function progress(name: string, message: string): void {
  process.stderr.write(`[${name} ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

/** The summary rows as a Markdown table: each figure beside its goal and whether this run met it. */
export function formatTable(results: readonly Pick<BenchmarkResult, 'name' | 'summary'>[]): string {
  const verdict = (row: SummaryRow) => (row.met === undefined ? '' : row.met ? 'met' : 'NOT met');
  const rows = results.flatMap((result) => result.summary.map((row) => [result.name, row.figure, row.value, row.goal ?? '', verdict(row)] as const));
  const header = ['benchmark', 'figure', 'value', 'goal', 'met'];
  const widths = header.map((_name, column) => Math.max(...[header, ...rows].map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Runs one benchmark, prints its JSON result (and, when alone, its table) and exits non-zero on failure. */
export async function runBenchmark(name: string, work: () => Promise<BenchmarkOutcome>): Promise<void> {
  const machineBefore = machineInfo();
  try {
    const outcome = await work();
    const result: BenchmarkResult = {
      name,
      ...outcome,
      machine: { ...machineBefore, loadAverage: Math.max(machineBefore.loadAverage, machineInfo().loadAverage) },
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    const table = underRunner ? '' : `\n${formatTable([result])}\n`;
    // Exit once written: a client library's stray timer must not keep a finished benchmark alive.
    process.stdout.write(`${JSON.stringify(result)}\n${table}`, () => process.exit());
  } catch (error) {
    process.stderr.write(`[${name}] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`, () => process.exit(1));
  }
}
