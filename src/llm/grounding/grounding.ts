import { figuresIn, quantitiesIn, type Quantity, supports } from './figures.ts';
import { nameIndex, type NameIndex, unsupportedNames } from './names.ts';
import type { ReferenceIndex } from '../../pipeline/index.ts';
import { echoesInstructions, SUPPORT_THRESHOLD, type StemSets, sentenceStems, sentenceSupport } from './sentence-support.ts';

/** What the guard reads of a cited source. */
export interface GroundingSource {
  title: string;
  text: string;
  entities: ReadonlyArray<{ id: string }>;
}

export interface GroundingVerdict {
  ok: boolean;
  /** Why it failed, one line each: `figure "$7.2 billion" is not in the cited sources`. */
  reasons: string[];
}

export interface GroundingGuard {
  /** Checks one generated sentence against the sources it cites: figures, names, and nothing that could act. */
  check(text: string, sources: readonly GroundingSource[]): GroundingVerdict;
}

interface SourceIndex {
  quantities: Quantity[];
  names: NameIndex;
  /** Lower-cased text, for links the source itself contains ("JD.com"). */
  lower: string;
  /** Each sentence's content stems, for the sentence-level support test. */
  sentences: StemSets;
}

const LINK = /\b(?:https?:\/\/|ftp:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/\S*/giu;
const DOMAIN = /\b[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|net|org|io|co|ai|app|dev|xyz|info|biz|ly|gg|me|link|example|top|site|online|click)\b/giu;
const MENTION = /(?:^|[^\p{L}\p{N}_.])@[\p{L}\p{N}_.-]+|<[@#!][^>]*>|<@&?\d+>/u;
const CHANNEL = /(?:^|[\s(])#[\p{L}_][\p{L}\p{N}_-]*/u;
const COMMAND = /(?:^|[\s("'“])\/[a-z][\w-]*/u;

/**
 * Reasons a sentence could act rather than inform once posted: a link, a mention, a channel
 * reference or a slash command. Article text can ask the model for any of these; none of them
 * may reach a channel (a domain the source itself names, such as "JD.com", is only a name).
 */
export function unsafeReasons(text: string, sourceText = ''): string[] {
  const reasons: string[] = [];
  const links = [...(text.match(LINK) ?? []), ...(text.match(DOMAIN) ?? []).filter((domain) => !sourceText.includes(domain.toLowerCase()))];
  if (links.length > 0) reasons.push(`contains a link (${links[0]})`);
  if (MENTION.test(text)) reasons.push('contains a mention');
  if (CHANNEL.test(text)) reasons.push('names a channel');
  if (COMMAND.test(text)) reasons.push('contains a command');
  return reasons;
}

/**
 * The grounding guard: every number with its unit and every named company, index or person in
 * generated text must be found in the sources it cites, the sentence itself must be supported by the
 * cited sentences (its content words, sentence-support.ts), it must not restate the model's own
 * instructions, and nothing in it may act on a channel.
 */
export function createGroundingGuard(dependencies: {
  reference: ReferenceIndex;
  commonWords: ReadonlySet<string>;
  /** Checks each sentence's support and instruction echoes too (default); false checks figures, names and safety only. */
  sentences?: boolean;
}): GroundingGuard {
  const indexes = new WeakMap<GroundingSource, SourceIndex>();
  const indexOf = (source: GroundingSource): SourceIndex => {
    const known = indexes.get(source);
    if (known !== undefined) return known;
    const full = `${source.title}\n${source.text}`;
    const index: SourceIndex = {
      quantities: quantitiesIn(full),
      names: nameIndex(
        full,
        source.entities.map((entity) => entity.id),
      ),
      lower: full.toLowerCase(),
      sentences: sentenceStems(`${source.title}.\n${source.text}`),
    };
    indexes.set(source, index);
    return index;
  };

  return {
    check(text, sources) {
      if (sources.length === 0) return { ok: false, reasons: ['cites no stored source'] };
      const indexed = sources.map(indexOf);
      const reasons = unsafeReasons(text, indexed.map((index) => index.lower).join('\n'));
      for (const figure of figuresIn(text)) {
        const claimed = figure.quantity;
        if (!indexed.some((index) => index.quantities.some((quantity) => supports(quantity, claimed)))) {
          reasons.push(`figure "${figure.text}" is not in the cited sources`);
        }
      }
      const names = unsupportedNames(
        text,
        indexed.map((index) => index.names),
        dependencies,
      );
      for (const name of names) reasons.push(`name "${name}" is not in the cited sources`);
      if (dependencies.sentences === false) return { ok: reasons.length === 0, reasons };
      if (echoesInstructions(text)) reasons.push('repeats the instructions, not the sources');
      else {
        const support = sentenceSupport(
          text,
          indexed.flatMap((index) => index.sentences),
        );
        if (support < SUPPORT_THRESHOLD) reasons.push(`not supported by the cited sentences (${Math.round(100 * support)}% of its words)`);
      }
      return { ok: reasons.length === 0, reasons };
    },
  };
}
