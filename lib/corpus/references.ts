/**
 * Resolving cited references to the corpus papers they point to: by DOI, by a paper identifier
 * (OpenAlex W-id, S2 paperId, PMID, WoS UT, …), by first author's surname + year + volume + first
 * page (as WoS writes its `CR` lines), or by title when the reference gives one.
 */
import { buildReferenceKey, buildSurnameKey } from './bib-fields';
import { buildMatchKey } from './normalize-text';
import type { Paper } from './types';

/** Per paper, per reference (same order as `paper.references`): the cited paper's index, or -1. */
export interface ReferenceTargets {
  targets: Int32Array[];
  /** References in all. */
  references: number;
  /** References that resolved to a corpus paper (a paper citing itself does not count). */
  resolved: number;
}

/** Shortest title key compared: short titles ("Introduction") name many papers. */
const MIN_TITLE_KEY = 24;

function surnameOf(p: Paper): string {
  const first = p.authors[0]?.name;
  if (first === undefined) return '';
  const words = first.split(/\s+/);
  return buildSurnameKey(`${words[words.length - 1]}, x`);
}

function pageKey(page: string | null): string {
  return page === null ? '' : page.trim().toLowerCase().replace(/^p+\.?\s*/, '').split(/[-–]/)[0].replace(/[^a-z0-9]/g, '');
}

function volumeKey(volume: string | null): string {
  return volume === null ? '' : volume.trim().toLowerCase().replace(/^v(?:ol)?\.?\s*/, '').replace(/[^a-z0-9]/g, '');
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
  if (!any) return { targets: papers.map(() => new Int32Array(0)), references: 0, resolved: 0 };
  papers.forEach((p, at) => {
    if (p.doi !== null) add(`doi:${p.doi}`, at);
    for (const id of p.ids) add(`${id.scheme}:${id.value.toLowerCase()}`, at);
    const surname = surnameOf(p);
    const volume = volumeKey(p.volume);
    const page = pageKey(p.firstPage);
    if (surname !== '' && p.year !== null && (volume !== '' || page !== '')) add(`${surname}|${p.year}|v${volume}|p${page}`, at);
    if (!p.titleDerived) {
      const t = buildMatchKey(p.title);
      if (t.length >= MIN_TITLE_KEY) add(`title:${t}`, at);
    }
  });
  let references = 0;
  let resolved = 0;
  const lookup = (key: string | null): number => {
    if (key === null || ambiguous.has(key)) return -1;
    return byKey.get(key) ?? -1;
  };
  const targets = papers.map((p, at) => {
    const out = new Int32Array(p.references.length).fill(-1);
    p.references.forEach((r, i) => {
      references++;
      let hit = r.doi !== null ? lookup(`doi:${r.doi}`) : -1;
      for (let k = 0; hit < 0 && k < r.ids.length; k++) hit = lookup(`${r.ids[k].scheme}:${r.ids[k].value.toLowerCase()}`);
      // A reference's DOI may be one the corpus record lacks: its author, year, volume and page still match.
      if (hit < 0 && r.firstAuthor !== null && r.year !== null) {
        hit = lookup(buildReferenceKey({ raw: r.raw, firstAuthor: r.firstAuthor, year: r.year, volume: r.volume, page: r.page }));
      }
      if (hit < 0 && r.title !== null) {
        const t = buildMatchKey(r.title);
        if (t.length >= MIN_TITLE_KEY) hit = lookup(`title:${t}`);
      }
      if (hit >= 0 && hit !== at) {
        out[i] = hit;
        resolved++;
      }
    });
    return out;
  });
  return { targets, references, resolved };
}
