// Organisation recognition on FiNER-ORD (all gold ORG spans, not only those the reference knows) and the
// analyser's cost per article over Reuters articles. Evaluation only: the data is read from ../shared/data.
// Run: node scripts/eval-entities.ts [train|val|test ...] [--time] [--misses]
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, loadReferenceIndex } from '../src/pipeline/understand/index.ts';
import { createEntityRecognizer } from '../src/pipeline/understand/entities/index.ts';

const shared = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const finer = `${shared}entities/finer-ord/`;
const reuters = `${shared}articles/reuters-2006-2013.jsonl.gz`;
const ORGANISATION_TYPES = new Set(['company', 'exchange', 'central-bank', 'regulator', 'institution', 'organisation']);

interface Span {
  start: number;
  end: number;
  type: string;
}

/** FiNER-ORD documents rebuilt as text with their gold spans (labels: 1/2 PER, 3/4 LOC, 5/6 ORG). */
export function finerDocuments(file: string): Array<{ text: string; gold: Span[] }> {
  const documents = new Map<string, Array<{ label: number; token: string; sentence: string }>>();
  for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const match = /^(\d+),("(?:[^"]|"")*"|[^,]*),(\d+),(\d+)$/.exec(line.trimEnd());
    if (match === null) continue;
    const token = match[2]?.startsWith('"') === true ? match[2].slice(1, -1).replace(/""/g, '"') : (match[2] ?? '');
    const tokens = documents.get(match[3] ?? '') ?? [];
    tokens.push({ label: Number(match[1]), token, sentence: match[4] ?? '' });
    documents.set(match[3] ?? '', tokens);
  }
  return [...documents.values()].map((tokens) => {
    let text = '';
    let sentence = '';
    const gold: Span[] = [];
    for (const { label, token, sentence: current } of tokens) {
      if (text !== '' && current !== sentence) text += '\n';
      else if (text !== '' && !/^[.,;:!?)\]%’'”]|^(’s|'s|n't)$/.test(token) && !/[($“]$/.test(text)) text += ' ';
      sentence = current;
      const span = { start: text.length, end: text.length + token.length, type: label === 5 || label === 6 ? 'ORG' : label <= 2 ? 'PER' : 'LOC' };
      const last = gold[gold.length - 1];
      if (label === 1 || label === 3 || label === 5) gold.push(span);
      else if ((label === 2 || label === 4 || label === 6) && last !== undefined && last.type === span.type) last.end = span.end;
      else if (label !== 0) gold.push(span);
      text += token;
    }
    return { text, gold };
  });
}

const overlaps = (left: Span, right: { start: number; end: number }): boolean => left.start < right.end && right.start < left.end;

export function scoreFiner(split: string, showMisses: boolean) {
  const recognizer = createEntityRecognizer(loadReferenceIndex());
  let gold = 0;
  let found = 0;
  let exactFound = 0;
  let predicted = 0;
  let correct = 0;
  let exactCorrect = 0;
  let people = 0;
  let peopleCorrect = 0;
  for (const document of finerDocuments(`${finer}${split}.csv`)) {
    const located = recognizer.locate(document.text);
    const organisations = located.filter((location) => ORGANISATION_TYPES.has(location.entity.type));
    const goldOrganisations = document.gold.filter((span) => span.type === 'ORG');
    for (const span of goldOrganisations) {
      gold += 1;
      const hit = organisations.find((location) => overlaps(span, location));
      if (hit !== undefined) found += 1;
      if (organisations.some((location) => location.start === span.start && location.end === span.end)) exactFound += 1;
      if (hit === undefined && showMisses) console.log(`MISS  ${document.text.slice(span.start, span.end)}  | ${context(document.text, span)}`);
    }
    for (const location of organisations) {
      predicted += 1;
      if (goldOrganisations.some((span) => overlaps(span, location))) correct += 1;
      else if (showMisses)
        console.log(`FALSE ${document.text.slice(location.start, location.end)} [${location.entity.id}] | ${context(document.text, location)}`);
      if (goldOrganisations.some((span) => span.start === location.start && span.end === location.end)) exactCorrect += 1;
    }
    for (const location of located.filter((candidate) => candidate.entity.type === 'person')) {
      people += 1;
      if (document.gold.some((span) => span.type === 'PER' && overlaps(span, location))) peopleCorrect += 1;
    }
  }
  const f1 = (precision: number, recall: number): number => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));
  const precision = correct / Math.max(predicted, 1);
  const recall = found / Math.max(gold, 1);
  const exactPrecision = exactCorrect / Math.max(predicted, 1);
  const exactRecall = exactFound / Math.max(gold, 1);
  return {
    split,
    gold,
    predicted,
    overlap: { precision: round(precision), recall: round(recall), f1: round(f1(precision, recall)) },
    exact: { precision: round(exactPrecision), recall: round(exactRecall), f1: round(f1(exactPrecision, exactRecall)) },
    people: { predicted: people, precision: round(peopleCorrect / Math.max(people, 1)) },
  };
}

function context(text: string, span: { start: number; end: number }): string {
  return text.slice(Math.max(0, span.start - 60), span.end + 40).replace(/\n/g, ' / ');
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

function timeAnalyzer(count: number): { articles: number; medianMicroseconds: number; meanMicroseconds: number } {
  const lines = gunzipSync(readFileSync(reuters)).toString('utf8').trim().split('\n').slice(0, count);
  const articles = lines.map((line) => {
    const raw = (JSON.parse(line) as { raw: string }).raw;
    return {
      title: (raw.split('\n')[0] ?? '').replace(/^-- /, ''),
      text: raw
        .split('\n')
        .filter((row) => !row.startsWith('-- '))
        .join('\n'),
    };
  });
  const analyzer = createAnalyzer(loadReferenceIndex());
  for (const article of articles.slice(0, 100)) analyzer.analyze(article);
  // Five rounds; each article's cost is its median over the rounds, then the median over articles.
  const costs = articles.map(() => [] as number[]);
  for (let round = 0; round < 5; round += 1) {
    articles.forEach((article, position) => {
      const started = process.hrtime.bigint();
      analyzer.analyze(article);
      costs[position]?.push(Number(process.hrtime.bigint() - started) / 1000);
    });
  }
  const perArticle = costs.map((list) => median(list));
  return {
    articles: articles.length,
    medianMicroseconds: Math.round(median(perArticle)),
    meanMicroseconds: Math.round(perArticle.reduce((sum, value) => sum + value, 0) / perArticle.length),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const splits = args.filter((arg) => !arg.startsWith('--'));
  if (!existsSync(finer)) throw new Error(`${finer} is absent: FiNER-ORD is needed for this evaluation`);
  for (const split of splits.length === 0 ? ['val', 'test'] : splits) console.log(JSON.stringify(scoreFiner(split, args.includes('--misses'))));
  if (args.includes('--time')) {
    if (!existsSync(reuters)) throw new Error(`${reuters} is absent: the Reuters articles are needed for timing`);
    console.log(JSON.stringify({ analyzer: timeAnalyzer(1000) }));
  }
}
