/**
 * Hybrid topics end to end: the pipeline on the OpenAlex sample (258 works citing each other 801
 * times) makes its topics from words and citations and its build says so; the bundled corpus (no
 * references) keeps words alone (tests/pipeline/pipeline.test.ts checks that build).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../lib/cli/progress';
import { defaultPipelineOptions, runPipeline } from '../../lib/pipeline';
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
