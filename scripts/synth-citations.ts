/**
 * A synthetic citation corpus for measuring the citation stage at scale: OpenAlex works as JSON
 * lines, in `fields` planted fields, each paper citing up to 15 earlier papers (80% of them in its
 * own field; half the time a reference of the paper picked instead, so popular papers get more
 * popular), over 34 years, with abstracts of 60 words, each from its field's 60 words with
 * probability `fieldWordShare` (default 0.6), else from all 4,000; titles of two of the field's
 * words, or of two of all the words when `titleFromField` is false (weak text). Seeded: the same
 * arguments write the same bytes.
 *
 *   npx tsx scripts/synth-citations.ts 50000 /tmp/works.jsonl [fields=40] [seed=7] [fieldWordShare=0.6] [titles=field|any]
 *
 * `npm run bench -- --only citations` writes the same corpus and measures the citation stage on it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom } from '../lib/random';

const REFERENCES = 15;
const IN_FIELD = 0.8;
const COPY_REFERENCE = 0.5;
const FIELD_WORDS = 60;
const WORDS = 4000;

/** Writes `papers` synthetic works to `file` (JSON lines); returns each paper's planted field. */
export function writeSyntheticCitations(
  papers: number,
  file: string,
  fields = 40,
  seed = 7,
  fieldWordShare = 0.6,
  titleFromField = true,
): Int32Array {
  const random = createRandom(seed);
  const words = Array.from({ length: WORDS }, (_, i) => `w${i.toString(36)}x`);
  const fieldWords = Array.from({ length: fields }, (_, f) =>
    Array.from({ length: FIELD_WORDS }, (_, j) => words[(f * 97 + j * 13) % WORDS]),
  );
  const fieldOf = new Int32Array(papers);
  const byField: number[][] = Array.from({ length: fields }, () => []);
  const referencesOf: number[][] = [];
  const fd = fs.openSync(file, 'w');
  for (let p = 0; p < papers; p++) {
    const field = Math.floor(random() * fields);
    fieldOf[p] = field;
    const refs = new Set<number>();
    for (let r = 0; r < REFERENCES; r++) {
      const pool = random() < IN_FIELD ? byField[field] : byField[Math.floor(random() * fields)];
      if (pool.length === 0) continue;
      let q = pool[Math.floor(random() * pool.length)];
      const theirs = referencesOf[q];
      if (random() < COPY_REFERENCE && theirs.length > 0) q = theirs[Math.floor(random() * theirs.length)];
      refs.add(q);
    }
    referencesOf.push([...refs]);
    byField[field].push(p);
    const own = fieldWords[field];
    const index: Record<string, number[]> = {};
    for (let i = 0; i < 60; i++) {
      const word =
        random() < fieldWordShare ? own[Math.floor(random() * own.length)] : words[Math.floor(random() * WORDS)];
      (index[word] ??= []).push(i);
    }
    const work = {
      id: `https://openalex.org/W${100_000_000 + p}`,
      doi: `https://doi.org/10.9999/synth.${p}`,
      // Two of the field's words, or (weak text) two of all the words: a title would otherwise
      // name the field whatever the abstract says.
      title: titleFromField
        ? `${own[p % FIELD_WORDS]} ${own[(p * 7) % FIELD_WORDS]} study ${p}`
        : `${words[(p * 31) % WORDS]} ${words[(p * 97 + 5) % WORDS]} study ${p}`,
      publication_year: 1990 + Math.floor((p / papers) * 34),
      abstract_inverted_index: index,
      authorships: [{ author: { id: `https://openalex.org/A${p % 20_000}`, display_name: `Author ${p % 20_000}` } }],
      referenced_works: [...refs].map((q) => `https://openalex.org/W${100_000_000 + q}`),
      cited_by_count: 0,
    };
    fs.writeSync(fd, `${JSON.stringify(work)}\n`);
  }
  fs.closeSync(fd);
  return fieldOf;
}

function main(): void {
  const [papersArg, out, fieldsArg = '40', seedArg = '7', shareArg = '0.6', titlesArg = 'field'] =
    process.argv.slice(2);
  const papers = Number(papersArg);
  if (!Number.isInteger(papers) || papers < 1 || !out) {
    process.stderr.write(
      'usage: npx tsx scripts/synth-citations.ts PAPERS OUT.jsonl [FIELDS] [SEED] [FIELD_WORD_SHARE] [field|any titles]\n',
    );
    process.exit(2);
  }
  writeSyntheticCitations(papers, out, Number(fieldsArg), Number(seedArg), Number(shareArg), titlesArg !== 'any');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
