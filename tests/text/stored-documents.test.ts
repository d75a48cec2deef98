/**
 * Tokenizing texts read back from an AbstractFile (each thread reads its share a block at a time)
 * gives the tokens of the same texts held in memory, on a corpus large enough to use the workers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AbstractFile } from '../../lib/corpus/abstract-file';
import { createRandom, randomInt } from '../../lib/random';
import { tokenizeCorpus } from '../../lib/text/index';

const WORDS = Array.from({ length: 400 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`);
const PHRASES = ['graph neural networks', 'diffusion models', 'reinforcement learning', 'large language models'];

function makeText(random: () => number, words: number): string {
  const out: string[] = [];
  for (let w = 0; w < words; w++) {
    out.push(random() < 0.1 ? PHRASES[randomInt(random, PHRASES.length)] : WORDS[randomInt(random, WORDS.length)]);
    if (random() < 0.08) out.push('.');
  }
  return out.join(' ');
}

describe('documents whose texts are on disk', () => {
  it('tokenize as the same texts held in memory', () => {
    const random = createRandom(7);
    const n = 9000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-stored-'));
    const file = new AbstractFile(path.join(dir, 'abstracts.db'));
    try {
      const titles: string[] = [];
      const texts: string[] = [];
      // Papers 0, 2, 3, 5, 6, …: one in three is not a document; one document in 50 has no abstract.
      const papers: number[] = [];
      for (let paper = 0; papers.length < n; paper++) {
        if (paper % 3 === 1) continue;
        const text = papers.length % 50 === 7 ? '' : makeText(random, 20 + randomInt(random, 60));
        if (text !== '') file.put(paper, `${text} (raw)`, text);
        papers.push(paper);
        titles.push(makeText(random, 6));
        texts.push(text);
      }
      file.finish();
      const inMemory = tokenizeCorpus(texts.map((text, i) => ({ title: titles[i], text })));
      const stored = tokenizeCorpus({ titles, abstractFile: file.file, papers: Int32Array.from(papers) });
      expect(stored.vocab.terms.length).toBeGreaterThan(300);
      expect(stored.vocab).toEqual(inMemory.vocab);
      expect(stored.docs).toEqual(inMemory.docs);
      expect(stored.forms).toEqual(inMemory.forms);
    } finally {
      file.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
