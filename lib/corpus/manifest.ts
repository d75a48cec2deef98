/**
 * `sources.json`: what we know about each input file that its content does not say — venue, the
 * year for records without one, the reference year for dates written without a year, notes.
 */
import { z } from 'zod';

const entrySchema = z.object({
  file: z.string().min(1),
  venue: z.string().nullable().optional(),
  year: z.number().int().min(1900).max(2100).nullable().optional(),
  referenceYear: z.number().int().min(1900).max(2100).nullable().optional(),
  notes: z.string().nullable().optional(),
  format: z.string().nullable().optional(),
});
// Either `{ "files": [...] }` or a bare array of entries; picked by shape so errors point at the field.
const objectSchema = z.object({ description: z.string().optional(), files: z.array(entrySchema) });
const arraySchema = z.array(entrySchema);

/** One file's entry: `year` fills records that carry none; `referenceYear` completes dates like `Nov 7`. */
export interface ManifestEntry {
  file: string;
  venue: string | null;
  year: number | null;
  referenceYear: number | null;
  notes: string | null;
  /** A layout name to use instead of detecting one. */
  format: string | null;
}

/** Parses a manifest's JSON text; throws an Error saying what is wrong. */
export function parseManifest(text: string): ManifestEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
  const parsed = Array.isArray(doc) ? arraySchema.safeParse(doc) : objectSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a valid manifest at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.files;
  return entries.map((e) => ({
    file: e.file,
    venue: e.venue ?? null,
    year: e.year ?? null,
    referenceYear: e.referenceYear ?? null,
    notes: e.notes ?? null,
    format: e.format ?? null,
  }));
}

/** The entry for a file, matched on its path relative to the manifest, then on its base name. */
export function findManifestEntry(entries: readonly ManifestEntry[], relativePath: string): ManifestEntry | null {
  const rel = relativePath.replace(/\\/g, '/');
  const base = rel.replace(/^.*\//, '');
  return entries.find((e) => e.file === rel) ?? entries.find((e) => e.file.replace(/^.*\//, '') === base) ?? null;
}
