/** Headline words, and the template words a set of headlines repeats ("…: What You Should Know"). */
const STOPWORDS = new Set(
  'a an the and or of to in on for at by with from as is are was were be has have had its it this that after amid over into up down says said new'.split(' '),
);

function tokens(title: string): string[] {
  return title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Content words of a headline: lower case, stopwords and one-letter words out. */
export function titleWords(title: string): Set<string> {
  return new Set(tokens(title).filter((word) => word.length > 1 && !STOPWORDS.has(word)));
}

/** How many distinct headlines must repeat a three-word run for it to count as a template. */
export const TEMPLATE_MIN_TITLES = 3;

/**
 * Words of every three-word run that at least TEMPLATE_MIN_TITLES distinct headlines share: the
 * boilerplate of serial notes ("Stock Sinks As Market Gains: What You Should Know") or of a TV
 * segment's episodes. Runs, not single words, so a topic word many headlines use ("crisis") is
 * not taken for a template. Linear in the total headline length.
 */
export function templateWords(titles: readonly string[]): Set<string> {
  const seen = new Map<string, number>();
  for (const title of new Set(titles)) {
    const words = tokens(title);
    const runs = new Set<string>();
    for (let index = 0; index + 3 <= words.length; index += 1) runs.add(words.slice(index, index + 3).join(' '));
    for (const run of runs) seen.set(run, (seen.get(run) ?? 0) + 1);
  }
  const template = new Set<string>();
  for (const [run, count] of seen) {
    if (count < TEMPLATE_MIN_TITLES) continue;
    for (const word of run.split(' ')) if (word.length > 1 && !STOPWORDS.has(word)) template.add(word);
  }
  return template;
}
