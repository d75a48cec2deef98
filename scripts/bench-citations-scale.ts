/**
 * Bench part 'citations-scale': the citation stage at 1,000,000 papers and 30,000,000 references
 * (`npm run bench -- --only citations-scale`; not in the default set). Target: resolution,
 * coupling and co-citation in under 5 minutes and 8 GB together.
 *
 * The corpus is synthetic and seeded. A pool of 5,000,000 works, each with an OpenAlex W-id, has
 * Zipf-like popularity: the work of popularity rank r is drawn with probability ∝ 1/(r + 1)^0.8
 * (the most cited is then cited by about a quarter of the papers, the 100th by about 0.7%, the
 * 10,000th by about 180). The corpus is 1,000,000 works of the pool picked at random (so about a
 * fifth of the references resolve to corpus papers), and each paper draws 30 references from the
 * pool (repeats and itself dropped: 29.9 a paper on average). Every reference is written as
 * OpenAlex writes `referenced_works` (`https://openalex.org/W…`, key `openalex:w…`); one reference
 * object per cited work is shared by the papers citing it, as an ingest that interns its references
 * would hold them (ingest itself is measured by the 'scale' part).
 *
 * Timed, each with the peak RSS after it: resolution (lib/corpus/references.ts), the citation
 * layer (citations, local counts, foundations), bibliographic coupling (each paper's 10 strongest
 * links; references cited by more than MAX_COUPLING_REFERENCE_PAPERS papers add no pairs) and the
 * co-citation map (the 300 most cited references among those cited by at most
 * MAX_COCITATION_REFERENCE_SHARE = 2% of the papers, their pairs counted over every paper).
 */
import { buildCitationLayer } from '../lib/citations/index';
import { buildCouplingGraph, DEFAULT_CITATION_NETWORK_OPTIONS } from '../lib/citations/network';
import { buildReferenceTargets } from '../lib/corpus/references';
import { buildBareBibliography, type Corpus, type Paper, type PaperReference } from '../lib/corpus/types';
import { buildCooccurrenceMap, DEFAULT_COOCCURRENCE_OPTIONS } from '../lib/graph/cooccurrence';
import {
  buildCocitationItems,
  MAX_COCITATION_REFERENCE_SHARE,
  MAX_COUPLING_REFERENCE_PAPERS,
  maxCocitationPapers,
} from '../lib/graph/cooccurrence-items';
import { COOCCURRENCE_LIMITS } from '../lib/graph/cooccurrence-maps';
import { createRandom, shuffledIndices } from '../lib/random';
import type { BenchRow, PartResult } from './bench-parts';

export const SCALE_PAPERS = 1_000_000;
const POOL = 5_000_000;
const REFERENCES = 30;
const ZIPF_EXPONENT = 0.8;
const W_BASE = 100_000_000;
const TARGET_SECONDS = 300;
const TARGET_MB = 8 * 1024;

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (since: number) => (performance.now() - since) / 1000;

/** The synthetic corpus described above; `papers` and `pool` scale it down for a quick run. */
export function buildScaleCorpus(papers = SCALE_PAPERS, pool = POOL, seed = 7): Corpus {
  const random = createRandom(seed);
  // Cumulative popularity by rank, and a seeded shuffle from rank to work.
  const cumulative = new Float64Array(pool);
  let sum = 0;
  for (let r = 0; r < pool; r++) cumulative[r] = sum += 1 / (r + 1) ** ZIPF_EXPONENT;
  const workOfRank = shuffledIndices(pool, random);
  // The corpus: `papers` works of the pool, picked by a second shuffle (the first `papers` ranks of
  // an independent order), in work order.
  const inCorpus = new Uint8Array(pool);
  const order = Int32Array.from(workOfRank);
  for (let i = pool - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  for (let i = 0; i < papers; i++) inCorpus[order[i]] = 1;
  const references = new Array<PaperReference | undefined>(pool);
  const referenceTo = (work: number): PaperReference => {
    let ref = references[work];
    if (ref === undefined) {
      const w = `W${W_BASE + work}`;
      ref = references[work] = {
        raw: `https://openalex.org/${w}`,
        key: `openalex:${w.toLowerCase()}`,
        doi: null,
        ids: [{ scheme: 'openalex', value: w }],
        partsKey: null,
        titleKey: null,
      };
    }
    return ref;
  };
  const drawRank = (): number => {
    const x = random() * sum;
    let lo = 0;
    let hi = pool - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out: Paper[] = [];
  const seen = new Set<number>();
  for (let work = 0; work < pool; work++) {
    if (!inCorpus[work]) continue;
    const w = `W${W_BASE + work}`;
    seen.clear();
    const refs: PaperReference[] = [];
    for (let k = 0; k < REFERENCES; k++) {
      const cited = workOfRank[drawRank()];
      if (cited === work || seen.has(cited)) continue;
      seen.add(cited);
      refs.push(referenceTo(cited));
    }
    out.push({
      id: out.length + 1,
      title: `Synthetic citation work number ${work}`,
      titleDerived: false,
      abstract: '',
      abstractPlain: '',
      abstractLength: 0,
      tldr: null,
      year: 1990 + (work % 34),
      date: null,
      venue: null,
      label: null,
      externalId: null,
      authors: [],
      authorCount: null,
      sources: [],
      ...buildBareBibliography(),
      ids: [{ scheme: 'openalex', value: w }],
      references: refs,
    });
  }
  return {
    papers: out,
    files: [],
    rejects: [],
    referenceTargets: [],
    referenceKeys: { keys: [], start: new Int32Array(1), ids: new Int32Array(0) },
    references: { total: 0, resolved: 0 },
  };
}

export async function benchCitationsScale(): Promise<PartResult> {
  const rows: BenchRow[] = [];
  const part = 'citations 1M';
  const row = (stage: string, s: number | null, figures: string) =>
    rows.push({ part, stage, seconds: s, peakRssMb: peakRssMb(), figures });
  let t = performance.now();
  const corpus = buildScaleCorpus();
  const total = corpus.papers.reduce((n, p) => n + p.references.length, 0);
  row('synthesize', seconds(t), `${corpus.papers.length} papers, ${total} references (not in the target)`);
  const startRss = peakRssMb();

  const stage = performance.now();
  t = performance.now();
  const resolved = buildReferenceTargets(corpus.papers);
  corpus.referenceTargets = resolved.targets;
  corpus.referenceKeys = resolved.keys;
  corpus.references = { total: resolved.references, resolved: resolved.resolved };
  row('resolution', seconds(t), `${resolved.resolved} of ${resolved.references} references resolved`);

  t = performance.now();
  const layer = buildCitationLayer(corpus);
  row(
    'layer',
    seconds(t),
    `${layer.citing.length} citations, ${layer.foundations.length} foundations (top cited by ${layer.foundations[0]?.citations ?? 0})`,
  );

  t = performance.now();
  const coupling = buildCouplingGraph(corpus.referenceKeys, DEFAULT_CITATION_NETWORK_OPTIONS.couplingLinksPerPaper);
  row(
    'coupling',
    seconds(t),
    `${coupling.neighbors.length / 2} links (references cited by more than ${MAX_COUPLING_REFERENCE_PAPERS} papers left out)`,
  );

  t = performance.now();
  const items = buildCocitationItems(corpus.papers, corpus.referenceKeys)!;
  const maxPapers = maxCocitationPapers(corpus.papers.length);
  const map = buildCooccurrenceMap('cocitation', items.labels, items.paperItems, {
    ...DEFAULT_COOCCURRENCE_OPTIONS,
    ...COOCCURRENCE_LIMITS.cocitation,
    maxPapers,
  });
  row(
    'co-citation',
    seconds(t),
    `${corpus.referenceKeys.keys.length} cited references; ${map.items.length} drawn, ${map.links.length} links (references cited by more than ${maxPapers} papers, ${MAX_COCITATION_REFERENCE_SHARE * 100}%, left out)`,
  );

  const wall = seconds(stage);
  const peak = peakRssMb();
  rows.push({
    part,
    stage: 'citation stage',
    seconds: wall,
    peakRssMb: peak,
    figures: `target < ${TARGET_SECONDS} s and < ${TARGET_MB} MB: ${wall < TARGET_SECONDS && peak < TARGET_MB ? 'met' : 'MISSED'} (RSS before it ${startRss} MB)`,
  });
  return { rows, notes: [] };
}
