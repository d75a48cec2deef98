/**
 * Large database exports for scripts/bench.ts, built from the real samples in ../shared/formats by
 * repeating their records with changed identifiers (so no two are duplicates): a Web of Science
 * plain-text file and an OpenAlex works JSON-lines file (gzipped, as the OpenAlex snapshot ships).
 * Written into the bench's work folder, never into the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** The WoS plain-text samples whose records are repeated. */
const WOS_SAMPLES = ['wos/wosfile__wos_plaintext.txt', 'wos/tethne__wos2.txt', 'wos/refsplitr__BITR_test.txt'];

/** Writes `n` WoS records to `out`; copy c of a record gets UT, DOI and title suffixed with c. Returns the bytes written. */
export function writeSyntheticWos(formatsDir: string, n: number, out: string): number {
  const records: string[] = [];
  for (const name of WOS_SAMPLES) {
    const text = fs
      .readFileSync(path.join(formatsDir, name), 'utf8')
      .replace(/^\ufeff/, '')
      .replace(/\r\n/g, '\n');
    for (const r of text.split(/\nER\n/)) {
      const start = r.indexOf('PT ');
      if (start >= 0) records.push(r.slice(start).trimEnd());
    }
  }
  const fd = fs.openSync(out, 'w');
  let bytes = 0;
  const write = (s: string) => {
    bytes += fs.writeSync(fd, s);
  };
  write('FN Clarivate Analytics Web of Science\nVR 1.0\n');
  let batch = '';
  for (let i = 0; i < n; i++) {
    const r = records[i % records.length]
      .replace(/^UT (?:WOS:|ISI:)?(\S+)/m, () => `UT WOS:${String(i).padStart(15, '0')}`)
      .replace(/^DI (\S+)/m, (_m, doi: string) => `DI ${doi}.c${i}`)
      .replace(/^TI (.*)$/m, (_m, title: string) => `TI ${title} (copy ${i})`);
    batch += `${r}\nER\n\n`;
    if (batch.length > 1 << 20) {
      write(batch);
      batch = '';
    }
  }
  write(`${batch}EF\n`);
  fs.closeSync(fd);
  return bytes;
}

/** Writes `n` OpenAlex works as gzipped JSON lines; copy c gets its W-id, DOI and title changed. Resolves to the decompressed bytes. */
export async function writeSyntheticOpenAlex(formatsDir: string, n: number, out: string): Promise<number> {
  const dir = path.join(formatsDir, 'openalex', 'synergy__Donners_2021');
  const works: Record<string, unknown>[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.endsWith('.json'))
      for (const w of JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>[])
        works.push(w);
  }
  let bytes = 0;
  async function* lines(): AsyncGenerator<string> {
    let batch = '';
    for (let i = 0; i < n; i++) {
      const w = works[i % works.length];
      const id = `https://openalex.org/W${9000000000 + i}`;
      const copy = {
        ...w,
        id,
        doi: typeof w.doi === 'string' ? `${w.doi}.c${i}` : null,
        title: `${String(w.title)} (copy ${i})`,
        display_name: `${String(w.display_name)} (copy ${i})`,
        ids: { openalex: id },
      };
      batch += `${JSON.stringify(copy)}\n`;
      if (batch.length > 1 << 20) {
        bytes += Buffer.byteLength(batch);
        yield batch;
        batch = '';
      }
    }
    bytes += Buffer.byteLength(batch);
    yield batch;
  }
  await pipeline(Readable.from(lines()), zlib.createGzip({ level: 6 }), fs.createWriteStream(out));
  return bytes;
}
