/**
 * The one orchestrator: runs the stages in order, reports progress, and is the only place that
 * reads input files (through lib/corpus) and writes the build (through lib/store).
 *
 * data/raw/* -> corpus -> topic model -> co-author graph + trends -> analytics.db (swapped in)
 */
import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { InputError, readCorpus, type IngestOptions } from './corpus/index';
import { AbstractFile } from './corpus/abstract-file';
import type { Corpus, Paper } from './corpus/types';
import { buildHistoriograph, DEFAULT_HISTORIOGRAPH_SIZE } from './citations/historiograph';
import { buildCitationLayer } from './citations/index';
import {
  buildCitationNetwork,
  buildCouplingGraph,
  chooseClusterGraph,
  DEFAULT_CITATION_NETWORK_OPTIONS,
  type PaperGraph,
} from './citations/network';
import { buildRowCouplingGraph, buildTopicCitationLinks } from './citations/topic-links';
import { buildCooccurrenceMaps } from './graph/cooccurrence-maps';
import { getAuthorIndex } from './graph/authors';
import { buildCoauthorGraph } from './graph/index';
import { rankTopicAuthors, TOPIC_AUTHORS_KEPT } from './graph/topic-authors';
import type { CoauthorGraph, CoauthorGraphOptions } from './graph/types';
import { buildTopicModel } from './model/index';
import { qualityFigures } from './model/quality-report';
import { countTopicTerms } from './model/topic-term-counts';
import { tokenizeCorpus } from './text/index';
import type { TokenizedCorpus } from './text/types';
import type { TopicModel, TopicModelOptions } from './model/types';
import { availableMemoryMb, checkStageMemory } from './cli/memory';
import type { ProgressReporter } from './cli/progress';
import { formatCount } from './cli/progress';
import { deriveSeed } from './random';
import { buildTopicEvolution, DEFAULT_EVOLUTION_OPTIONS } from './trends/evolution';
import { buildTrends } from './trends/index';
import { buildKeywordTerms } from './trends/keywords';
import type { TrendOptions, Trends } from './trends/types';
import { SCHEMA_VERSION } from './store/schema';
import {
  attachFullTextIndex,
  createBuildDatabase,
  finishBuildDatabase,
  indexBuildDatabase,
  swapInBuild,
  temporaryDatabasePath,
  startFullTextIndex,
  writeCorpus,
  writeMeta,
} from './store/write';
import {
  writeCitationLayer,
  writeCitationNetwork,
  writeCoauthorGraph,
  writeCooccurrenceMaps,
  writeTopicEvolution,
  writeTopicModel,
  writeTrends,
} from './store/write-analytics';

/** Bumped when the pipeline's output for the same input changes, so stale builds are rebuilt. */
export const PIPELINE_VERSION = 1;

export interface PipelineOptions {
  /** Files or folders to read. */
  inputs: string[];
  /** Build folder; the database is `<outDir>/analytics.db`. */
  outDir: string;
  /** One seed for every random choice of the build. */
  seed: number;
  ingest: IngestOptions;
  model: Omit<TopicModelOptions, 'seed'>;
  graph: Omit<CoauthorGraphOptions, 'seed'>;
  trends: TrendOptions;
  citations?: CitationOptions;
  /** Memory free for the next stage, in MB (default: the kernel's MemAvailable); tests inject it. */
  availableMemoryMb?: () => number;
}

/** Options of the citation stage. */
export interface CitationOptions {
  /** Papers drawn in the citation network view (default 1500). */
  networkPapers?: number;
  /** Papers in the historiograph (default 30, at most 200). */
  historiograph?: number;
}

/** Time and memory of one stage. */
export interface StageTiming {
  stage: string;
  seconds: number;
  /** Peak resident set size of the process at the end of the stage, in MB. */
  peakRssMb: number;
  /** Resident set size at the end of the stage, in MB (what the stages so far still hold). */
  rssMb?: number;
  /** CPU seconds of the whole process during the stage, every thread's (the full-text worker's
   * too, which runs beside the stages from the store to the end): over `seconds`, how many cores
   * the stage kept busy. */
  cpuSeconds?: number;
}

export interface PipelineResult {
  databaseFile: string;
  fingerprint: string;
  corpus: Corpus;
  model: TopicModel;
  graph: CoauthorGraph;
  trends: Trends;
  timings: StageTiming[];
}

/** The defaults of `npm run pipeline`. */
export function defaultPipelineOptions(root = process.cwd()): PipelineOptions {
  return {
    inputs: [path.join(root, 'data', 'raw')],
    outDir: path.join(root, 'data', 'build'),
    seed: 42,
    ingest: {},
    model: { topics: 'auto' },
    graph: {},
    trends: {},
  };
}

function listInputFiles(inputs: string[]): string[] {
  const files: string[] = [];
  const visit = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        visit(path.join(p, name));
      }
    } else {
      files.push(p);
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new InputError(`Input not found: ${input}`, input);
    visit(input);
  }
  return files;
}

/** The pipeline's own source files (everything in lib/ but the app's read side), sorted. */
function listPipelineSources(): string[] {
  const libDir = import.meta.dirname;
  const skip = new Set([path.join(libDir, 'store', 'read'), path.join(libDir, 'viz')]);
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(p)) visit(p);
      } else if (/\.(ts|mjs|js)$/.test(entry.name)) {
        files.push(p);
      }
    }
  };
  visit(libDir);
  return files;
}

/**
 * A fingerprint of everything a build depends on: the input files' names and bytes, the options,
 * the pipeline's source code and the schema version. Same fingerprint → same build, so a build
 * made by older code or from other inputs is seen to be stale.
 */
export function readInputFingerprint(opts: PipelineOptions): string {
  const hash = crypto.createHash('sha256');
  hash.update(`pipeline ${PIPELINE_VERSION} schema ${SCHEMA_VERSION}\n`);
  for (const file of listPipelineSources()) {
    hash.update(`\n${path.relative(import.meta.dirname, file)}\n`);
    hash.update(fs.readFileSync(file));
  }
  hash.update(
    JSON.stringify({
      seed: opts.seed,
      ingest: opts.ingest,
      model: opts.model,
      graph: opts.graph,
      trends: opts.trends,
      citations: opts.citations ?? {},
    }),
  );
  for (const file of listInputFiles(opts.inputs)) {
    hash.update(`\n${path.basename(file)}\n`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

/** Fewest words (of three letters or more) in a title for a paper without an abstract to get a topic. */
export const MIN_TITLE_WORDS = 4;

/** Indices of the papers the topic model reads: those with an abstract, or a title that says enough. */
export function buildModelRows(papers: readonly Paper[]): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i];
    if (p.abstractLength > 0 || (p.title.match(/\p{L}{3,}/gu)?.length ?? 0) >= MIN_TITLE_WORDS) rows.push(i);
  }
  return Int32Array.from(rows);
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Runs the whole pipeline and swaps the new build in. Throws InputError on unusable input. */
export async function runPipeline(opts: PipelineOptions, progress: ProgressReporter): Promise<PipelineResult> {
  const timings: StageTiming[] = [];
  let stageStart = performance.now();
  let cpuStart = process.cpuUsage();
  const mark = (stage: string) => {
    const now = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    timings.push({
      stage,
      seconds: (now - stageStart) / 1000,
      peakRssMb: peakRssMb(),
      rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    });
    stageStart = now;
    cpuStart = process.cpuUsage();
  };

  const fingerprint = readInputFingerprint(opts);
  const free = opts.availableMemoryMb ?? availableMemoryMb;

  // Abstracts are kept on disk from the moment they are read (at a million papers they are
  // gigabytes): the store, the full-text index and the tokens read them back from there.
  const madeOutDir = !fs.existsSync(opts.outDir);
  fs.mkdirSync(opts.outDir, { recursive: true });
  const abstracts = new AbstractFile(temporaryDatabasePath(opts.outDir, 'abstracts'));
  try {
    return await runStages(opts, progress, abstracts, fingerprint, free, timings, mark);
  } catch (error) {
    // A run that fails leaves no trace: not even the build folder it made.
    abstracts.remove();
    if (madeOutDir && fs.readdirSync(opts.outDir).length === 0) fs.rmdirSync(opts.outDir);
    throw error;
  } finally {
    abstracts.remove();
  }
}

async function runStages(
  opts: PipelineOptions,
  progress: ProgressReporter,
  abstracts: AbstractFile,
  fingerprint: string,
  free: () => number,
  timings: StageTiming[],
  mark: (stage: string) => void,
): Promise<PipelineResult> {
  progress.start('ingest', 0, 'KB');
  const corpus = await readCorpus(
    opts.inputs,
    opts.ingest,
    (p) => progress.update(Math.round(p.bytesRead / 1024), Math.round(p.bytesTotal / 1024)),
    abstracts,
  );
  abstracts.finish();
  if (corpus.papers.length === 0) {
    throw new InputError(
      `No usable papers in ${opts.inputs.join(', ')}: ${formatCount(corpus.rejects.length)} records rejected.`,
      opts.inputs[0] ?? '',
    );
  }
  progress.end(`${formatCount(corpus.papers.length)} papers from ${corpus.files.length} files`);
  mark('ingest');

  // Papers without an abstract get a topic from their title only when it says enough.
  const modelRows = buildModelRows(corpus.papers);
  if (modelRows.length < 3) {
    throw new InputError(
      opts.inputs.join(', '),
      `too little text to find topics: ${modelRows.length} of ${corpus.papers.length} papers have an abstract or a title of ${MIN_TITLE_WORDS} words or more (at least 3 are needed)`,
    );
  }

  // The build is written into a temporary file from here on and swapped in at the end: a run that
  // fails anywhere leaves the previous build as it was.
  const temp = temporaryDatabasePath(opts.outDir);
  const ftsTemp = temporaryDatabasePath(opts.outDir, 'fts');
  let db: Database.Database | null = null;
  let built: Omit<PipelineResult, 'databaseFile' | 'fingerprint' | 'timings'>;
  let databaseFile: string;
  try {
    // The corpus goes to the store first, its texts to the full-text index (built on a worker
    // thread while the tables are written here) and to the tokens.
    checkStageMemory('write', corpus.papers.length, free());
    progress.start('store', 0);
    const fullText = startFullTextIndex(corpus, ftsTemp, abstracts);
    // A failure elsewhere must not leave this promise unhandled.
    fullText.catch(() => undefined);
    db = createBuildDatabase(temp);
    writeCorpus(db, corpus, abstracts);
    progress.end(`${formatCount(corpus.papers.length)} papers`);
    mark('store');

    checkStageMemory('model', modelRows.length, free());
    progress.start('tokens', modelRows.length, 'items');
    const tokens = tokenizeCorpus(
      { titles: Array.from(modelRows, (i) => corpus.papers[i].title), abstractFile: abstracts.file, papers: modelRows },
      {},
      (done, total) => progress.update(done, total),
    );
    progress.end(`${formatCount(tokens.vocab.terms.length)} terms`);
    mark('tokens');
    const papersWithoutAbstract = corpus.papers.reduce((n, p) => n + (p.abstractLength === 0 ? 1 : 0), 0);

    built = buildAnalytics(
      opts,
      fingerprint,
      corpus,
      modelRows,
      tokens,
      db,
      progress,
      mark,
      free,
      papersWithoutAbstract,
    );

    // The indexes and the map's payload while the full-text index (built on its worker beside
    // the stages) is finished; then it is copied in and the build closed.
    progress.start('index', 0);
    indexBuildDatabase(db);
    progress.end();
    mark('index');

    progress.start('full-text', 0);
    await fullText;
    attachFullTextIndex(db, ftsTemp);
    finishBuildDatabase(db);
    databaseFile = swapInBuild(temp, opts.outDir);
    progress.end(path.relative(process.cwd(), databaseFile) || databaseFile);
    mark('full-text');
  } catch (error) {
    if (db?.open) db.close();
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
    fs.rmSync(ftsTemp, { force: true });
  }
  return { ...built, databaseFile, fingerprint, timings };
}

/** Every analytics stage after the tokens, each written to `db` (open, with the corpus in it). */
function buildAnalytics(
  opts: PipelineOptions,
  fingerprint: string,
  corpus: Corpus,
  modelRows: Int32Array,
  tokens: TokenizedCorpus,
  db: Database.Database,
  progress: ProgressReporter,
  mark: (stage: string) => void,
  free: () => number,
  papersWithoutAbstract: number,
): Omit<PipelineResult, 'databaseFile' | 'fingerprint' | 'timings'> {
  const modelPapers =
    modelRows.length === corpus.papers.length ? corpus.papers : Array.from(modelRows, (i) => corpus.papers[i]);
  // Citations inside the corpus: hybrid topics read them with the words when enough papers have some.
  const citations = buildCitationLayer(corpus);
  // Bibliographic coupling is computed once, for the hybrid topics' links and (when too few papers
  // cite each other) the citation clusters; the graph the clusters come from is chosen here and
  // the coupling let go of before the topic model.
  const networkOptions = {
    ...DEFAULT_CITATION_NETWORK_OPTIONS,
    maxPapers: opts.citations?.networkPapers ?? DEFAULT_CITATION_NETWORK_OPTIONS.maxPapers,
    seed: deriveSeed(opts.seed, 'citation network'),
  };
  let coupling: PaperGraph | null = null;
  const corpusCoupling = () =>
    (coupling ??= buildCouplingGraph(corpus.referenceKeys, networkOptions.couplingLinksPerPaper));
  const links = buildTopicCitationLinks(
    corpus.papers.length,
    citations,
    modelRows,
    buildRowCouplingGraph(corpus.referenceKeys, modelRows, networkOptions.couplingLinksPerPaper, corpusCoupling),
  );
  const clusterGraph = chooseClusterGraph(corpus.papers.length, citations, networkOptions, corpusCoupling);
  coupling = null;
  let currentStage = '';
  const model = buildTopicModel(
    modelPapers,
    { ...opts.model, seed: opts.seed, links },
    (stage, done, total) => {
      if (stage !== currentStage) {
        if (currentStage) {
          progress.end();
          mark(currentStage);
        }
        currentStage = stage;
        progress.start(stage, total, 'items');
      }
      progress.update(done, total);
    },
    tokens,
  );
  if (currentStage) {
    progress.end(`${model.topics.length} topics`);
    mark(currentStage);
  }

  const paperTopics = new Int32Array(corpus.papers.length).fill(-1);
  modelRows.forEach((paper, row) => (paperTopics[paper] = model.papers.topic[row]));

  checkStageMemory('graph', corpus.papers.length, free());
  progress.start('graph', 0, 'steps');
  const graph = buildCoauthorGraph(
    corpus.papers,
    paperTopics,
    { ...opts.graph, seed: opts.seed },
    (_stage, done, total) => progress.update(done, total),
  );
  progress.end(`${formatCount(graph.authors.length)} authors, ${formatCount(graph.edges.source.length)} links`);
  mark('graph');

  checkStageMemory('trends', corpus.papers.length, free());
  progress.start('trends', 0, 'terms');
  // Keywords the sources give are trend terms beside the words and phrases of the abstracts.
  const keywordTerms = buildKeywordTerms(modelPapers, model.corpus);
  const trends = buildTrends(
    {
      papers: modelPapers,
      corpus: keywordTerms.corpus,
      paperTopics: model.papers.topic,
      topicCount: model.topics.length,
    },
    opts.trends,
    (_stage, done, total) => progress.update(done, total),
  );
  progress.end(`${trends.periods.length} periods (${trends.granularity})`);
  mark('trends');

  const evolution = buildTopicEvolution(model.vectors, model.corpus, trends.periodOf, trends.periods, {
    ...DEFAULT_EVOLUTION_OPTIONS,
    seed: deriveSeed(opts.seed, 'evolution'),
  });
  mark('evolution');

  checkStageMemory('citations', corpus.papers.length, free());
  progress.start('citations', 0);
  // Clusters are named from the words the topic model read: a paper's row there, if it has one.
  const modelRowOf = new Int32Array(corpus.papers.length).fill(-1);
  modelRows.forEach((paper, row) => (modelRowOf[paper] = row));
  const citationNetwork = buildCitationNetwork(
    clusterGraph,
    citations.localCitedBy,
    (p) => (modelRowOf[p] >= 0 ? model.corpus.docs[modelRowOf[p]] : null),
    model.corpus.vocab,
    networkOptions,
  );
  const historiograph = buildHistoriograph(
    citations,
    corpus.papers.map((p) => p.year),
    opts.citations?.historiograph ?? DEFAULT_HISTORIOGRAPH_SIZE,
  );
  progress.end(
    `${formatCount(citations.citing.length)} citations, ${citationNetwork.clusters.length} clusters (${citationNetwork.network})`,
  );
  mark('citations');

  progress.start('maps', 0);
  const cooccurrence = buildCooccurrenceMaps(
    corpus.papers,
    corpus.referenceKeys,
    modelPapers,
    model.corpus,
    model.papers.topic,
    model.topics.length,
    opts.seed,
  );
  progress.end(cooccurrence.map((m) => `${m.map.kind} ${m.map.items.length}`).join(', '));
  mark('maps');

  progress.start('write', 0);
  writeMeta(db, {
    build_id: fingerprint,
    pipeline_version: PIPELINE_VERSION,
    options: {
      seed: opts.seed,
      ingest: opts.ingest,
      model: opts.model,
      graph: opts.graph,
      trends: opts.trends,
      citations: opts.citations ?? {},
    },
    inputs: opts.inputs.map((p) => path.basename(p)),
    papers_without_abstract: papersWithoutAbstract,
    papers_without_topic: corpus.papers.length - modelRows.length,
    min_title_words: MIN_TITLE_WORDS,
    references_total: corpus.references.total,
    references_resolved: corpus.references.resolved,
    model_adaptations: model.adaptations.length > 0 ? model.adaptations : null,
  });
  const paperIds = Int32Array.from(corpus.papers, (p) => p.id);
  // Top authors in the author index's ids (store id - 1): the order of ids, and so the ranking,
  // is the store's; names as writeCorpus stores them.
  const authorIndex = getAuthorIndex(corpus.papers);
  writeTopicModel(db, model, corpus, modelRows, {
    termCounts: countTopicTerms(model),
    topicAuthors: rankTopicAuthors(
      paperTopics,
      authorIndex.paperAuthors,
      model.topics.length,
      (author) => authorIndex.names[author],
      TOPIC_AUTHORS_KEPT,
    ),
    quality: qualityFigures(model),
  });
  writeCoauthorGraph(db, graph);
  writeTrends(db, trends, model, keywordTerms);
  writeCooccurrenceMaps(db, cooccurrence);
  writeCitationLayer(db, citations, paperIds);
  writeCitationNetwork(db, citationNetwork, historiograph, paperIds);
  writeTopicEvolution(
    db,
    evolution,
    trends.periods,
    Int32Array.from(modelPapers, (p) => p.id),
  );
  progress.end();
  mark('write');
  return { corpus, model, graph, trends };
}
