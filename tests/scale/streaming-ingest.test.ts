/**
 * Ingest and store stream: a gzipped JSON-lines file whose records are generated lazily (never all
 * in memory, not even while the file is written) is read with its abstracts going to an
 * AbstractFile, then stored with its full-text index. The live heap, measured after a full garbage
 * collection every 5,000 records and after each step, stays far below the size of the abstracts:
 * a reader that held them (once as text, once as plain words) would need twice their size.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AbstractFile } from '../../lib/corpus/abstract-file';
import { readCorpus } from '../../lib/corpus/index';
import { createRandom, randomInt } from '../../lib/random';
import {
  attachFullTextIndex,
  createBuildDatabase,
  finishBuildDatabase,
  startFullTextIndex,
  writeCorpus,
} from '../../lib/store/write';

const RECORDS = 20_000;
const ABSTRACT_WORDS = 800;

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

function liveHeapMb(): number {
  collect();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** The records, one JSON line at a time, with about 6 KB of seeded random words as abstract. */
function* records(): Generator<string> {
  const random = createRandom(11);
  const vocabulary = Array.from({ length: 3000 }, (_, i) => `term${i.toString(36)}`);
  for (let i = 0; i < RECORDS; i++) {
    const words: string[] = [];
    for (let w = 0; w < ABSTRACT_WORDS; w++) words.push(vocabulary[randomInt(random, vocabulary.length)]);
    if (i === 12_345) words.push('needleword');
    yield `${JSON.stringify({
      id: `p${i}`,
      title: `Paper ${i} on ${vocabulary[i % 3000]} and ${vocabulary[(i * 7) % 3000]}`,
      abstract: words.join(' '),
      authors: `Author ${i % 4000} and Author ${(i + 1) % 4000}`,
      year: 2000 + (i % 20),
    })}\n`;
  }
}

describe('streaming ingest and store', () => {
  it('holds neither the records nor the abstracts of a large gzipped file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-stream-'));
    const input = path.join(dir, 'papers.jsonl.gz');
    await pipeline(Readable.from(records()), zlib.createGzip({ level: 1 }), fs.createWriteStream(input));
    const abstracts = new AbstractFile(path.join(dir, 'abstracts.db'));
    try {
      const abstractMb = (RECORDS * ABSTRACT_WORDS * 7) / 2 ** 20;
      const before = liveHeapMb();
      let peak = 0;
      const corpus = await readCorpus(
        [input],
        {},
        (p) => {
          if (p.records > 0 && p.records % 5000 === 0) peak = Math.max(peak, liveHeapMb() - before);
        },
        abstracts,
      );
      abstracts.finish();
      peak = Math.max(peak, liveHeapMb() - before);
      expect(corpus.papers.length).toBe(RECORDS);
      expect(corpus.papers.every((p) => p.abstract === '' && p.abstractLength > 5000)).toBe(true);

      const dbFile = path.join(dir, 'analytics.db');
      const ftsFile = path.join(dir, 'fts.db');
      const fullText = startFullTextIndex(corpus, ftsFile, abstracts);
      const db = createBuildDatabase(dbFile);
      writeCorpus(db, corpus, abstracts);
      peak = Math.max(peak, liveHeapMb() - before);
      await fullText;
      attachFullTextIndex(db, ftsFile);
      finishBuildDatabase(db);
      peak = Math.max(peak, liveHeapMb() - before);

      // About 110 MB of abstracts (220 MB as text and plain words); the papers' other fields and
      // the de-duplication keys are under 2 KB each.
      expect(abstractMb).toBeGreaterThan(100);
      expect(peak).toBeLessThan(abstractMb / 2);

      const read = new Database(dbFile, { readonly: true });
      try {
        expect(read.prepare('SELECT count(*) FROM papers WHERE length(abstract) > 5000').pluck().get()).toBe(RECORDS);
        const hit = read
          .prepare(
            "SELECT p.external_id FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid WHERE papers_fts MATCH 'needleword'",
          )
          .pluck()
          .all();
        expect(hit).toEqual(['p12345']);
      } finally {
        read.close();
      }
    } finally {
      abstracts.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
