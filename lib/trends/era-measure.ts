/**
 * How well a burst list names a field's history: the share of known subject eras found among the
 * top bursts (a burst of one of the era's names whose years meet the era's within `slack` years),
 * and the share of the top bursts that are general words. Used by the bench and the tests against
 * lists written from the field's history, never fitted to the output.
 */

export interface SubjectEra {
  era: string;
  names: string[];
  from: number;
  to: number;
}

export interface RankedBurst {
  /** The term as shown (`support vector machines`). */
  term: string;
  /** First and last year of the burst. */
  start: number;
  end: number;
}

/** Each era with the first top burst naming it (rank from 1), and the two shares. */
export interface EraMeasure {
  found: { era: string; burst: RankedBurst | null; rank: number | null }[];
  foundShare: number;
  generalShare: number;
}

/** Eras found among the first `top` bursts, and the share of those bursts that are `general` words. */
export function measureEras(
  bursts: readonly RankedBurst[],
  eras: readonly SubjectEra[],
  general: readonly string[],
  top = 50,
  slack = 1,
): EraMeasure {
  const head = bursts.slice(0, top);
  const carries = (term: string, name: string) => ` ${term.toLowerCase()} `.includes(` ${name.toLowerCase()} `);
  const found = eras.map((era) => {
    const rank = head.findIndex(
      (b) => era.names.some((n) => carries(b.term, n)) && b.start <= era.to + slack && b.end >= era.from - slack,
    );
    return { era: era.era, burst: rank >= 0 ? head[rank] : null, rank: rank >= 0 ? rank + 1 : null };
  });
  const generalSet = new Set(general.map((g) => g.toLowerCase()));
  return {
    found,
    foundShare: found.filter((f) => f.burst !== null).length / Math.max(1, eras.length),
    generalShare: head.filter((b) => generalSet.has(b.term.toLowerCase())).length / Math.max(1, head.length),
  };
}
