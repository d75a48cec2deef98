/**
 * What a topic is about: class-based TF-IDF terms, a short readable label, representative papers,
 * topic-to-topic similarity and a tree of topics by agglomerative merging of their centroids.
 */
import type { SurfaceForms } from '../text/types';
import { cosine } from './linalg';
import type { CountMatrix, DenseMatrix } from './matrix';
import type { TopicTreeNode } from './types';

/** Top terms of one topic: vocabulary term ids and c-TF-IDF weights, heaviest first. */
export interface ClassTerms {
  termIds: number[];
  weights: number[];
  /** Positions in `termIds` by LDAvis relevance at λ = `labelLambda`: the order a label picks
   * from, so that it names what sets the topic apart rather than words every topic uses. */
  labelOrder: number[];
}

/** λ of the relevance that orders label candidates: Sievert & Shirley (2014) found 0.6 best for
 * people judging what a topic is about. */
export const LABEL_LAMBDA = 0.6;

/**
 * Class-based TF-IDF, BERTopic (arXiv:2203.05794): the papers of a topic are one document; a
 * term's weight is its L1-normalized frequency in the topic times log(1 + A / f), with A the mean
 * number of term occurrences per topic and f the term's occurrences over all topics.
 * `counts` is papers × columns of raw counts, `columns` maps a column to its vocabulary term id.
 */
export function buildClassTerms(
  counts: CountMatrix,
  columns: Int32Array,
  assignments: Int32Array,
  k: number,
  top = 30,
  labelLambda = LABEL_LAMBDA,
): ClassTerms[] {
  const cols = counts.cols;
  const perTopic = new Float64Array(k * cols);
  for (let r = 0; r < counts.rows; r++) {
    const o = assignments[r] * cols;
    for (let p = counts.indptr[r]; p < counts.indptr[r + 1]; p++) perTopic[o + counts.indices[p]] += counts.values[p];
  }
  const termTotal = new Float64Array(cols);
  const topicTotal = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    for (let c = 0; c < cols; c++) {
      termTotal[c] += perTopic[t * cols + c];
      topicTotal[t] += perTopic[t * cols + c];
    }
  }
  let all = 0;
  for (const v of topicTotal) all += v;
  const average = all / k;
  const idf = Float64Array.from(termTotal, (f) => (f > 0 ? Math.log(1 + average / f) : 0));
  const result: ClassTerms[] = [];
  for (let t = 0; t < k; t++) {
    const weights: { c: number; w: number }[] = [];
    for (let c = 0; c < cols; c++) {
      const v = perTopic[t * cols + c];
      if (v > 0) weights.push({ c, w: (v / topicTotal[t]) * idf[c] });
    }
    weights.sort((a, b) => b.w - a.w || columns[a.c] - columns[b.c]);
    const kept = weights.slice(0, top);
    // relevance = λ·log p(w|t) + (1 − λ)·log(p(w|t) / p(w)), over the kept terms.
    const relevance = kept.map(({ c }) => {
      const pwt = perTopic[t * cols + c] / topicTotal[t];
      return labelLambda * Math.log(pwt) + (1 - labelLambda) * Math.log(pwt / (termTotal[c] / all));
    });
    const labelOrder = kept.map((_, i) => i).sort((a, b) => relevance[b] - relevance[a] || a - b);
    result.push({ termIds: kept.map((x) => columns[x.c]), weights: kept.map((x) => x.w), labelOrder });
  }
  return result;
}

/** How far down a topic's terms a phrase may stand in for one of its words. */
const PHRASE_LOOKAHEAD = 15;
/** A phrase stands in for a word when it weighs at least this share of the word. */
const PHRASE_SHARE = 0.3;

/** The letters an acronym of a display form would have: each word's initial, split on spaces and
 * hyphens, with a word that starts with a digit kept whole ("3d gaussian splatting" -> "3dgs"). */
function initialsOf(shown: string): string {
  return shown
    .split(/[\s-]+/)
    .filter((w) => w.length > 0)
    .map((w) => (/^[0-9]/.test(w) ? w : w[0]))
    .join('');
}

/** Whether one display form is an acronym of the other, plural or not ("llms" and "large language
 * models", "rag" and "retrieval-augmented generation"). */
function isAcronymPair(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (/[\s-]/.test(short) || !/[\s-]/.test(long)) return false;
  const initials = initialsOf(long);
  const bare = short.endsWith('s') ? short.slice(0, -1) : short;
  return initials.length >= 2 && (short === initials || bare === initials);
}

/**
 * A short label from a topic's top terms, in the order given (c-TF-IDF weight or relevance): the
 * first `size` terms that are not near-identical to a term already taken — sharing a stemmed word
 * (so "network" and "graph neural network" exclude each other), one display form containing the
 * other, or one an acronym of the other ("llms", "large language models"). Words count on their
 * own as well as inside phrases, so a word often outweighs its phrase: given `weights` (c-TF-IDF,
 * in the same order), a phrase among the next terms that contains the word and weighs at least 30%
 * of it stands in for the word ("remote sensing", not "sensing").
 * `terms` are the vocabulary's stemmed keys, `display` what a person reads. Stemmed words in
 * `avoid` are left out (a sub-topic's label need not repeat its topic's), unless fewer than two
 * terms would be left.
 */
export function formatTopicLabel(
  termIds: readonly number[],
  terms: readonly string[],
  display: readonly string[] | ((id: number) => string),
  size = 3,
  weights?: readonly number[],
  avoid?: ReadonlySet<string>,
): string {
  const shownAs = typeof display === 'function' ? display : (id: number) => display[id];
  return selectLabelTerms(termIds, terms, shownAs, size, weights, avoid).map(shownAs).join(', ');
}

/** The term ids {@link formatTopicLabel} shows, in order. */
export function selectLabelTerms(
  termIds: readonly number[],
  terms: readonly string[],
  shownAs: (id: number) => string,
  size = 3,
  weights?: readonly number[],
  avoid?: ReadonlySet<string>,
): number[] {
  const chosen: number[] = [];
  const stems = new Set<string>(avoid);
  /** Why `id` cannot join the label: null when it can. */
  const conflict = (id: number): 'word' | 'form' | 'acronym' | null => {
    if (terms[id].split(' ').some((w) => stems.has(w))) return 'word';
    const shown = shownAs(id).toLowerCase();
    for (const c of chosen) {
      const other = shownAs(c).toLowerCase();
      if (other.includes(shown) || shown.includes(other)) return 'form';
      if (isAcronymPair(shown, other)) return 'acronym';
    }
    return null;
  };
  for (let r = 0; r < termIds.length && chosen.length < size; r++) {
    const word = termIds[r];
    if (conflict(word) === 'acronym') {
      for (const w of terms[word].split(' ')) stems.add(w);
      continue;
    }
    let id = word;
    if (weights && !terms[word].includes(' ')) {
      for (let q = r + 1; q < Math.min(termIds.length, r + 1 + PHRASE_LOOKAHEAD); q++) {
        if (weights[q] < PHRASE_SHARE * weights[r]) continue;
        if (terms[termIds[q]].split(' ').includes(terms[word])) {
          id = termIds[q];
          break;
        }
      }
    }
    // A phrase that clashes with the label falls back to its word, unless the phrase is already
    // there under its acronym (then "large" would only repeat "llms").
    const why = conflict(id);
    if (why === 'acronym') {
      // Its words are in the label through the acronym.
      for (const w of terms[id].split(' ')) stems.add(w);
      continue;
    }
    if (why !== null) {
      if (id === word || conflict(word) !== null) continue;
      id = word;
    }
    chosen.push(id);
    for (const w of terms[id].split(' ')) stems.add(w);
  }
  if (avoid && avoid.size > 0 && chosen.length < Math.min(2, size))
    return selectLabelTerms(termIds, terms, shownAs, size, weights);
  return chosen;
}

/**
 * How each topic writes its words: for every term of `candidates[topic]` written more than one
 * way, the form used most often in that topic's papers (ties to the alphabetically first), where
 * it differs from the corpus-wide `display`. A domain-adaptation topic says "adaptation" though
 * the corpus says "adaptive" more; a relation-extraction topic says "relations", not "related".
 */
export function buildTopicDisplay(
  forms: SurfaceForms,
  assignments: Int32Array,
  k: number,
  candidates: readonly (readonly number[])[],
  display: readonly string[],
): Map<number, string>[] {
  const nForms = forms.text.length;
  const counts = new Float64Array(k * nForms);
  for (let d = 0; d < assignments.length; d++) {
    const base = assignments[d] * nForms;
    for (let i = forms.docStart[d]; i < forms.docStart[d + 1]; i++) counts[base + forms.tokens[i]]++;
  }
  const formsOfTerm = new Map<number, number[]>();
  for (let f = 0; f < nForms; f++) {
    const list = formsOfTerm.get(forms.term[f]);
    if (list) list.push(f);
    else formsOfTerm.set(forms.term[f], [f]);
  }
  return candidates.map((termIds, topic) => {
    const chosen = new Map<number, string>();
    for (const t of termIds) {
      let best = -1;
      for (const f of formsOfTerm.get(t) ?? []) {
        const c = counts[topic * nForms + f];
        if (c === 0) continue;
        if (
          best < 0 ||
          c > counts[topic * nForms + best] ||
          (c === counts[topic * nForms + best] && forms.text[f] < forms.text[best])
        )
          best = f;
      }
      if (best >= 0 && forms.text[best] !== display[t]) chosen.set(t, forms.text[best]);
    }
    return chosen;
  });
}

/** Per topic, the `count` papers with the highest cosine to the topic centroid, closest first. */
export function buildRepresentatives(
  vectors: DenseMatrix,
  centroids: DenseMatrix,
  assignments: Int32Array,
  count = 10,
): number[][] {
  const dims = vectors.cols;
  const scored: { i: number; s: number }[][] = Array.from({ length: centroids.rows }, () => []);
  for (let i = 0; i < vectors.rows; i++) {
    const t = assignments[i];
    scored[t].push({ i, s: cosine(vectors.data, i, centroids.data, t, dims) });
  }
  return scored.map((list) =>
    list
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, count)
      .map((x) => x.i),
  );
}

/** k × k cosine similarity of the centroids, row-major. */
export function buildTopicSimilarity(centroids: DenseMatrix): Float64Array {
  const k = centroids.rows;
  const dims = centroids.cols;
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const s = a === b ? 1 : cosine(centroids.data, a, centroids.data, b, dims);
      out[a * k + b] = s;
      out[b * k + a] = s;
    }
  }
  return out;
}

/**
 * Topic tree by average-linkage agglomerative clustering (UPGMA) of the topics on the cosine
 * distance of their centroids (1 - similarity): the two closest groups merge, repeatedly; a
 * merged group's distance to another is the mean over their topic pairs. Ties merge the lowest ids.
 * https://en.wikipedia.org/wiki/UPGMA
 */
export function buildTopicTree(similarity: Float64Array, sizes: readonly number[]): TopicTreeNode[] {
  const k = sizes.length;
  const nodes: TopicTreeNode[] = sizes.map((size, id) => ({ id, parent: -1, children: [], height: 0, size }));
  // Distances between active groups; group g is node activeNode[g], with members[g] topics.
  const dist = Float64Array.from(similarity, (s) => 1 - s);
  const activeNode = Int32Array.from({ length: k }, (_, i) => i);
  const members = new Int32Array(k).fill(1);
  const active = new Uint8Array(k).fill(1);
  for (let step = 0; step < k - 1; step++) {
    let best = Infinity;
    let ga = -1;
    let gb = -1;
    for (let a = 0; a < k; a++) {
      if (!active[a]) continue;
      for (let b = a + 1; b < k; b++) {
        if (!active[b]) continue;
        if (dist[a * k + b] < best) {
          best = dist[a * k + b];
          ga = a;
          gb = b;
        }
      }
    }
    const id = nodes.length;
    const na = activeNode[ga];
    const nb = activeNode[gb];
    nodes.push({
      id,
      parent: -1,
      children: [na, nb],
      height: Math.max(0, best),
      size: nodes[na].size + nodes[nb].size,
    });
    nodes[na].parent = id;
    nodes[nb].parent = id;
    // Group ga becomes the merge; group gb retires.
    for (let c = 0; c < k; c++) {
      if (!active[c] || c === ga || c === gb) continue;
      const d = (dist[ga * k + c] * members[ga] + dist[gb * k + c] * members[gb]) / (members[ga] + members[gb]);
      dist[ga * k + c] = d;
      dist[c * k + ga] = d;
    }
    members[ga] += members[gb];
    active[gb] = 0;
    activeNode[ga] = id;
  }
  return nodes;
}
