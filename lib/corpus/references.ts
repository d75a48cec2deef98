/**
 * Resolving cited references to the corpus papers they point to: by DOI, by a paper identifier
 * (OpenAlex W-id, S2 paperId, PMID, WoS UT, …), by first author's surname + year + volume + first
 * page (as WoS writes its `CR` lines), or by title when the reference gives one.
 */
import { referencePartsKey } from './bib-fields';
import { MIN_REFERENCE_TITLE_KEY } from './normalize-record';
import { matchKey } from './normalize-text';
import type { Paper } from './types';

/** Per paper, per reference (same order as `paper.references`): the cited paper's index, or -1. */
export interface ReferenceTargets {
  targets: Int32Array[];
  /** References in all. */
  references: number;
  /** References that resolved to a corpus paper (a paper citing itself does not count). */
  resolved: number;
}

/** The surname of a paper's first author in `Surname, Given` form (display names are `Given Surname`). */
function firstAuthorInverted(p: Paper): string | null {
  const first = p.authors[0]?.name;
  if (first === undefined) return null;
  const space = first.lastIndexOf(' ');
  return `${space < 0 ? first : first.slice(space + 1)}, x`;
}

/** Resolves every reference of every paper. Pure; same papers → same targets. */
export function buildReferenceTargets(papers: readonly Paper[]): ReferenceTargets {
  const byKey = new Map<string, number>();
  const ambiguous = new Set<string>();
  const add = (key: string, at: number): void => {
    const had = byKey.get(key);
    if (had === undefined) byKey.set(key, at);
    else if (had !== at) ambiguous.add(key);
  };
  let any = false;
  for (const p of papers) if (p.references.length > 0) any = true;
  // Papers without references share one empty array (one each is 150 bytes a paper for nothing).
  const none = new Int32Array(0);
  if (!any) return { targets: papers.map(() => none), references: 0, resolved: 0 };
  papers.forEach((p, at) => {
    if (p.doi !== null) add(`doi:${p.doi}`, at);
    for (const id of p.ids) add(`${id.scheme}:${id.value.toLowerCase()}`, at);
    if (p.volume !== null || p.firstPage !== null) {
      const key = referencePartsKey({
        firstAuthor: firstAuthorInverted(p),
        year: p.year,
        volume: p.volume,
        page: p.firstPage,
      });
      if (key !== null) add(key, at);
    }
    if (!p.titleDerived) {
      const t = matchKey(p.title);
      if (t.length >= MIN_REFERENCE_TITLE_KEY) add(`title:${t}`, at);
    }
  });
  let references = 0;
  let resolved = 0;
  const lookup = (key: string | null): number => {
    if (key === null || ambiguous.has(key)) return -1;
    return byKey.get(key) ?? -1;
  };
  const targets = papers.map((p, at) => {
    if (p.references.length === 0) return none;
    const out = new Int32Array(p.references.length).fill(-1);
    p.references.forEach((r, i) => {
      references++;
      let hit = r.doi !== null ? lookup(`doi:${r.doi}`) : -1;
      for (let k = 0; hit < 0 && k < r.ids.length; k++)
        hit = lookup(`${r.ids[k].scheme}:${r.ids[k].value.toLowerCase()}`);
      // A reference's DOI may be one the corpus record lacks: its author, year, volume and page still match.
      if (hit < 0 && r.partsKey !== null) hit = lookup(r.partsKey);
      if (hit < 0 && r.titleKey !== null) hit = lookup(`title:${r.titleKey}`);
      if (hit >= 0 && hit !== at) {
        out[i] = hit;
        resolved++;
      }
    });
    return out;
  });
  return { targets, references, resolved };
}
