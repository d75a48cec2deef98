import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBudgetError } from '../../lib/cli/memory';
import { createProgress } from '../../lib/cli/progress';
import { defaultPipelineOptions, runPipeline, type PipelineResult } from '../../lib/pipeline';
import {
  readCommunityMap,
  readCooccurrenceKinds,
  readCooccurrenceMap,
  readCooccurrencePapers,
} from '../../lib/store/read/graph';
import { encodeMapPayload, readMapPayload, readMapPoints } from '../../lib/store/read/map';
import { readEvolutionNode, readTopicEvolution } from '../../lib/store/read/trends';
import { SCHEMA_VERSION } from '../../lib/store/schema';
import { readTableHashes, type TableHashes } from '../../lib/store/table-hashes';
import { communityDiscRadii, fitCommunityMap, placeCommunityLabels } from '../../lib/viz/community-labels';
import { boxesOverlap } from '../../lib/viz/label-placement';
import { decodeMapPoints, MAP_PAYLOAD_VERSION } from '../../lib/viz/point-payload';

const root = path.resolve(import.meta.dirname, '..', '..');
const quiet = createProgress(process.stderr, { quiet: true });
let work: string;
let first: PipelineResult;

function optionsFor(outDir: string, inputs = [path.join(root, 'data', 'raw')]) {
  return { ...defaultPipelineOptions(root), inputs, outDir };
}

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'pipeline.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-pipeline-'));
  first = await runPipeline(optionsFor(path.join(work, 'a')), quiet);
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the pipeline on the bundled corpus', () => {
  it('writes every table of the schema with the corpus in it', () => {
    const db = new Database(first.databaseFile);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const meta = (key: string) =>
      (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
    expect(meta('schema_version')).toBe(String(SCHEMA_VERSION));
    expect(meta('build_id')).toBe(first.fingerprint);
    // No references in the bundled corpus: topics from words alone, and the build says why.
    expect(JSON.parse(meta('topic_method'))).toMatchObject({
      cluster: 'smoothed',
      chosenBy: 'default',
      linkedPapers: 0,
    });
    expect(count('papers')).toBe(746);
    expect(count('source_files')).toBe(5);
    // every paper assigned to a topic, placed on the map and given similar papers
    expect(count('paper_topics')).toBe(746);
    expect(count('similar_papers')).toBe(746 * 10);
    const topics = db.prepare('SELECT id, label, size FROM topics ORDER BY id').all() as {
      id: number;
      label: string;
      size: number;
    }[];
    expect(topics.length).toBe(first.model.topics.length);
    expect(topics.reduce((s, t) => s + t.size, 0)).toBe(746);
    for (const t of topics) {
      // labels are readable words, not stems or empty strings
      expect(t.label).toMatch(/^[\p{L}\p{N}][\p{L}\p{N} '\-,]+$/u);
      const terms = db.prepare('SELECT count(*) AS n FROM topic_terms WHERE topic_id = ?').get(t.id) as { n: number };
      expect(terms.n).toBeGreaterThanOrEqual(10);
    }
    expect(count('topic_tree')).toBe(2 * topics.length - 1);
    // named authors: the ICLR files (434 + 25 records, one of 004's merged into a 002 paper) and the
    // arXiv author page, whose every paper is Simon Lacoste-Julien's (10); the Hugging Face pages give counts only
    const named = db.prepare('SELECT count(DISTINCT paper_id) AS n FROM paper_authors').get() as { n: number };
    expect(named.n).toBe(434 + 25 + 10);
    expect(count('authors')).toBe(first.graph.authors.length);
    expect(count('author_stats')).toBe(count('authors'));
    expect(count('coauthor_edges')).toBe(first.graph.edges.source.length);
    expect(count('periods')).toBeGreaterThan(0);
    expect(count('term_periods')).toBeGreaterThan(0);
    expect(count('topic_periods')).toBe(topics.length * count('periods'));
    // the full-text index, built beside and copied in, is sound and finds a paper by a title word
    expect(() =>
      db.prepare("INSERT INTO papers_fts (papers_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
    const hit = db
      .prepare("SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'submodular' ORDER BY rank LIMIT 1")
      .get() as { rowid: number };
    expect(hit.rowid).toBeGreaterThan(0);
    db.close();
  });

  it('stores a map of communities whose names do not collide at the default zoom', () => {
    const db = new Database(first.databaseFile, { readonly: true });
    try {
      const map = readCommunityMap(db);
      expect(map.communities.length).toBeGreaterThan(0);
      for (const c of map.communities) expect(c.size).toBeGreaterThanOrEqual(5);
      const view = { width: 1280, height: 800 };
      const t = fitCommunityMap(map.width, map.height, view);
      const radii = communityDiscRadii(
        map.communities.map((c) => c.radius),
        map.communities.map((c) => c.size),
      );
      const placed = placeCommunityLabels(
        map.communities.map((c, i) => ({
          id: c.id,
          topAuthors: c.topAuthors.map((a) => a.name),
          topicLabel: c.topicLabel,
          x: t.k * c.x + t.x,
          y: t.k * c.y + t.y,
          r: t.k * radii[i],
          priority: c.size,
        })),
        view,
      );
      expect(placed.length).toBeGreaterThan(0);
      for (let i = 0; i < placed.length; i++) {
        for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i].box, placed[j].box)).toBe(false);
      }
      // Every drawn member is in a drawn community; the network view draws each community's first ranks.
      const members = db
        .prepare('SELECT community_id AS c, rank, in_network AS n FROM author_layout ORDER BY community_id, rank')
        .all() as { c: number; rank: number; n: number }[];
      const drawn = new Set(map.communities.map((c) => c.id));
      for (const m of members) expect(drawn.has(m.c)).toBe(true);
      for (const c of map.communities) {
        const mine = members.filter((m) => m.c === c.id);
        expect(mine.length).toBe(c.detail);
        const inNetwork = mine.filter((m) => m.n === 1).length;
        expect(mine.slice(0, inNetwork).every((m) => m.n === 1)).toBe(true);
      }
    } finally {
      db.close();
    }
  });

  it('stores a map of subject terms, clustered, each term opening its papers', () => {
    const db = new Database(first.databaseFile, { readonly: true });
    try {
      expect(readCooccurrenceKinds(db)).toContain('terms');
      const map = readCooccurrenceMap('terms', db)!;
      expect(map.items.length).toBeGreaterThanOrEqual(50);
      expect(map.clusters).toBeGreaterThan(1);
      // Subject terms, not the general words of abstracts.
      const labels = new Set(map.items.map((i) => i.label));
      for (const general of ['results', 'method', 'approach', 'paper', 'show']) expect(labels.has(general)).toBe(false);
      const top = readCooccurrencePapers('terms', 0, 5, db)!;
      expect(top.papers.length).toBe(Math.min(5, map.items[0].papers));
    } finally {
      db.close();
    }
  });

  it('stores the topic evolution: windows of periods, topics per window, links forward', () => {
    const db = new Database(first.databaseFile, { readonly: true });
    try {
      const evolution = readTopicEvolution(db);
      expect(evolution.windows.length).toBeGreaterThanOrEqual(2);
      expect(evolution.nodes.length).toBeGreaterThan(evolution.windows.length);
      const windowOf = new Map(evolution.nodes.map((n) => [n.id, n.window]));
      for (const l of evolution.links) expect(windowOf.get(l.target)).toBe(windowOf.get(l.source)! + 1);
      const node = readEvolutionNode(evolution.nodes[0].id, db)!;
      expect(node.papers.length).toBe(Math.min(30, node.node.size));
    } finally {
      db.close();
    }
  });

  it('stores the map payload the points API serves: the gzipped encoding of the stored points', () => {
    const db = new Database(first.databaseFile, { readonly: true });
    const stored = db.prepare('SELECT encoding, version, points, bytes FROM map_payload').all() as {
      encoding: string;
      version: number;
      points: number;
      bytes: Buffer;
    }[];
    expect(stored.map((r) => [r.encoding, r.version, r.points])).toEqual([['gzip', MAP_PAYLOAD_VERSION, 746]]);
    const decoded = decodeMapPoints(new Uint8Array(zlib.gunzipSync(stored[0].bytes)).buffer);
    const fromTables = readMapPoints(db);
    expect(decoded.ids).toEqual(fromTables.ids);
    expect(decoded.topic).toEqual(fromTables.topic);
    expect(decoded.flags).toEqual(fromTables.flags);
    expect(Buffer.from(encodeMapPayload(db)).equals(stored[0].bytes)).toBe(true);
    expect(Buffer.from(readMapPayload('gzip', db)).equals(stored[0].bytes)).toBe(true);
    db.close();
  });

  it('gives a byte-identical build for the same input and options', async () => {
    const second = await runPipeline(optionsFor(path.join(work, 'b')), quiet);
    expect(second.fingerprint).toBe(first.fingerprint);
    const a = fs.readFileSync(first.databaseFile);
    const b = fs.readFileSync(second.databaseFile);
    expect(b.equals(a)).toBe(true);
  });

  it('writes the golden rows: every table hashes as tests/fixtures/store/bundled-table-hashes.json says', () => {
    // A change meant to change the output rewrites the golden file, in the same commit:
    // npx tsx scripts/table-hashes.ts data/build/analytics.db --write tests/fixtures/store/bundled-table-hashes.json
    const golden = JSON.parse(
      fs.readFileSync(path.join(root, 'tests', 'fixtures', 'store', 'bundled-table-hashes.json'), 'utf8'),
    ) as TableHashes;
    expect(readTableHashes(first.databaseFile)).toEqual(golden);
  });

  it('leaves the previous build untouched when a run fails', () => {
    const out = path.join(work, 'a');
    const before = fs.readFileSync(path.join(out, 'analytics.db'));
    const bad = path.join(work, 'bad.bin');
    fs.writeFileSync(bad, Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]));
    const res = runCli(['--input', bad, '--out', out, '--quiet']);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('bad.bin');
    expect(res.stderr).toContain('previous build, if any, is untouched');
    expect(fs.readFileSync(path.join(out, 'analytics.db')).equals(before)).toBe(true);
    expect(fs.readdirSync(out)).toEqual(['analytics.db']);
  });

  it('stops before a stage the free memory cannot hold, naming it and the memory, and keeps the previous build', async () => {
    const out = path.join(work, 'a');
    const before = fs.readFileSync(path.join(out, 'analytics.db'));
    const run = runPipeline({ ...optionsFor(out), seed: 7, availableMemoryMb: () => 20 }, quiet);
    await expect(run).rejects.toBeInstanceOf(MemoryBudgetError);
    await expect(run).rejects.toThrow(/the write stage: it needs about \d+ MB more and 20 MB is available/);
    expect(fs.readFileSync(path.join(out, 'analytics.db')).equals(before)).toBe(true);
    expect(fs.readdirSync(out)).toEqual(['analytics.db']);
  });

  it('names an unrecognized file and the layouts it tried', () => {
    const odd = path.join(work, 'notes.txt');
    fs.writeFileSync(odd, 'just some words\nthat are not paper records\n');
    const res = runCli(['--input', odd, '--out', path.join(work, 'c'), '--quiet']);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('notes.txt');
    expect(res.stderr).toMatch(/arxiv-jsonl/);
    // Nothing is left behind, not even the build folder the run made (nor its abstracts file).
    expect(fs.existsSync(path.join(work, 'c'))).toBe(false);
  });

  it('answers a bad option with usage and exit code 2', () => {
    const res = runCli(['--topics', 'lots']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('--topics expects a number');
    expect(res.stderr).toContain('Usage: npm run pipeline');
  });
});
