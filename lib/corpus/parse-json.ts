/**
 * Layouts `json` (an array of objects, or an object holding one), `jsonl` (one object a line) and
 * `arxiv-jsonl` (the arXiv metadata snapshot), plus the field mapping shared with CSV/TSV.
 */
import type { ParseReject, ParseResult, RawRecord } from './raw-record';
import { parseAuthorList } from './author-names';

/** Our field names, as used in a field map (`{ abstract: 'summary_text' }`). */
export type FieldName = 'title' | 'abstract' | 'authors' | 'year' | 'date' | 'venue' | 'label' | 'tldr' | 'id';

/** The input field names tried for each of our fields, in order, compared case-insensitively. */
export const FIELD_ALIASES: Readonly<Record<FieldName, readonly string[]>> = {
  title: ['title', 'paper_title', 'name'],
  abstract: ['abstract', 'summary', 'abstract_text', 'description'],
  authors: ['authors', 'author', 'author_names', 'creators', 'creator'],
  year: ['year', 'pub_year', 'publication_year'],
  date: ['date', 'published', 'publication_date', 'pub_date', 'update_date', 'created'],
  venue: ['venue', 'journal', 'booktitle', 'conference', 'proceedings'],
  label: ['label', 'category', 'categories', 'primary_category', 'subject', 'topic'],
  tldr: ['tldr', 'tl;dr', 'tl_dr'],
  id: ['id', 'arxiv_id', 'paper_id', 'doi', 'key'],
};

/** Resolves which input key feeds each of our fields, given the keys present and a field map. */
export function buildFieldResolver(
  keys: readonly string[],
  fieldMap: Record<string, string> = {},
): Partial<Record<FieldName, string>> {
  const lower = new Map<string, string>();
  for (const k of keys) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), k);
  const out: Partial<Record<FieldName, string>> = {};
  for (const field of Object.keys(FIELD_ALIASES) as FieldName[]) {
    const mapped = fieldMap[field];
    const names = mapped !== undefined ? [mapped] : FIELD_ALIASES[field];
    for (const n of names) {
      const k = lower.get(n.toLowerCase());
      if (k !== undefined) {
        out[field] = k;
        break;
      }
    }
  }
  return out;
}

function asText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(asText).filter((x): x is string => x !== null);
    return parts.length > 0 ? parts.join(' ') : null;
  }
  return null;
}

function asAuthors(v: unknown): string[] {
  if (typeof v === 'string') return parseAuthorList(v);
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const a of v) {
    if (typeof a === 'string') out.push(a);
    else if (a && typeof a === 'object') {
      // { name } or { given/family } or { first/last } objects (CSL-JSON, Semantic Scholar).
      const o = a as Record<string, unknown>;
      const name =
        asText(o.name) ??
        [asText(o.given ?? o.first ?? o.firstName), asText(o.family ?? o.last ?? o.lastName)].filter(Boolean).join(' ');
      if (name) out.push(name);
    }
  }
  return out;
}

/** Maps one generic object (JSON, or a CSV row keyed by its header) to a raw record. */
export function buildRecordFromFields(
  obj: Readonly<Record<string, unknown>>,
  record: number,
  resolver: Partial<Record<FieldName, string>>,
): RawRecord {
  const get = (f: FieldName): unknown => (resolver[f] !== undefined ? obj[resolver[f] as string] : undefined);
  const yearRaw = get('year');
  const yearNum =
    typeof yearRaw === 'number'
      ? yearRaw
      : typeof yearRaw === 'string' && /^\s*\d{4}\s*$/.test(yearRaw)
        ? Number(yearRaw)
        : null;
  const dateRaw = asText(get('date'));
  return {
    record,
    title: asText(get('title')),
    abstract: asText(get('abstract')),
    tldr: asText(get('tldr')),
    authors: asAuthors(get('authors')),
    year: yearNum,
    date: dateRaw ?? (yearNum === null ? asText(yearRaw) : null),
    venue: asText(get('venue')),
    label: asText(get('label')),
    externalId: asText(get('id')),
  };
}

/** Parses a JSON document: an array of records, or an object whose `papers`/`records`/… (or only array) holds them. */
export function parseJsonDocument(text: string, fieldMap: Record<string, string> = {}): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new SyntaxError(`not valid JSON: ${(e as Error).message}`);
  }
  let items: unknown[] | null = Array.isArray(doc) ? doc : null;
  if (items === null && doc && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    const key = ['papers', 'records', 'items', 'data', 'results', 'entries'].find((k) => Array.isArray(o[k]));
    const arrays = Object.values(o).filter(Array.isArray);
    items = key !== undefined ? (o[key] as unknown[]) : arrays.length === 1 ? (arrays[0] as unknown[]) : null;
  }
  if (items === null) throw new SyntaxError('JSON holds no array of records');
  const records: RawRecord[] = [];
  const rejects: ParseReject[] = [];
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      rejects.push({ record: i + 1, reason: 'not a JSON object' });
      return;
    }
    const resolver = buildFieldResolver(Object.keys(item), fieldMap);
    records.push(buildRecordFromFields(item as Record<string, unknown>, i + 1, resolver));
  });
  return { records, rejects };
}

/** Parses one line of a JSON-lines file into a raw record, or a reject (`bad JSON`, `not a JSON object`). */
export function parseJsonLine(
  line: string,
  lineNo: number,
  fieldMap: Record<string, string> = {},
): RawRecord | ParseReject {
  const obj = parseObjectLine(line, lineNo);
  if ('reason' in obj) return obj;
  return buildRecordFromFields(obj.value, lineNo, resolverFor(obj.value, fieldMap));
}

// Lines of one file nearly always share their keys: resolve them once per key set and field map.
let lastSignature = '';
let lastFieldMap: Record<string, string> | null = null;
let lastResolver: Partial<Record<FieldName, string>> = {};

function resolverFor(
  obj: Readonly<Record<string, unknown>>,
  fieldMap: Record<string, string>,
): Partial<Record<FieldName, string>> {
  const keys = Object.keys(obj);
  const signature = keys.join('\u0000');
  if (signature !== lastSignature || fieldMap !== lastFieldMap) {
    lastResolver = buildFieldResolver(keys, fieldMap);
    lastSignature = signature;
    lastFieldMap = fieldMap;
  }
  return lastResolver;
}

/** True when a parsed JSON object has the arXiv metadata snapshot's distinctive fields. */
export function isArxivSnapshotObject(o: Readonly<Record<string, unknown>>): boolean {
  return 'authors_parsed' in o || ('categories' in o && 'update_date' in o && 'id' in o);
}

/**
 * Parses one line of the arXiv metadata snapshot: names from `authors_parsed` ([last, first,
 * suffix]) else `authors`; primary category (first of `categories`) as label; as date the first
 * version's `created` (the submission), else `update_date` (the last update, which can be years
 * later).
 */
export function parseArxivLine(
  line: string,
  lineNo: number,
  fieldMap: Record<string, string> = {},
): RawRecord | ParseReject {
  const obj = parseObjectLine(line, lineNo);
  if ('reason' in obj) return obj;
  const o = obj.value;
  const parsed = o.authors_parsed;
  const useParsed = Array.isArray(parsed) && parsed.length > 0 && fieldMap.authors === undefined;
  const resolver = resolverFor(o, fieldMap);
  // With `authors_parsed` at hand, skip splitting the `authors` string (a third of the work per line).
  const base = buildRecordFromFields(o, lineNo, useParsed ? { ...resolver, authors: undefined } : resolver);
  let authors = base.authors;
  if (useParsed) {
    authors = parsed
      .filter((p): p is unknown[] => Array.isArray(p))
      .map((p) => [p[1], p[0], p[2]].filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(' '))
      .filter((n) => n !== '');
  }
  const cats = typeof o.categories === 'string' ? o.categories.trim().split(/\s+/) : [];
  return {
    ...base,
    authors,
    label: fieldMap.label === undefined && cats.length > 0 ? cats[0] : base.label,
    date: fieldMap.date === undefined ? (firstVersionDate(o.versions) ?? updateDate(o) ?? base.date) : base.date,
  };
}

/** The `created` date of the first of the snapshot's `versions` ([{version: 'v1', created}, …]). */
function firstVersionDate(versions: unknown): string | null {
  if (!Array.isArray(versions) || versions.length === 0) return null;
  const first = versions[0] as { created?: unknown } | null;
  return first !== null && typeof first === 'object' && typeof first.created === 'string' && first.created.trim() !== ''
    ? first.created
    : null;
}

function updateDate(o: Readonly<Record<string, unknown>>): string | null {
  return typeof o.update_date === 'string' ? o.update_date : null;
}

function parseObjectLine(line: string, lineNo: number): { value: Record<string, unknown> } | ParseReject {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    return { record: lineNo, reason: `bad JSON: ${(e as Error).message.slice(0, 80)}` };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { record: lineNo, reason: 'not a JSON object' };
  return { value: v as Record<string, unknown> };
}
