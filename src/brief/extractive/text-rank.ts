// LexRank-style sentence centrality: sentences are TF-IDF vectors (IDF over the document's own
// sentences), edges join sentences whose cosine similarity passes a threshold, and PageRank over
// that graph scores how central each sentence is. Similarities come from an inverted index, so
// only pairs that share a term are ever compared.

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had
  has have having he her here hers herself him himself his how i if in into is it its itself just
  me more most my myself no nor not now of off on once only or other our ours ourselves out over own
  same she should so some such than that the their theirs them themselves then there these they this
  those through to too under until up very was we were what when where which while who whom why will
  with would you your yours yourself yourselves said says say according also would could may might
  one two new year years per cent percent pct inc corp co ltd plc company companies reuters us well
  going think know really get got lot like just quarter`.split(/\s+/),
);

const DAMPING = 0.85;
const ITERATIONS = 40;
const EDGE_THRESHOLD = 0.08;

/** A sparse TF-IDF vector: term → weight, with its Euclidean norm. */
export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

/** Content terms of a sentence: lower-case words and figures, stopwords dropped, plurals folded. */
export function contentTerms(sentence: string): string[] {
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    if (STOPWORDS.has(word) || (word.length < 2 && !/\d/.test(word))) continue;
    terms.push(word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return terms;
}

/** TF-IDF vectors of the given term lists, IDF counted over the lists themselves. */
export function termVectors(termLists: readonly string[][]): TermVector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const count = termLists.length;
  return termLists.map((terms) => {
    const weights = new Map<string, number>();
    for (const term of terms) weights.set(term, (weights.get(term) ?? 0) + 1);
    let squared = 0;
    for (const [term, frequency] of weights) {
      const weight = frequency * Math.log(1 + count / (documentFrequency.get(term) ?? 1));
      weights.set(term, weight);
      squared += weight * weight;
    }
    return { weights, norm: Math.sqrt(squared) };
  });
}

/** Cosine similarity of two sparse vectors. */
export function cosine(left: TermVector, right: TermVector): number {
  if (left.norm === 0 || right.norm === 0) return 0;
  const [small, large] = left.weights.size <= right.weights.size ? [left, right] : [right, left];
  let dot = 0;
  for (const [term, weight] of small.weights) dot += weight * (large.weights.get(term) ?? 0);
  return dot / (left.norm * right.norm);
}

/**
 * Centrality of each vector in the similarity graph (PageRank with a personalised restart), scaled
 * so the mean is 1. `prior` biases the restart toward some sentences (position, entities).
 */
export function centrality(vectors: readonly TermVector[], prior: readonly number[]): number[] {
  const count = vectors.length;
  if (count === 0) return [];
  const edges = similarityEdges(vectors);
  const outWeight = new Float64Array(count);
  for (const [from, list] of edges.entries()) for (const edge of list) outWeight[from] = (outWeight[from] ?? 0) + edge.weight;
  const priorSum = prior.reduce((sum, value) => sum + value, 0) || count;
  const restart = Float64Array.from({ length: count }, (_, index) => (prior[index] ?? 1) / priorSum);
  let rank = Float64Array.from(restart);
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    const next = new Float64Array(count);
    let dangling = 0;
    for (let from = 0; from < count; from += 1) {
      const share = rank[from] ?? 0;
      const total = outWeight[from] ?? 0;
      if (total === 0) {
        dangling += share;
        continue;
      }
      for (const edge of edges[from] ?? []) next[edge.to] = (next[edge.to] ?? 0) + (share * edge.weight) / total;
    }
    for (let index = 0; index < count; index += 1) {
      next[index] = DAMPING * ((next[index] ?? 0) + dangling * (restart[index] ?? 0)) + (1 - DAMPING) * (restart[index] ?? 0);
    }
    rank = next;
  }
  return Array.from(rank, (value) => value * count);
}

function similarityEdges(vectors: readonly TermVector[]): Array<Array<{ to: number; weight: number }>> {
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, index) => {
    for (const term of vector.weights.keys()) {
      const list = postings.get(term);
      if (list === undefined) postings.set(term, [index]);
      else list.push(index);
    }
  });
  const edges: Array<Array<{ to: number; weight: number }>> = vectors.map(() => []);
  vectors.forEach((vector, index) => {
    const neighbours = new Set<number>();
    for (const term of vector.weights.keys()) for (const other of postings.get(term) ?? []) if (other > index) neighbours.add(other);
    for (const other of neighbours) {
      const otherVector = vectors[other];
      if (otherVector === undefined) continue;
      const similarity = cosine(vector, otherVector);
      if (similarity < EDGE_THRESHOLD) continue;
      edges[index]?.push({ to: other, weight: similarity });
      edges[other]?.push({ to: index, weight: similarity });
    }
  });
  return edges;
}
