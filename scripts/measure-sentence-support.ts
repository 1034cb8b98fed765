/**
 * Measures the sentence-support test on ECTSum validation (read from ../shared/data, never shipped):
 * positives are human summary sentences against their own earnings-call transcript, negatives the same
 * sentences against another company's call. Prints the support distribution and, per threshold, the
 * share of positives kept and of negatives refused.
 *   node scripts/measure-sentence-support.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sentenceStems, sentenceSupport } from '../src/llm/grounding/sentence-support.ts';

const directory = fileURLToPath(new URL('../../shared/data/summaries/ectsum-val/', import.meta.url));
const files = readdirSync(`${directory}gt_summaries`).sort();
const transcripts = files.map((file) => sentenceStems(readFileSync(`${directory}ects/${file}`, 'utf8')));
const positives: number[] = [];
const negatives: number[] = [];
files.forEach((file, position) => {
  const other = transcripts[(position + 7) % files.length] ?? [];
  for (const sentence of readFileSync(`${directory}gt_summaries/${file}`, 'utf8').split('\n')) {
    if (sentence.trim() === '') continue;
    positives.push(sentenceSupport(sentence, transcripts[position] ?? []));
    negatives.push(sentenceSupport(sentence, other));
  }
});
console.log(`${files.length} calls, ${positives.length} summary sentences`);
for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
  const kept = positives.filter((value) => value >= threshold).length / positives.length;
  const refused = negatives.filter((value) => value < threshold).length / negatives.length;
  console.log(
    `threshold ${threshold.toFixed(2)}: positives kept ${(100 * kept).toFixed(1)}%, negatives refused ${(100 * refused).toFixed(1)}%, balanced ${(50 * (kept + refused)).toFixed(1)}%`,
  );
}
