/**
 * OpenAlex works as JSON: a JSON array of works, an API page (`{"meta": …, "results": [ … ]}`) or
 * JSON lines (the snapshot's `.jsonl.gz`), streamed one work at a time. Reads the 2023 schema
 * (`host_venue`, `concepts`) and the current one (`primary_location`, `topics`, `keywords`).
 * Work object: https://docs.openalex.org/api-entities/works/work-object
 */
import type { Emit, FormatSpec } from '../format-spec';
import type {
  AuthorIdentifier,
  PaperIdentifier,
  RawAffiliation,
  RawKeyword,
  RawRecord,
  RawReference,
} from '../raw-record';
import { parseCountry, parseCount } from '../bib-fields';
import { BAD_JSON, createJsonTextParser, parseJsonItem, startsLikeJson } from '../json-stream';
import { parseCountryCode } from './country-codes';
import {
  isJsonObject,
  readArray,
  readLastSegment,
  readObject,
  readOrcid,
  readPmcid,
  readPmid,
  readText,
  readYear,
} from './json-values';

/**
 * OpenAlex assigns a concept to a work when its score is at least 0.3; lower-scored ones are only
 * the ancestors of assigned concepts (docs: Work object, `concepts`). We keep the assigned ones,
 * and the best-scored concept when none reaches 0.3, so every tagged work keeps a concept.
 */
const CONCEPT_MIN_SCORE = 0.3;

/** Words put back in position order: missing positions skipped, words sharing one kept in given order. */
function joinByPosition(words: readonly string[], positions: readonly number[], max: number): string | null {
  const out: string[] = [];
  if (max < 4 * words.length + 64) {
    // Positions are nearly dense: one slot per position.
    const slots = new Array<string | undefined>(max + 1);
    for (let k = 0; k < words.length; k++) {
      const p = positions[k];
      const had = slots[p];
      slots[p] = had === undefined ? words[k] : `${had} ${words[k]}`;
    }
    for (let k = 0; k <= max; k++) {
      const s = slots[k];
      if (s !== undefined) out.push(s);
    }
  } else {
    // Far-apart positions (a broken index): sort instead of allocating up to the largest one.
    const order = words.map((_, k) => k).sort((a, b) => positions[a] - positions[b] || a - b);
    for (const k of order) out.push(words[k]);
  }
  const text = out.join(' ').trim();
  return text === '' ? null : text;
}

/**
 * The abstract from OpenAlex's parsed `abstract_inverted_index` (`{word: [positions]}`), words in
 * position order (gaps skipped, words sharing a position kept in the index's order); null for a
 * null or empty index.
 */
export function abstractFromInvertedIndex(index: unknown): string | null {
  if (!isJsonObject(index)) return null;
  const words: string[] = [];
  const positions: number[] = [];
  let max = -1;
  for (const w of Object.keys(index)) {
    const ps = index[w];
    if (!Array.isArray(ps)) continue;
    for (const p of ps) {
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0) continue;
      words.push(w);
      positions.push(p);
      if (p > max) max = p;
    }
  }
  return words.length === 0 ? null : joinByPosition(words, positions, max);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Reads an inverted index straight from the JSON text, `{` at `from`, without `JSON.parse`: the
 * index is a quarter of a work's bytes but half its parse time (an object of hundreds of keys).
 * Returns the abstract and the offset after the closing `}`, or null for anything unexpected
 * (the caller then parses the record the ordinary way).
 */
export function parseInvertedIndexText(text: string, from: number): { abstract: string | null; end: number } | null {
  const n = text.length;
  const words: string[] = [];
  const positions: number[] = [];
  let max = -1;
  let i = from + 1;
  let bs = -1; // the next backslash at or after i (n when none), searched for again only once passed
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    let c = text.charCodeAt(i);
    if (c === 125) break;
    if (c === 44) {
      i++;
      continue;
    }
    if (c !== 34) return null;
    let q = text.indexOf('"', i + 1);
    if (q < 0) return null;
    let word: string;
    if (bs < i) {
      bs = text.indexOf('\\', i);
      if (bs < 0) bs = n;
    }
    if (bs < q) {
      // An escape in the word: find the real closing quote and let JSON.parse decode it.
      q = bs;
      while (q < n && text.charCodeAt(q) !== 34) q += text.charCodeAt(q) === 92 ? 2 : 1;
      if (q >= n) return null;
      try {
        word = JSON.parse(text.slice(i, q + 1)) as string;
      } catch {
        return null;
      }
    } else word = text.slice(i + 1, q);
    i = q + 1;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 58) return null;
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 91) return null;
    i++;
    let num = -1;
    for (;;) {
      if (i >= n) return null;
      c = text.charCodeAt(i++);
      if (c >= 48 && c <= 57) num = num < 0 ? c - 48 : num * 10 + (c - 48);
      else if (c === 44 || c === 93) {
        if (num >= 0) {
          words.push(word);
          positions.push(num);
          if (num > max) max = num;
          num = -1;
        }
        if (c === 93) break;
      } else if (!isSpace(c)) return null;
    }
  }
  return { abstract: words.length === 0 ? null : joinByPosition(words, positions, max), end: i + 1 };
}

const INDEX_KEY = '"abstract_inverted_index"';

/**
 * Takes the inverted index out of a work's JSON text: the abstract, and the text with the index
 * replaced by `null`. Null when the text has no index as a key, or one this cannot read.
 */
function extractInvertedIndex(text: string): { abstract: string | null; rest: string } | null {
  const k = text.indexOf(INDEX_KEY);
  if (k < 0) return null;
  // A key follows `{` or `,`; the same characters inside a string would follow a backslash.
  let b = k - 1;
  while (b >= 0 && isSpace(text.charCodeAt(b))) b--;
  const before = b < 0 ? -1 : text.charCodeAt(b);
  if (before !== 123 && before !== 44) return null;
  let v = k + INDEX_KEY.length;
  while (v < text.length && isSpace(text.charCodeAt(v))) v++;
  if (text.charCodeAt(v) !== 58) return null;
  v++;
  while (v < text.length && isSpace(text.charCodeAt(v))) v++;
  if (text.charCodeAt(v) !== 123) return null;
  const scanned = parseInvertedIndexText(text, v);
  if (scanned === null) return null;
  return { abstract: scanned.abstract, rest: `${text.slice(0, v)}null${text.slice(scanned.end)}` };
}

/** A bare OpenAlex id (`W2741809807`, `A5023888391`, `I28200790`) from its URL or bare form. */
function readOpenAlexId(v: unknown, prefix: 'W' | 'A' | 'I'): string | null {
  const s = readLastSegment(v);
  if (s === null) return null;
  const upper = s.toUpperCase();
  return upper.length > 1 && upper[0] === prefix && /^\d+$/.test(upper.slice(1)) ? upper : null;
}

function readIds(work: Record<string, unknown>): PaperIdentifier[] {
  const ids: PaperIdentifier[] = [];
  const more = readObject(work.ids);
  const openalex = readOpenAlexId(work.id, 'W') ?? readOpenAlexId(more?.openalex, 'W');
  if (openalex !== null) ids.push({ scheme: 'openalex', value: openalex });
  if (more !== null) {
    const mag = readText(more.mag);
    if (mag !== null) ids.push({ scheme: 'mag', value: mag });
    const pmid = readPmid(more.pmid);
    if (pmid !== null) ids.push({ scheme: 'pmid', value: pmid });
    const pmcid = readPmcid(more.pmcid);
    if (pmcid !== null) ids.push({ scheme: 'pmcid', value: pmcid });
  }
  return ids;
}

function readVenue(work: Record<string, unknown>): string | null {
  const host = readText(readObject(work.host_venue)?.display_name);
  if (host !== null) return host;
  const primary = readText(readObject(readObject(work.primary_location)?.source)?.display_name);
  if (primary !== null) return primary;
  for (const loc of readArray(work.locations)) {
    const name = readText(readObject(readObject(loc)?.source)?.display_name);
    if (name !== null) return name;
  }
  return null;
}

function readScore(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : -1;
}

function readKeywords(work: Record<string, unknown>): RawKeyword[] {
  const out: RawKeyword[] = [];
  const seen = new Set<string>();
  const add = (name: string | null, kind: RawKeyword['kind']): void => {
    if (name === null) return;
    const key = `${kind}\u0000${name.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ keyword: name, kind });
  };
  let best: { name: string; score: number } | null = null;
  let assigned = 0;
  for (const c of readArray(work.concepts)) {
    const o = readObject(c);
    const name = readText(o?.display_name);
    if (o === null || name === null) continue;
    const score = readScore(o.score);
    if (score >= CONCEPT_MIN_SCORE) {
      add(name, 'concept');
      assigned++;
    } else if (best === null || score > best.score) best = { name, score };
  }
  if (assigned === 0 && best !== null) add(best.name, 'concept');
  for (const t of readArray(work.topics)) add(readText(readObject(t)?.display_name), 'concept');
  for (const k of readArray(work.keywords)) {
    const o = readObject(k);
    add(readText(o?.display_name) ?? readText(o?.keyword) ?? readText(k), 'concept');
  }
  for (const m of readArray(work.mesh)) add(readText(readObject(m)?.descriptor_name), 'mesh');
  return out;
}

interface Authorship {
  authors: string[];
  authorIds: AuthorIdentifier[][];
  affiliations: RawAffiliation[];
}

function readAuthorships(work: Record<string, unknown>): Authorship {
  const authors: string[] = [];
  const authorIds: AuthorIdentifier[][] = [];
  const byKey = new Map<string, RawAffiliation>();
  let anyId = false;
  const affiliate = (key: string, make: () => RawAffiliation, position: number): void => {
    let aff = byKey.get(key);
    if (aff === undefined) {
      aff = make();
      byKey.set(key, aff);
    }
    if (!aff.authors.includes(position)) aff.authors.push(position);
  };
  for (const a of readArray(work.authorships)) {
    const ship = readObject(a);
    if (ship === null) continue;
    const author = readObject(ship.author);
    const name = readText(author?.display_name) ?? readText(ship.raw_author_name);
    if (name === null) continue;
    const position = authors.length;
    authors.push(name);
    const ids: AuthorIdentifier[] = [];
    const aid = readOpenAlexId(author?.id, 'A');
    if (aid !== null) ids.push({ scheme: 'openalex', value: aid });
    const orcid = readOrcid(author?.orcid);
    if (orcid !== null) ids.push({ scheme: 'orcid', value: orcid });
    if (ids.length > 0) anyId = true;
    authorIds.push(ids);
    let named = 0;
    for (const inst of readArray(ship.institutions)) {
      const o = readObject(inst);
      const instName = readText(o?.display_name);
      if (o === null || instName === null) continue;
      named++;
      const id = readOpenAlexId(o.id, 'I');
      affiliate(
        id ?? `name:${instName}`,
        () => ({
          name: instName,
          country: parseCountryCode(o.country_code) ?? parseCountry(instName),
          authors: [],
          id,
        }),
        position,
      );
    }
    if (named > 0) continue;
    // No named institution: the affiliation as the paper printed it.
    const raws = Array.isArray(ship.raw_affiliation_strings)
      ? ship.raw_affiliation_strings
      : [ship.raw_affiliation_string];
    for (const r of raws) {
      const raw = readText(r);
      if (raw !== null)
        affiliate(`name:${raw}`, () => ({ name: raw, country: parseCountry(raw), authors: [] }), position);
    }
  }
  return { authors, authorIds: anyId ? authorIds : [], affiliations: [...byKey.values()] };
}

function readReferences(work: Record<string, unknown>): RawReference[] {
  const out: RawReference[] = [];
  for (const r of readArray(work.referenced_works)) {
    const raw = readText(r);
    if (raw === null) continue;
    const id = readOpenAlexId(raw, 'W');
    out.push(id === null ? { raw } : { raw, ids: [{ scheme: 'openalex', value: id }] });
  }
  return out;
}

/** One OpenAlex work object as a raw record (null when the object is no work). */
export function buildOpenAlexRecord(work: Record<string, unknown>, record: number): RawRecord | null {
  const title = readText(work.title) ?? readText(work.display_name);
  const ids = readIds(work);
  if (title === null && ids.length === 0 && !('abstract_inverted_index' in work)) return null;
  const { authors, authorIds, affiliations } = readAuthorships(work);
  const out: RawRecord = {
    record,
    title,
    abstract: abstractFromInvertedIndex(work.abstract_inverted_index),
    authors,
    year: readYear(work.publication_year),
    date: readText(work.publication_date),
    venue: readVenue(work),
    doi: readText(work.doi) ?? readText(readObject(work.ids)?.doi),
    ids,
    citedBy: parseCount(work.cited_by_count),
    volume: readText(readObject(work.biblio)?.volume),
    firstPage: readText(readObject(work.biblio)?.first_page),
    docType: readText(work.type),
    keywords: readKeywords(work),
    affiliations,
    references: readReferences(work),
  };
  if (authorIds.length > 0) out.authorIds = authorIds;
  return out;
}

/** One work's JSON text → a record or a reject, reading the inverted index from the text when it can. */
function takeWorkText(text: string, line: number, emit: Emit): void {
  const extracted = extractInvertedIndex(text);
  const value = parseJsonItem(extracted?.rest ?? text, line, emit);
  if (value === BAD_JSON) return;
  if (!isJsonObject(value)) {
    emit({ record: line, reason: 'not a JSON object' });
    return;
  }
  const rec = buildOpenAlexRecord(value, line);
  if (rec === null) {
    emit({ record: line, reason: 'not an OpenAlex work' });
    return;
  }
  if (extracted !== null) rec.abstract = extracted.abstract;
  emit(rec);
}

const WORK_ID = /"id"\s*:\s*"https:\/\/openalex\.org\/W\d/;
const INVERTED_INDEX = /"abstract_inverted_index"\s*:/;

/** OpenAlex works: API result pages, JSON arrays, JSON lines (abstract_inverted_index). */
export const OPENALEX_FORMAT: FormatSpec = {
  name: 'openalex',
  description: 'OpenAlex works: API result pages, JSON arrays, JSON lines (abstract_inverted_index)',
  input: 'chunks',
  detect: (sample) => startsLikeJson(sample.text) && (WORK_ID.test(sample.text) || INVERTED_INDEX.test(sample.text)),
  createParser: (_ctx, emit) => createJsonTextParser(emit, takeWorkText),
  takeItem: takeWorkText,
};
