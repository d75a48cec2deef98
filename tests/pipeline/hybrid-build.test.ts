/**
 * Hybrid topics end to end: the pipeline on the OpenAlex sample (258 works citing each other 801
 * times) makes its topics from words and citations and its build says so; the bundled corpus (no
 * references) keeps words alone (tests/pipeline/pipeline.test.ts checks that build). A WoS sample
 * whose papers cite none of each other gets coupling links drawn in its citation network.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../lib/cli/progress';
import { defaultPipelineOptions, runPipeline } from '../../lib/pipeline';
import { readCitationNetwork } from '../../lib/store/read/citations';
import { SAMPLES_DIR } from '../corpus/formats/samples';

const root = path.resolve(import.meta.dirname, '..', '..');
const donners = SAMPLES_DIR ? path.join(SAMPLES_DIR, 'openalex', 'synergy__Donners_2021') : '';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-hybrid-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe.runIf(donners !== '' && fs.existsSync(donners))('a build of a corpus with references', () => {
  it('gets hybrid topics by default, and its meta and quality table say which and why', async () => {
    // The independent count: works of the sample that cite or are cited by another one of it.
    type Work = { id: string; referenced_works?: string[] };
    const works: Work[] = [];
    for (const file of fs.readdirSync(donners).filter((f) => f.endsWith('.json')))
      for (const w of JSON.parse(fs.readFileSync(path.join(donners, file), 'utf8')) as Work[]) works.push(w);
    const ids = new Set(works.map((w) => w.id));
    const cite = new Set<string>();
    for (const w of works)
      for (const r of w.referenced_works ?? [])
        if (ids.has(r) && r !== w.id) {
          cite.add(r);
          cite.add(w.id);
        }

    const result = await runPipeline(
      { ...defaultPipelineOptions(root), inputs: [donners], outDir: path.join(work, 'donners') },
      createProgress(process.stderr, { quiet: true }),
    );
    const db = new Database(result.databaseFile, { readonly: true });
    try {
      const meta = (key: string) =>
        JSON.parse((db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value);
      const method = meta('topic_method');
      expect(method.cluster).toBe('hybrid');
      expect(method.chosenBy).toBe('default');
      expect(method.citationsWeight).toBe(0.5);
      // Two works have too little text to model; coupling links some works that no citation does.
      expect(method.papers).toBe(256);
      expect(method.linkedPapers).toBeGreaterThanOrEqual(cite.size - 2);
      expect(method.linkedPapers).toBe(168);
      expect(method.reason).toMatch(/^hybrid \(words and citations\), the default here: 168 of 256 papers \(66%\)/);
      expect(meta('model_options').cluster).toBe('hybrid');
      const note = db.prepare("SELECT note FROM quality WHERE metric = 'topics'").get() as { note: string };
      expect(note.note).toContain('citation links (hybrid)');
    } finally {
      db.close();
    }
  });
});

const wos = SAMPLES_DIR ? path.join(SAMPLES_DIR, 'wos', 'tethne__wos2.txt') : '';

describe.runIf(wos !== '' && fs.existsSync(wos))(
  'a build whose papers share references but cite none of each other',
  () => {
    it('draws coupling links in the citation network, each between papers that share a reference', async () => {
      const result = await runPipeline(
        { ...defaultPipelineOptions(root), inputs: [wos], outDir: path.join(work, 'wos') },
        createProgress(process.stderr, { quiet: true }),
      );
      const db = new Database(result.databaseFile, { readonly: true });
      try {
        const network = readCitationNetwork(db)!;
        expect(network.network).toBe('coupling');
        expect(network.edges.source).toEqual([]);
        const { source, target, shared } = network.couplingEdges;
        expect(source.length).toBeGreaterThan(20);
        const keysOf = (paper: number) =>
          new Set(
            (
              db
                .prepare('SELECT ref_key FROM paper_references WHERE paper_id = ? AND ref_key IS NOT NULL')
                .all(paper) as {
                ref_key: string;
              }[]
            ).map((r) => r.ref_key),
          );
        source.forEach((s, e) => {
          expect(s).toBeLessThan(target[e]);
          const a = keysOf(network.nodes.id[s]);
          const common = [...keysOf(network.nodes.id[target[e]])].filter((k) => a.has(k));
          expect(common.length).toBe(shared[e]);
          expect(shared[e]).toBeGreaterThan(0);
        });
        // Its topics read the coupling too: most of its papers share references.
        const method = JSON.parse(
          (db.prepare("SELECT value FROM meta WHERE key = 'topic_method'").get() as { value: string }).value,
        );
        expect(method).toMatchObject({ cluster: 'hybrid', chosenBy: 'default', papers: 100, linkedPapers: 77 });
      } finally {
        db.close();
      }
    });
  },
);
