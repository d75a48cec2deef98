/**
 * Subjects first, measured: on the NeurIPS corpus (../shared/corpora, skipped when absent), the
 * subject eras written down from the field's history before the ranking existed
 * (tests/fixtures/trends/neurips-eras.json) must be among the top 50 bursts, and general words must
 * not fill them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '@/lib/cli/progress';
import { defaultPipelineOptions, runPipeline } from '@/lib/pipeline';
import { measureEras, type SubjectEra } from '@/lib/trends/era-measure';

const root = path.resolve(import.meta.dirname, '..', '..');
// ../shared/corpora beside the project, TOPICSCOPE_SHARED_DIR/corpora, or this machine's /work/shared.
const corpus =
  [
    process.env.TOPICSCOPE_SHARED_DIR ? path.join(process.env.TOPICSCOPE_SHARED_DIR, 'corpora') : null,
    path.resolve(root, '..', 'shared', 'corpora'),
    '/work/shared/corpora',
  ]
    .filter((d): d is string => d !== null)
    .map((d) => path.join(d, 'neurips-1987-2021.csv.gz'))
    .find((f) => fs.existsSync(f)) ?? '';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-eras-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe.runIf(corpus !== '')('NeurIPS subject eras', () => {
  it('finds 85% of the eras among the top 50 subject bursts, with few general words', async () => {
    const result = await runPipeline(
      { ...defaultPipelineOptions(root), inputs: [corpus], outDir: path.join(work, 'build') },
      createProgress(process.stderr, { quiet: true }),
    );
    const { trends, model } = result;
    const fixture = JSON.parse(
      fs.readFileSync(path.join(root, 'tests', 'fixtures', 'trends', 'neurips-eras.json'), 'utf8'),
    ) as { eras: SubjectEra[]; general: string[] };
    const year = (ordinal: number) => Number(trends.periods[ordinal].label.slice(0, 4));
    const seen = new Set<number>();
    const ranked = trends.bursts
      .filter((b) => (seen.has(b.term) ? false : (seen.add(b.term), true)))
      .map((b) => ({ term: model.corpus.vocab.display[b.term] ?? '', start: year(b.start), end: year(b.end) }));
    const m = measureEras(ranked, fixture.eras, fixture.general);
    expect(m.foundShare).toBeGreaterThanOrEqual(0.85);
    expect(m.generalShare).toBeLessThanOrEqual(0.1);
  }, 180_000);
});
