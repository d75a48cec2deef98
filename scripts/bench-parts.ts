/**
 * The parts of scripts/bench.ts, each run in its own process so its peak RSS is its own.
 */
import { benchAnn } from './bench-ann';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createProgress } from '../lib/cli/progress';
import { parallelThreads } from '../lib/parallel/pool';
import { readCorpus, scanCorpus, type CorpusScan } from '../lib/corpus/index';
import { writeSyntheticOpenAlex, writeSyntheticWos } from './bench-exports';
import { benchAppScale } from './bench-app-scale';
import { benchHybrid } from './bench-hybrid';
import { benchCitations } from './bench-citations';
import { benchCitationsScale } from './bench-citations-scale';
import { benchMapRender } from './bench-map';
import { benchTopics } from './bench-topics';
import { runScaleChild, runScaleDryChild, type ScaleRun } from './bench-scale';
import { buildCoauthorGraph, type CoauthorGraph } from '../lib/graph/index';
import { measureGroupSeparation } from '../lib/graph/layout-measures';
import { measureEras, type SubjectEra } from '../lib/trends/era-measure';
import { createRandom } from '../lib/random';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { buildTopicModel } from '../lib/model/index';
import { defaultPipelineOptions, runPipeline } from '../lib/pipeline';
import {
  attachFullTextIndex,
  createBuildDatabase,
  finishBuildDatabase,
  startFullTextIndex,
  writeCorpus,
} from '../lib/store/write';
import type { TokenizedCorpus } from '../lib/text/types';
import { buildTrends } from '../lib/trends/index';
import { launchChromium } from './chromium';
import { freePort, stopServer, timeRequests, waitForServer } from './next-server';
import type { Trends } from '../lib/trends/types';
import { maxOf } from '@/lib/viz/extent';

/** One line of the bench table. */
export interface BenchRow {
  part: string;
  stage: string;
  seconds: number | null;
  peakRssMb: number | null;
  figures?: string;
}

export interface PartResult {
  rows: BenchRow[];
  notes: string[];
  /** ingest + tokens + tfidf + lsa + k-means: what the scikit-learn reference does. */
  coreSeconds?: number;
  nmi?: number;
  /** The 'scale' part's run of one corpus size. */
  scale?: ScaleRun;
}

interface PartArgs {
  corpus: string;
  work: string;
  /** The scale part: keep each build in this folder instead of deleting it. */
  keep?: string;
  /** Builds the 'map-render' part serves (`--map-builds`); empty = the corpus built in `work`. */
  builds?: string[];
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Runs one named part. */
export async function runBenchPart(part: string, args: PartArgs): Promise<PartResult> {
  switch (part) {
    case 'ingest':
      return benchIngest(args);
    case 'model':
      return benchModel(args);
    case 'graph-trends':
      return benchGraphTrends(args);
    case 'neurips':
      return benchNeurips(args);
    case 'app':
      return benchApp(args);
    case 'app-scale':
      // The corpus argument is the build folder (`--build DIR`).
      return benchAppScale(args.corpus);
    case 'exports-wos':
      return benchExport(args, 'wos');
    case 'exports-openalex':
      return benchExport(args, 'openalex');
    case 'topics':
      return benchTopics(args.corpus, args.work);
    case 'citations':
      return benchCitations(args.work);
    case 'citations-scale':
      return benchCitationsScale();
    case 'scale':
      return { rows: [], notes: [], scale: await runScaleChild(args.corpus, args.work, args.keep ?? null) };
    case 'scale-dry':
      return { rows: [], notes: [], scale: await runScaleDryChild(args.corpus) };
    case 'hybrid':
      return benchHybrid(args.corpus, args.work);
    case 'map-render':
      return benchMapRender(args.corpus, args.work, args.builds ?? []);
    case 'ann':
      return benchAnn(args.corpus);
    default:
      throw new Error(`unknown bench part ${part}`);
  }
}

/** Records in each synthetic export of the 'exports' part. */
const EXPORT_RECORDS = 100_000;

/** Heap in use after a full collection (the bench runs with --expose-gc). */
function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/**
 * Reading one database export: 100,000 WoS plain-text records, or 100,000 OpenAlex works (JSON
 * lines, gzipped), written from the real samples in `corpus` by repeating them with changed ids.
 * What is timed is scanCorpus: decompressing, decoding, parsing and normalizing every record (on
 * as many threads as readCorpus uses) into the candidates de-duplication takes, of which it keeps
 * only the de-duplication index (DOIs, identifiers, title keys); in MB/s of decompressed input.
 * Memory: the index's heap per record (with it and without it, after full collections) and the
 * part's peak RSS, its own process.
 */
async function benchExport({ corpus, work }: PartArgs, format: 'wos' | 'openalex'): Promise<PartResult> {
  const [name, file, make]: [string, string, () => Promise<number>] =
    format === 'wos'
      ? [
          'WoS plain text',
          path.join(work, 'wos-100k.txt'),
          async () => writeSyntheticWos(corpus, EXPORT_RECORDS, path.join(work, 'wos-100k.txt')),
        ]
      : [
          'OpenAlex JSONL.gz',
          path.join(work, 'openalex-100k.jsonl.gz'),
          () => writeSyntheticOpenAlex(corpus, EXPORT_RECORDS, path.join(work, 'openalex-100k.jsonl.gz')),
        ];
  const bytes = await make();
  const heapBefore = heapAfterGc();
  const externalBefore = process.memoryUsage().external;
  const rssBefore = Math.round(process.memoryUsage().rss / 2 ** 20);
  const t0 = performance.now();
  const scan: CorpusScan = await scanCorpus([file]);
  const s = seconds(t0);
  const { records, indexChars, files } = scan;
  // What stays on the heap after the read, the scan (and so its index) still held: the index, and
  // the bounded caches of normalization (author names, folded characters).
  const indexBytes = heapAfterGc() - heapBefore;
  // Memory outside the heap still held: large decoded chunks are external strings, and a key cut
  // from one keeps the whole chunk.
  const externalBytes = process.memoryUsage().external - externalBefore;
  const indexKeys = scan.index.size;
  fs.rmSync(file, { force: true });
  const mb = bytes / 1e6;
  // WoS plain text is read on one thread (README: handing its records to workers did not pay);
  // OpenAlex files this large are parsed on a worker beside the reader.
  const threadsLabel = name.startsWith('WoS') ? 'one thread' : `${parallelThreads()} threads`;
  return {
    rows: [
      {
        part: 'exports',
        stage: `${name}: parse+normalize`,
        seconds: s,
        peakRssMb: peakRssMb(),
        figures: `${records} records, ${mb.toFixed(0)} MB → ${(mb / s).toFixed(1)} MB/s (target ≥ 50); index ${indexKeys} keys of ${(indexChars / indexKeys).toFixed(0)} characters, heap kept ${Math.round(indexBytes / records)} B/record, external ${Math.round(externalBytes / records)} B/record; RSS before ${rssBefore} MB; ${threadsLabel}`,
      },
    ],
    notes: [
      `exports, ${name}: timed from the file on disk to normalized records (decompressing, decoding, parsing, normalizing, on worker threads where the format allows), de-duplication index only`,
      ...(files.length === 0 ? [`${name}: no files read`] : []),
    ],
  };
}

async function benchIngest({ corpus, work }: PartArgs): Promise<PartResult> {
  const t0 = performance.now();
  const c = await readCorpus([corpus]);
  const read = seconds(t0);
  const t1 = performance.now();
  const fullText = startFullTextIndex(c, path.join(work, 'ingest-fts.db'));
  const db = createBuildDatabase(path.join(work, 'ingest.db'));
  writeCorpus(db, c);
  await fullText;
  attachFullTextIndex(db, path.join(work, 'ingest-fts.db'));
  finishBuildDatabase(db);
  const write = seconds(t1);
  return {
    rows: [
      {
        part: 'ingest',
        stage: 'read+normalize+dedupe',
        seconds: read,
        peakRssMb: null,
        figures: `${c.papers.length} papers, ${c.rejects.length} rejected`,
      },
      { part: 'ingest', stage: 'write store (FTS beside)', seconds: write, peakRssMb: null },
      {
        part: 'ingest',
        stage: 'total',
        seconds: read + write,
        peakRssMb: peakRssMb(),
        figures: 'target < 10 s, < 1 GB',
      },
    ],
    notes: [],
  };
}

function saveTokens(file: string, corpus: TokenizedCorpus, topics: Int32Array, topicCount: number): void {
  const offsets = new Int32Array(corpus.docs.length + 1);
  for (let i = 0; i < corpus.docs.length; i++) offsets[i + 1] = offsets[i] + corpus.docs[i].length;
  const flat = new Int32Array(offsets[corpus.docs.length]);
  corpus.docs.forEach((d, i) => flat.set(d, offsets[i]));
  const { vocab } = corpus;
  fs.writeFileSync(
    `${file}.json`,
    JSON.stringify({
      terms: vocab.terms,
      display: vocab.display,
      isPhrase: [...vocab.isPhrase],
      df: [...vocab.df],
      topicCount,
    }),
  );
  fs.writeFileSync(`${file}.offsets`, Buffer.from(offsets.buffer));
  fs.writeFileSync(`${file}.flat`, Buffer.from(flat.buffer));
  fs.writeFileSync(`${file}.topics`, Buffer.from(topics.buffer, topics.byteOffset, topics.byteLength));
}

function loadTokens(file: string): { corpus: TokenizedCorpus; topics: Int32Array; topicCount: number } {
  const meta = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as {
    terms: string[];
    display: string[];
    isPhrase: number[];
    df: number[];
    topicCount: number;
  };
  const asInt32 = (b: Buffer) => new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  const offsets = asInt32(fs.readFileSync(`${file}.offsets`));
  const flat = asInt32(fs.readFileSync(`${file}.flat`));
  const docs: Int32Array[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) docs.push(flat.subarray(offsets[i], offsets[i + 1]));
  return {
    corpus: {
      vocab: {
        terms: meta.terms,
        display: meta.display,
        isPhrase: Uint8Array.from(meta.isPhrase),
        df: Int32Array.from(meta.df),
      },
      docs,
    },
    topics: asInt32(fs.readFileSync(`${file}.topics`)),
    topicCount: meta.topicCount,
  };
}

async function benchModel({ corpus, work }: PartArgs): Promise<PartResult> {
  const t0 = performance.now();
  const c = await readCorpus([corpus]);
  const ingest = seconds(t0);
  const stageSeconds = new Map<string, number>();
  let stage = '';
  let stageStart = performance.now();
  const model = buildTopicModel(c.papers, { topics: 30, seed: 42 }, (name) => {
    if (name === stage) return;
    const now = performance.now();
    if (stage) stageSeconds.set(stage, (now - stageStart) / 1000);
    stage = name;
    stageStart = now;
  });
  if (stage) stageSeconds.set(stage, seconds(stageStart));
  saveTokens(path.join(work, 'arxiv-tokens'), model.corpus, model.papers.topic, model.topics.length);
  const q = model.quality;
  const rows: BenchRow[] = [
    { part: 'model', stage: 'ingest', seconds: ingest, peakRssMb: null, figures: `${c.papers.length} papers` },
  ];
  for (const [name, s] of stageSeconds) rows.push({ part: 'model', stage: name, seconds: s, peakRssMb: null });
  const core = ingest + ['tokens', 'tfidf', 'lsa', 'topics'].reduce((sum, s) => sum + (stageSeconds.get(s) ?? 0), 0);
  const total = ingest + [...stageSeconds.values()].reduce((a, b) => a + b, 0);
  rows.push({
    part: 'model',
    stage: 'ingest..k-means',
    seconds: core,
    peakRssMb: null,
    figures: 'as the reference does',
  });
  rows.push({
    part: 'model',
    stage: 'total',
    seconds: total,
    peakRssMb: peakRssMb(),
    figures: `vocab ${model.corpus.vocab.terms.length}, k=${model.topics.length}; target topic stage < 60 s, < 1.5 GB`,
  });
  const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  rows.push({
    part: 'model',
    stage: 'quality',
    seconds: null,
    peakRssMb: null,
    figures: `NMI ${fmt(q.nmi)} ARI ${fmt(q.ari)} 10-NN tfidf ${fmt(q.knnAccuracyTfidf)} lsa ${fmt(q.knnAccuracyLsa)} (first ${q.knnPapers})`,
  });
  rows.push({
    part: 'model',
    stage: 'quality',
    seconds: null,
    peakRssMb: null,
    figures: `silhouette ${fmt(q.silhouette)} coherence ${fmt(q.coherence)} diversity ${fmt(q.diversity)} map-kNN ${fmt(q.mapNeighbourPreservation)} nbr recall ${fmt(q.neighbourRecall)}`,
  });
  const notes = [`topic labels (k=30): ${model.topics.map((t) => `"${t.label}" (${t.size})`).join('; ')}`];
  return { rows, notes, coreSeconds: core, nmi: q.nmi ?? undefined };
}

async function benchGraphTrends({ corpus, work }: PartArgs): Promise<PartResult> {
  const saved = path.join(work, 'arxiv-tokens');
  if (!fs.existsSync(`${saved}.json`))
    throw new Error('graph-trends needs the model part first (it saves tokens and topics)');
  const c = await readCorpus([corpus]);
  const { corpus: tokens, topics, topicCount } = loadTokens(saved);
  const t0 = performance.now();
  const layoutClock = timeLayout();
  const graph = buildCoauthorGraph(c.papers, topics, { seed: 42 }, layoutClock.onProgress);
  const graphSeconds = seconds(t0);
  const t1 = performance.now();
  const trends = buildTrends({ papers: c.papers, corpus: tokens, paperTopics: topics, topicCount });
  const trendSeconds = seconds(t1);
  return {
    rows: [
      {
        part: 'arxiv g+t',
        stage: 'graph',
        seconds: graphSeconds,
        peakRssMb: null,
        figures: `${graph.authors.length} authors, ${graph.edges.source.length} edges, modularity ${graph.modularity.toFixed(3)}`,
      },
      {
        part: 'arxiv g+t',
        stage: 'graph layout',
        seconds: layoutClock.seconds(),
        peakRssMb: null,
        figures: `${describeLayout(graph)}; target ≤ 15 s, separation ≥ 0.7`,
      },
      {
        part: 'arxiv g+t',
        stage: 'trends',
        seconds: trendSeconds,
        peakRssMb: null,
        figures: `${trends.periods.length} periods (${trends.granularity}), ${trends.termSeries.terms.length} terms, ${trends.bursts.length} bursts`,
      },
      {
        part: 'arxiv g+t',
        stage: 'graph+trends',
        seconds: graphSeconds + trendSeconds,
        peakRssMb: peakRssMb(),
        figures: 'target < 10 s, < 1 GB (RSS includes the corpus)',
      },
    ],
    notes: [
      `arXiv top 20 rising (subjects first): ${trends.subjectRising
        .slice(0, 20)
        .map((t) => tokens.vocab.display[t])
        .join(', ')}`,
      `arXiv top 20 bursts (subjects first): ${[...new Set(trends.bursts.map((b) => b.term))]
        .slice(0, 20)
        .map((t) => tokens.vocab.display[t])
        .join(', ')}`,
    ],
  };
}

function termIndex(corpus: TokenizedCorpus, words: string): number {
  const { terms, display } = corpus.vocab;
  for (let i = 0; i < terms.length; i++) if (display[i] === words || terms[i] === words) return i;
  // a display form may be plural: take the most frequent term whose display starts with the words
  let best = -1;
  for (let i = 0; i < terms.length; i++) {
    if (display[i].startsWith(words) && (best < 0 || corpus.vocab.df[i] > corpus.vocab.df[best])) best = i;
  }
  return best;
}

function shareSeries(trends: Trends, term: number): Map<string, number> {
  const out = new Map<string, number>();
  const row = trends.termSeries.terms.indexOf(term);
  if (row < 0) return out;
  const n = trends.periods.length;
  for (const p of trends.periods) out.set(p.label, trends.termSeries.shares[row * n + p.ordinal]);
  return out;
}

/** Times the graph stage's layout step from its progress reports. */
function timeLayout(): { onProgress: (stage: string, done: number) => void; seconds: () => number } {
  let start = 0;
  let end = 0;
  return {
    onProgress: (stage, done) => {
      if (stage !== 'layout') return;
      if (done === 0) start = performance.now();
      else end = performance.now();
    },
    seconds: () => (end - start) / 1000,
  };
}

/**
 * The alternative we measured against: graphology-layout-forceatlas2 in LinLog mode (the layout
 * known for showing communities) on the same drawn authors and their links, from a seeded random
 * start, 300 iterations; its community separation and time.
 */
function compareForceAtlas2(graph: CoauthorGraph): BenchRow {
  const drawn = graph.map.members.filter((m) => m.inNetwork);
  const g = new Graph({ type: 'undirected' });
  const random = createRandom(7);
  for (const m of drawn) g.addNode(m.author, { x: random() * 1000, y: random() * 1000 });
  const { source, target, fractional } = graph.edges;
  for (let e = 0; e < source.length; e++) {
    if (g.hasNode(source[e]) && g.hasNode(target[e])) g.addEdge(source[e], target[e], { weight: fractional[e] });
  }
  const results = [false, true].map((linLogMode) => {
    const t0 = performance.now();
    const positions = forceAtlas2(g, {
      iterations: 300,
      settings: { ...forceAtlas2.inferSettings(g), linLogMode, barnesHutOptimize: true },
    });
    const took = seconds(t0);
    const sep = measureGroupSeparation(
      drawn.map((m) => positions[m.author].x),
      drawn.map((m) => positions[m.author].y),
      drawn.map((m) => m.community),
    );
    return `${linLogMode ? 'LinLog' : 'plain'} separation ${sep.separation.toFixed(3)} in ${took.toFixed(1)} s`;
  });
  return {
    part: 'neurips',
    stage: 'forceatlas2 (reference)',
    seconds: null,
    peakRssMb: null,
    figures: `same ${drawn.length} authors and links, 300 iterations from a seeded start: ${results.join('; ')}`,
  };
}

/** Community separation of the stored drawing: the network view, and inside the communities
 * (sub-communities), over drawn authors whose group has 11 or more drawn members. */
function describeLayout(graph: CoauthorGraph): string {
  const drawn = graph.map.members.filter((m) => m.inNetwork);
  const network = measureGroupSeparation(
    drawn.map((m) => m.x),
    drawn.map((m) => m.y),
    drawn.map((m) => m.community),
  );
  let sum = 0;
  let measured = 0;
  for (const c of graph.map.communities) {
    const mine = graph.map.members.filter((m) => m.community === c.id);
    const d = measureGroupSeparation(
      mine.map((m) => m.localX),
      mine.map((m) => m.localY),
      mine.map((m) => m.sub),
    );
    sum += d.separation * d.measured;
    measured += d.measured;
  }
  const fmt = (x: number) => x.toFixed(3);
  return `${graph.map.communities.length} communities drawn, ${drawn.length} authors in the network view; separation network ${fmt(network.separation)} (${network.measured} authors), inside communities ${fmt(measured > 0 ? sum / measured : 0)} (${measured})`;
}

/** The NeurIPS subject eras (tests/fixtures/trends/neurips-eras.json, written before ranking)
 * found among the top 50 bursts of the subject list, and the share of general words there. */
function eraNote(trends: Trends, corpus: TokenizedCorpus): string {
  const fixture = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'trends', 'neurips-eras.json'), 'utf8'),
  ) as { eras: SubjectEra[]; general: string[] };
  const year = (ordinal: number) => Number(trends.periods[ordinal].label.slice(0, 4));
  const seen = new Set<number>();
  const ranked = trends.bursts
    .filter((b) => (seen.has(b.term) ? false : (seen.add(b.term), true)))
    .map((b) => ({ term: corpus.vocab.display[b.term] ?? '', start: year(b.start), end: year(b.end) }));
  const m = measureEras(ranked, fixture.eras, fixture.general);
  const missed = m.found.filter((f) => f.burst === null).map((f) => f.era);
  return `NeurIPS eras in the top 50 subject bursts: ${(100 * m.foundShare).toFixed(1)}% of ${fixture.eras.length} (target ≥ 85%), general words ${(100 * m.generalShare).toFixed(1)}%; missed: ${missed.join('; ')}; top 50: ${ranked
    .slice(0, 50)
    .map((b) => `${b.term} ${b.start}-${b.end}`)
    .join('; ')}`;
}

async function benchNeurips({ corpus, work }: PartArgs): Promise<PartResult> {
  const options = { ...defaultPipelineOptions(), inputs: [corpus], outDir: path.join(work, 'neurips') };
  const result = await runPipeline(options, createProgress(process.stderr, { quiet: true }));
  const rows: BenchRow[] = result.timings.map((t) => ({
    part: 'neurips',
    stage: t.stage,
    seconds: t.seconds,
    peakRssMb: t.peakRssMb,
  }));
  const gt = result.timings.filter((t) => t.stage === 'graph' || t.stage === 'trends');
  rows.push({
    part: 'neurips',
    stage: 'graph+trends',
    seconds: gt.reduce((s, t) => s + t.seconds, 0),
    peakRssMb: maxOf(gt.map((t) => t.peakRssMb)),
    figures: `${result.graph.authors.length} authors, ${result.trends.periods.length} periods; target < 10 s, < 1 GB`,
  });
  rows.push({
    part: 'neurips',
    stage: 'graph layout',
    seconds: null,
    peakRssMb: null,
    figures: `${describeLayout(result.graph)}; target separation ≥ 0.7`,
  });
  rows.push(compareForceAtlas2(result.graph));
  const { trends, model } = result;
  const notes: string[] = [eraNote(result.trends, model.corpus)];
  const pct = (x: number | undefined) => (x === undefined ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  for (const words of ['neural network', 'kernel', 'deep', 'adversarial']) {
    const id = termIndex(model.corpus, words);
    if (id < 0) {
      notes.push(`NeurIPS "${words}": not in the vocabulary`);
      continue;
    }
    const s = shareSeries(trends, id);
    const years = [...s.keys()];
    const peak = years.reduce((a, b) => ((s.get(b) ?? 0) > (s.get(a) ?? 0) ? b : a), years[0]);
    const pick = [
      '1988',
      '1990',
      '1992',
      '1995',
      '2000',
      '2005',
      '2008',
      '2010',
      '2012',
      '2014',
      '2016',
      '2018',
      '2021',
    ];
    notes.push(
      `NeurIPS share of papers with "${model.corpus.vocab.display[id]}": ${pick.map((y) => `${y} ${pct(s.get(y))}`).join(', ')}; peak ${peak} (${pct(s.get(peak))})`,
    );
  }
  const byDecade = new Map<string, typeof trends.bursts>();
  for (const b of trends.bursts) {
    const decade = `${trends.periods[b.start].label.slice(0, 3)}0s`;
    if (!byDecade.has(decade)) byDecade.set(decade, []);
    byDecade.get(decade)!.push(b);
  }
  for (const decade of [...byDecade.keys()].sort()) {
    const top = byDecade
      .get(decade)!
      .sort((a, b) => b.strength - a.strength)
      .slice(0, 10)
      .map(
        (b) =>
          `${model.corpus.vocab.display[b.term]} ${trends.periods[b.start].label}-${trends.periods[b.end].label} (${b.strength.toFixed(1)})`,
      );
    notes.push(`NeurIPS top bursts starting in the ${decade}: ${top.join('; ')}`);
  }
  return { rows, notes };
}

async function benchApp({ corpus, work }: PartArgs): Promise<PartResult> {
  const root = process.cwd();
  const outDir = path.join(work, 'arxiv-build');
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  if (!fs.existsSync(path.join(outDir, 'analytics.db'))) {
    process.stderr.write('  building the arXiv corpus…\n');
    const result = await runPipeline(
      { ...defaultPipelineOptions(), inputs: [corpus], outDir },
      createProgress(process.stderr, { quiet: true }),
    );
    for (const t of result.timings)
      rows.push({ part: 'arxiv build', stage: t.stage, seconds: t.seconds, peakRssMb: t.peakRssMb });
    rows.push({
      part: 'arxiv build',
      stage: 'total',
      seconds: result.timings.reduce((s, t) => s + t.seconds, 0),
      peakRssMb: maxOf(result.timings.map((t) => t.peakRssMb)),
      figures: `${result.corpus.papers.length} papers, k=${result.model.topics.length} (auto)`,
    });
  }
  const env = { ...process.env, NEXT_DIST_DIR: '.next-bench', TOPICSCOPE_BUILD: outDir, NEXT_TELEMETRY_DISABLED: '1' };
  process.stderr.write('  next build…\n');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      env,
      stdio: 'ignore',
      detached: true,
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(base, server);
    const biggest = '/topics/0';
    const pages: [string, string][] = [
      ['overview', '/'],
      ['topic page', biggest],
      ['paper page', '/papers/1000'],
      ['search page', '/search?q=diffusion%20models'],
      ['search API', '/api/search?q=diffusion%20models'],
      ['search API', '/api/search?q=graph%20neural%20network'],
    ];
    for (const [name, url] of pages) {
      const r = await timeRequests(base + url, 20);
      rows.push({
        part: 'app http',
        stage: name,
        seconds: r.median / 1000,
        peakRssMb: null,
        figures: `median of 20, ${url}, HTTP ${r.status}`,
      });
    }
    const browser = await measureInBrowser(base);
    for (const row of browser.rows) rows.push(row);
    for (const note of browser.notes) notes.push(note);
  } finally {
    await stopServer(server);
  }
  return { rows, notes };
}

async function measureInBrowser(base: string): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    for (const url of [
      '/',
      '/map',
      '/topics',
      '/topics/0',
      '/graph',
      '/trends',
      '/search?q=transformer',
      '/papers/1000',
      '/quality',
    ]) {
      const page = await context.newPage();
      const scripts = new Map<string, number>();
      page.on('response', async (res) => {
        if (res.request().resourceType() !== 'script') return;
        try {
          scripts.set(res.url(), zlib.gzipSync(await res.body()).length);
        } catch {
          // a response without a body
        }
      });
      const t0 = Date.now();
      await page.goto(base + url, { waitUntil: 'load' });
      if (url === '/map') {
        // all points drawn: the canvas has painted pixels over most of its area's point cloud
        await page.waitForFunction(
          () => {
            const canvas = document.querySelector('[data-testid="topic-map-canvas"]') as HTMLCanvasElement | null;
            if (!canvas || canvas.width === 0) return false;
            const ctx = canvas.getContext('2d');
            if (!ctx) return false;
            const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < data.length; i += 4 * 16) if (data[i] > 0) painted++;
            return painted > 500;
          },
          undefined,
          { timeout: 30_000, polling: 50 },
        );
        rows.push({
          part: 'app browser',
          stage: 'map: points drawn',
          seconds: (Date.now() - t0) / 1000,
          peakRssMb: null,
          figures: 'from navigation start; target < 2 s',
        });
      }
      await page.waitForLoadState('networkidle');
      const kb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
      rows.push({
        part: 'app js',
        stage: url,
        seconds: null,
        peakRssMb: null,
        figures: `${kb.toFixed(0)} KB gzipped JavaScript (target < 300 KB)`,
      });
      await page.close();
    }
    for (const row of await measureGraphPage(context, base)) rows.push(row);
  } finally {
    await browser.close();
  }
  return { rows, notes };
}

/** The graph page: first paint of the map of communities, then opening a community and filtering by period. */
async function measureGraphPage(context: import('playwright-core').BrowserContext, base: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const page = await context.newPage();
  const row = (stage: string, ms: number, target: string) =>
    rows.push({ part: 'app graph', stage, seconds: ms / 1000, peakRssMb: null, figures: target });
  const painted = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  let t0 = Date.now();
  await page.goto(`${base}/graph`, { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid=community-map] circle[data-community]', { timeout: 30_000 });
  await painted();
  row('communities: first paint', Date.now() - t0, 'from navigation start; target < 1 s');
  await page.waitForLoadState('networkidle');
  for (const id of ['0', '1']) {
    t0 = Date.now();
    await page.locator(`[data-testid=community-map] circle[data-community="${id}"]`).click();
    await page.waitForSelector('[data-testid=graph-area][data-view=community] canvas', { timeout: 30_000 });
    await painted();
    row(`open community ${id}`, Date.now() - t0, 'click to drawn; target < 300 ms');
    await page.getByRole('radio', { name: 'Communities' }).check();
    await page.waitForSelector('[data-testid=community-map] circle[data-community]');
  }
  await page.locator('[data-testid=community-map] circle[data-community="0"]').click();
  await page.waitForSelector('[data-testid=graph-area][data-view=community] canvas');
  const years = await page.locator('select[aria-label="From year"] option').allTextContents();
  const from = years.filter((y) => /^\d{4}$/.test(y)).at(-1);
  if (from) {
    t0 = Date.now();
    await page.selectOption('select[aria-label="From year"]', from);
    await page.waitForFunction(() =>
      /faded/.test(document.querySelector('[data-testid=graph-status]')?.textContent ?? ''),
    );
    await painted();
    row(`filter from ${from}`, Date.now() - t0, 'change to redrawn; target < 300 ms');
  }
  await page.close();
  return rows;
}
