/**
 * LDAvis relevance of a topic's terms (Sievert & Shirley 2014,
 * https://doi.org/10.3115/v1/W14-3110): relevance(w | t, λ) = λ·log p(w|t) + (1-λ)·log(p(w|t)/p(w)).
 * λ = 1 ranks by frequency in the topic, λ = 0 by lift (terms rare elsewhere). Pure.
 */

/** The two logs a term brings (see TopicTerm in the read module). */
export interface RelevanceTerm {
  term: string;
  logPwt: number;
  /** null when p(w) is unknown: treated as lift 1 (log 0). */
  logLift: number | null;
}

/** The relevance of one term at λ in [0, 1]. */
export function termRelevance(term: RelevanceTerm, lambda: number): number {
  const l = Math.min(1, Math.max(0, lambda));
  return l * term.logPwt + (1 - l) * (term.logLift ?? 0);
}

/** Terms ordered by relevance at λ, strongest first; ties keep the input order. */
export function rankByRelevance<T extends RelevanceTerm>(terms: readonly T[], lambda: number): T[] {
  return terms
    .map((term, index) => ({ term, index, score: termRelevance(term, lambda) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.term);
}
