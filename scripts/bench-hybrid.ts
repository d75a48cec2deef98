/**
 * Bench part 'hybrid': topics from words and citations together against words alone, at the same
 * k, on two corpora with references and known labels:
 *
 * - the real export samples of ../shared/formats with a subject classification of their own: the
 *   258 OpenAlex works of synergy__Donners_2021 (label: the work's best-scored level-1 OpenAlex
 *   concept) and the 160 Web of Science records of tethne__wos2, wosfile__wos_plaintext and
 *   refsplitr__BITR_test (label: the first WoS category, `WC`), read together as one corpus;
 * - the synthetic citation corpus of scripts/synth-citations.ts (50,000 works, 40 planted fields),
 *   as the 'citations' part writes it (60% of an abstract's words from its field's own 60, titles of
 *   two field words) and with weak text (15% of the abstract's words from the field, titles of any
 *   two words), where words alone leave the fields unclear and the citations (80% inside the field)
 *   carry them.
 *
 * Labels never come from the citations. Per corpus and method: NMI against the labels over the
 * labelled papers (and over those with a citation link), mean ± sd of five seeds, and the 10-NN
 * accuracy (5-fold) of the vectors the topics were clustered on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildCitationLayer } from '../lib/citations/index';
import { buildCouplingGraph, DEFAULT_CITATION_NETWORK_OPTIONS } from '../lib/citations/network';
import { buildRowCouplingGraph, buildTopicCitationLinks } from '../lib/citations/topic-links';
import { readCorpus } from '../lib/corpus/index';
import type { Corpus, Paper } from '../lib/corpus/types';
import { countLinkedPapers, type PaperLinks } from '../lib/model/hybrid';
import { buildSmallCorpusBounds, buildTopicClustering, resolveTopicModelOptions } from '../lib/model/index';
import { buildNeighbours } from '../lib/model/neighbours';
import { knnAccuracyFromCandidates, normalizedMutualInfo } from '../lib/model/quality';
import { leadingRows, type DenseMatrix } from '../lib/model/matrix';
import { buildTfidf } from '../lib/model/tfidf';
import type { ClusterMethod } from '../lib/model/types';
import { buildModelRows } from '../lib/pipeline';
import { deriveSeed } from '../lib/random';
import { tokenizeCorpus } from '../lib/text/index';
import type { BenchRow, PartResult } from './bench-parts';
import { writeSyntheticCitations } from './synth-citations';

const SEEDS = [1, 2, 3, 4, 5];
const SYNTHETIC_PAPERS = 50_000;
const SYNTHETIC_FIELDS = 40;
/** Labels held by fewer papers do not count towards k. */
const MIN_LABEL_PAPERS = 5;
const KNN_PAPERS = 20000;

const WOS_FILES = ['tethne__wos2.txt', 'wosfile__wos_plaintext.txt', 'refsplitr__BITR_test.txt'];
const DONNERS = path.join('openalex', 'synergy__Donners_2021');

const seconds = (since: number) => (performance.now() - since) / 1000;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const f3 = (x: number) => x.toFixed(3);

/** OpenAlex W-id → the work's best-scored level-1 concept, from the works' own JSON. */
function readOpenAlexLabels(dir: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const works = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as {
      id: string;
      concepts?: { display_name: string; level: number | string; score: number | string }[];
    }[];
    for (const w of works) {
      let best: { name: string; score: number } | null = null;
      for (const c of w.concepts ?? []) {
        if (Number(c.level) !== 1) continue;
        const score = Number(c.score);
        if (best === null || score > best.score) best = { name: c.display_name, score };
      }
      if (best) labels.set(w.id.slice(w.id.lastIndexOf('/') + 1).toUpperCase(), `openalex: ${best.name}`);
    }
  }
  return labels;
}

/** WoS accession (UT without `WOS:`) → the record's first category (`WC`), from the plain text. */
function readWosLabels(file: string): Map<string, string> {
  const labels = new Map<string, string>();
  let ut: string | null = null;
  let wc: string | null = null;
  let field = '';
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const tag = raw.slice(0, 2).replace(/^\uFEFF/, '');
    if (tag.trim() !== '') field = tag;
    const value = raw.slice(3).trim();
    if (tag === 'ER') {
      if (ut && wc) labels.set(ut, `wos: ${wc.split(';')[0].trim()}`);
      ut = wc = null;
    } else if (field === 'UT' && tag === 'UT') ut = value.replace(/^WOS:/i, '');
    else if (field === 'WC') wc = tag === 'WC' ? value : `${wc ?? ''} ${value}`;
  }
  return labels;
}

/** A paper's label from its OpenAlex or WoS id, or null. */
function labelOf(paper: Paper, byId: Map<string, string>): string | null {
  for (const id of paper.ids) {
    const label = byId.get(id.scheme === 'openalex' ? id.value.toUpperCase() : id.value);
    if ((id.scheme === 'openalex' || id.scheme === 'wos') && label) return label;
  }
  return null;
}

/** 10-NN accuracy (5-fold) of the first KNN_PAPERS rows, from near-exact neighbour lists. */
function knnAccuracy(space: DenseMatrix, labels: Int32Array, seed: number): number {
  const rows = Math.min(space.rows, KNN_PAPERS);
  const m = leadingRows(space, rows);
  const graph = buildNeighbours(m, {
    k: Math.min(20, rows - 1),
    seed: deriveSeed(seed, 'knn'),
    cellSize: 128,
    probes: 6,
  });
  const candidates = Array.from({ length: rows }, (_, i) => graph.indices.subarray(i * graph.k, (i + 1) * graph.k));
  return knnAccuracyFromCandidates(candidates, labels.subarray(0, rows), { k: 10, folds: 5, seed });
}

interface Measured {
  papers: Paper[];
  /** Label code per model row (-1 = none). */
  labels: Int32Array;
  links: PaperLinks;
  k: number;
  describe: string;
}

/** Model rows, their label codes and citation links, and k (labels with MIN_LABEL_PAPERS papers). */
function prepareCorpus(
  { papers, ...rest }: Corpus,
  labelOfPaper: (p: Paper) => string | null,
  describe: string,
  fixedK?: number,
): Measured {
  const rows = buildModelRows(papers);
  const modelPapers = Array.from(rows, (i) => papers[i]);
  const perPaper = DEFAULT_CITATION_NETWORK_OPTIONS.couplingLinksPerPaper;
  const links = buildTopicCitationLinks(
    papers.length,
    buildCitationLayer({ papers, ...rest }),
    rows,
    buildRowCouplingGraph(rest.referenceKeys, rows, perPaper, () => buildCouplingGraph(rest.referenceKeys, perPaper)),
  );
  const names = new Map<string, number>();
  const labels = Int32Array.from(modelPapers, (p) => {
    const label = labelOfPaper(p);
    if (label === null) return -1;
    if (!names.has(label)) names.set(label, names.size);
    return names.get(label)!;
  });
  const counts = new Int32Array(names.size);
  for (const c of labels) if (c >= 0) counts[c]++;
  const k = fixedK ?? counts.filter((c) => c >= MIN_LABEL_PAPERS).length;
  return { papers: modelPapers, labels, links, k, describe };
}

/** NMI of the assignments against the labels over the labelled rows that `keep` accepts. */
function labelledNmi(labels: Int32Array, assignments: Int32Array, keep: (row: number) => boolean): number {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0 || !keep(i)) continue;
    a.push(labels[i]);
    b.push(assignments[i]);
  }
  return normalizedMutualInfo(a, b);
}

/** Both methods (and the hybrid at other weights) on one corpus, five seeds each. */
function measureCorpus(name: string, c: Measured, weights: number[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const t0 = performance.now();
  const corpus = tokenizeCorpus(c.papers.map((p) => ({ title: p.title, text: p.abstractPlain })));
  delete corpus.forms;
  const defaults = resolveTopicModelOptions(c.papers.length, {});
  const bounds = buildSmallCorpusBounds(c.papers.length, defaults.minDf, defaults.maxDf, corpus.docs, []);
  const tfidf = buildTfidf(corpus, bounds);
  const linked = countLinkedPapers(c.links);
  const isLinked = (row: number) => c.links.offsets[row + 1] > c.links.offsets[row];
  let labelled = 0;
  let labelledLinked = 0;
  for (let i = 0; i < c.labels.length; i++) {
    if (c.labels[i] < 0) continue;
    labelled++;
    if (isLinked(i)) labelledLinked++;
  }
  rows.push({
    part: `hybrid ${name}`,
    stage: 'tokens + tf-idf + links',
    seconds: seconds(t0),
    peakRssMb: null,
    figures: `${c.describe}; ${c.papers.length} papers, ${labelled} labelled, ${linked} (${Math.round((100 * linked) / c.papers.length)}%) with a citation link (${labelledLinked} labelled); k=${c.k}, seeds ${SEEDS.join(',')}`,
  });
  const runs: { method: ClusterMethod; weight: number | null }[] = [
    { method: 'smoothed', weight: null },
    ...weights.map((w) => ({ method: 'hybrid' as const, weight: w })),
  ];
  for (const { method, weight } of runs) {
    const nmi: number[] = [];
    const nmiLinked: number[] = [];
    const times: number[] = [];
    let knn = 0;
    for (const seed of SEEDS) {
      const options = resolveTopicModelOptions(c.papers.length, {
        topics: c.k,
        seed,
        cluster: method,
        citationsWeight: weight ?? undefined,
      });
      const t = performance.now();
      const result = buildTopicClustering(tfidf.matrix, options, undefined, c.links);
      times.push(seconds(t));
      nmi.push(labelledNmi(c.labels, result.assignments, () => true));
      nmiLinked.push(labelledNmi(c.labels, result.assignments, isLinked));
      if (seed === SEEDS[0]) knn = knnAccuracy(result.space, c.labels, seed);
    }
    rows.push({
      part: `hybrid ${name}`,
      stage: method === 'hybrid' ? `hybrid, citations weight ${weight}` : 'smoothed (words alone)',
      seconds: mean(times),
      peakRssMb: null,
      figures: `NMI ${f3(mean(nmi))}±${f3(sd(nmi))} (papers with a link ${f3(mean(nmiLinked))}) 10-NN ${f3(knn)}`,
    });
  }
  return rows;
}

export async function benchHybrid(formatsDir: string, work: string): Promise<PartResult> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const add = (more: BenchRow[]) => {
    for (const r of more) rows.push(r);
  };
  // The real samples, read as one corpus.
  const donners = path.join(formatsDir, DONNERS);
  const wos = WOS_FILES.map((f) => path.join(formatsDir, 'wos', f));
  const byId = readOpenAlexLabels(donners);
  for (const file of wos) for (const [id, label] of readWosLabels(file)) byId.set(id, label);
  const real = await readCorpus([donners, ...wos]);
  const realCorpus = prepareCorpus(
    real,
    (p) => labelOf(p, byId),
    'OpenAlex synergy__Donners_2021 (level-1 concept) + WoS tethne__wos2, wosfile, refsplitr (first WC)',
  );
  add(measureCorpus('samples', realCorpus, [0.25, 0.5, 0.75]));
  // The OpenAlex works alone: one source, one classification.
  const openalex = await readCorpus([donners]);
  add(
    measureCorpus(
      'openalex',
      prepareCorpus(openalex, (p) => labelOf(p, byId), 'OpenAlex synergy__Donners_2021 alone'),
      [0.5],
    ),
  );
  // The synthetic corpus with its planted fields, as written for the 'citations' part and with weak text.
  for (const { name, share, titles, weights } of [
    { name: 'synthetic', share: 0.6, titles: 'field', weights: [0.5] },
    { name: 'synthetic-weak-text', share: 0.15, titles: 'any', weights: [0.25, 0.5, 0.75] },
  ]) {
    const file = path.join(work, `${name}.jsonl`);
    const fieldOf = writeSyntheticCitations(SYNTHETIC_PAPERS, file, SYNTHETIC_FIELDS, 7, share, titles === 'field');
    const synthetic = await readCorpus([file]);
    const field = (p: Paper) => {
      const id = p.ids.find((x) => x.scheme === 'openalex');
      return id ? `field ${fieldOf[Number(id.value.slice(1)) - 100_000_000]}` : null;
    };
    const describe = `npx tsx scripts/synth-citations.ts ${SYNTHETIC_PAPERS} FILE ${SYNTHETIC_FIELDS} 7 ${share} ${titles}`;
    add(measureCorpus(name, prepareCorpus(synthetic, field, describe, SYNTHETIC_FIELDS), weights));
    fs.rmSync(file, { force: true });
  }
  rows.push({
    part: 'hybrid',
    stage: 'peak',
    seconds: null,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    figures: '',
  });
  notes.push(
    'hybrid: NMI over labelled papers, mean±sd of 5 seeds at the same k; 10-NN of the clustering vectors, seed 1',
  );
  return { rows, notes };
}
