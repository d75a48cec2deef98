/**
 * npx tsx scripts/table-hashes.ts BUILD.db [--write FILE]
 * Prints every table's row count and hash (lib/store/table-hashes.ts); with --write, saves them as
 * JSON, e.g. as the golden hashes of the bundled build (tests/fixtures/store/bundled-table-hashes.json)
 * after a change that is meant to change the output.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readTableHashes } from '../lib/store/table-hashes';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { write: { type: 'string' } } });
if (positionals.length !== 1) {
  process.stderr.write('Usage: npx tsx scripts/table-hashes.ts BUILD.db [--write FILE]\n');
  process.exit(2);
}
const hashes = readTableHashes(positionals[0]);
for (const [table, { rows, sha256 }] of Object.entries(hashes))
  process.stdout.write(`${table.padEnd(28)} ${String(rows).padStart(8)}  ${sha256.slice(0, 16)}\n`);
if (values.write !== undefined) fs.writeFileSync(values.write, `${JSON.stringify(hashes, null, 2)}\n`);
