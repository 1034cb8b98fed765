// The regular forms a word may be inflected from, tried in order by the sentiment lemmatiser (units.ts).

/** Candidate lemmas of a lower-case word: "-ies"/"-ied" to "-y", then "-ing", "-ed", "-es" and "-s" stripped. */
export function lemmaCandidates(word: string): string[] {
  const candidates: string[] = [];
  const undouble = (stem: string): string => (/([bdglmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem);
  if (/ies$|ied$/.test(word)) candidates.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ing')) {
    const stem = word.slice(0, -3);
    candidates.push(stem, `${stem}e`, undouble(stem));
  }
  if (word.endsWith('ed')) {
    const stem = word.slice(0, -2);
    candidates.push(stem, `${stem}e`, undouble(stem));
  }
  if (word.endsWith('es')) candidates.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) candidates.push(word.slice(0, -1));
  return candidates;
}
