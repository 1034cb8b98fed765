import { prompts } from '../../../prompts/index.ts';
import { contentStems, splitSentences } from '../../pipeline/index.ts';

/**
 * Least share of a model sentence's content words that the sentences it cites must contain (the best
 * one or two cited sentences together). Chosen on ECTSum validation (scripts/measure-sentence-support.ts,
 * figures in docs/llm.md): human summary sentences against their own call transcript vs against another
 * company's call.
 */
export const SUPPORT_THRESHOLD = 0.55;

/** Least share of a sentence's words found in one instruction sentence for it to count as an echo. */
const ECHO_THRESHOLD = 0.6;

export type StemSets = ReadonlyArray<ReadonlySet<string>>;

/** A text's sentences, each as its set of content stems. */
export function sentenceStems(text: string): StemSets {
  return splitSentences(text)
    .map((sentence) => new Set(contentStems(sentence)))
    .filter((stems) => stems.size > 0);
}

function covered(wanted: ReadonlySet<string>, by: ReadonlySet<string>, except?: ReadonlySet<string>): number {
  let count = 0;
  for (const stem of wanted) if (by.has(stem) && !except?.has(stem)) count += 1;
  return count;
}

/**
 * Share (0…1) of a sentence's content words found in the best one or two source sentences together:
 * a model sentence may restate one sentence or join two, not gather words from all over an article.
 * A sentence with no content word counts as supported (it claims nothing).
 */
export function sentenceSupport(text: string, sources: StemSets): number {
  const wanted = new Set(contentStems(text));
  if (wanted.size === 0) return 1;
  let best: ReadonlySet<string> | undefined;
  let bestCount = -1;
  for (const stems of sources) {
    const count = covered(wanted, stems);
    if (count > bestCount) {
      best = stems;
      bestCount = count;
    }
  }
  if (best === undefined) return 0;
  let extra = 0;
  for (const stems of sources) if (stems !== best) extra = Math.max(extra, covered(wanted, stems, best));
  return (bestCount + extra) / wanted.size;
}

let instructionSentences: StemSets | null = null;

/** True when a sentence restates the prompts' own instructions ("Be concise and neutral: no advice…"). */
export function echoesInstructions(text: string): boolean {
  instructionSentences ??= prompts.flatMap((prompt) => sentenceStems(prompt.system.replace(/[;:]/g, '.')));
  const wanted = new Set(contentStems(text));
  if (wanted.size === 0) return false;
  return instructionSentences.some((stems) => covered(wanted, stems) / wanted.size >= ECHO_THRESHOLD);
}
