/**
 * Crossref REST API works: a `work-list` response (`{"message": {"items": [ … ]}}`, streamed one
 * work at a time), a `work` response (`{"message": { … }}`), a bare work object, an array of works
 * or JSON lines of them. Work fields: https://api.crossref.org/swagger-ui/index.html and
 * https://github.com/CrossRef/rest-api-doc/blob/master/api_format.md
 */
import type { Emit, FormatSpec } from '../format-spec';
import type { AuthorIdentifier, RawAffiliation, RawKeyword, RawRecord, RawReference, RawRelation } from '../raw-record';
import { parseCountry, parseCount } from '../bib-fields';
import { createJsonRecordParser, startsLikeJson } from '../json-stream';
import {
  readArray,
  readFirstPage,
  readFirstText,
  readLastSegment,
  readObject,
  readOrcid,
  readText,
  readYear,
} from './json-values';

/** JATS inline markup: dropped without a space so `H<jats:sub>2</jats:sub>O` stays `H2O`. */
const JATS_INLINE =
  /<\/?(?:jats:)?(?:italic|bold|sup|sub|sc|underline|monospace|roman|sans-serif|inline-formula|named-content|styled-content|ext-link|uri|email|xref)\b[^<>]*>/g;
/** A leading `<jats:title>Abstract</jats:title>` heading, which only repeats what the field is. */
const JATS_ABSTRACT_TITLE =
  /^\s*(?:<(?:jats:)?p>\s*)?<(?:jats:)?title>\s*(?:abstract|summary)\s*[.:]?\s*<\/(?:jats:)?title>/i;
/** Any other tag (paragraphs, sections, section titles): replaced by a space. */
const ANY_TAG = /<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/g;

/**
 * A Crossref abstract (JATS XML) as text: tags removed, an `Abstract` heading dropped, section
 * headings (`Background`, `Methods`) kept as words. Entities are left for the normalizer.
 */
export function crossrefAbstractText(jats: unknown): string | null {
  if (typeof jats !== 'string') return null;
  const text = jats.replace(JATS_ABSTRACT_TITLE, ' ').replace(JATS_INLINE, '').replace(ANY_TAG, ' ').trim();
  return text === '' ? null : text;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `{"date-parts": [[2002, 9, 21]]}` → year and date (`2002-09-21`, `2002-09`, or null for a bare year). */
function readDateParts(v: unknown): { year: number; date: string | null } | null {
  const first = readArray(readObject(v)?.['date-parts'])[0];
  const parts = readArray(first);
  const year = readYear(parts[0]);
  if (year === null) return null;
  const month = typeof parts[1] === 'number' ? parts[1] : typeof parts[1] === 'string' ? Number(parts[1]) : NaN;
  if (!Number.isInteger(month) || month < 1 || month > 12) return { year, date: null };
  const day = typeof parts[2] === 'number' ? parts[2] : typeof parts[2] === 'string' ? Number(parts[2]) : NaN;
  if (!Number.isInteger(day) || day < 1 || day > 31) return { year, date: `${year}-${pad(month)}` };
  return { year, date: `${year}-${pad(month)}-${pad(day)}` };
}

/** The first of the dates Crossref gives, in order of meaning: issued, then print, online, created. */
function readDate(work: Record<string, unknown>): { year: number; date: string | null } | null {
  for (const key of ['issued', 'published-print', 'published-online', 'published', 'created']) {
    const d = readDateParts(work[key]);
    if (d !== null) return d;
  }
  return null;
}

interface Authors {
  authors: string[];
  authorIds: AuthorIdentifier[][];
  affiliations: RawAffiliation[];
}

/** Authors as `Family, Given` (or the organization's `name`), their ORCIDs and affiliations. */
function readAuthors(work: Record<string, unknown>): Authors {
  const authors: string[] = [];
  const authorIds: AuthorIdentifier[][] = [];
  const byName = new Map<string, RawAffiliation>();
  let anyId = false;
  for (const a of readArray(work.author)) {
    const o = readObject(a);
    if (o === null) continue;
    const family = readText(o.family);
    const given = readText(o.given);
    const name = family !== null && given !== null ? `${family}, ${given}` : (family ?? readText(o.name) ?? given);
    if (name === null) continue;
    const position = authors.length;
    authors.push(name);
    const orcid = readOrcid(o.ORCID);
    if (orcid !== null) anyId = true;
    authorIds.push(orcid === null ? [] : [{ scheme: 'orcid', value: orcid }]);
    for (const aff of readArray(o.affiliation)) {
      const ao = readObject(aff);
      const affName = readText(ao?.name);
      if (ao === null || affName === null) continue;
      let entry = byName.get(affName);
      if (entry === undefined) {
        const ror = readArray(ao.id)
          .map(readObject)
          .find((x) => x !== null && readText(x['id-type'])?.toUpperCase() === 'ROR');
        const place = readFirstText(ao.place);
        entry = {
          name: affName,
          country: parseCountry(affName) ?? (place === null ? null : parseCountry(place)),
          authors: [],
          id: ror === undefined || ror === null ? null : readLastSegment(ror.id),
        };
        byName.set(affName, entry);
      }
      if (!entry.authors.includes(position)) entry.authors.push(position);
    }
  }
  return { authors, authorIds: anyId ? authorIds : [], affiliations: [...byName.values()] };
}

/** One entry of a work's `reference` list: its `unstructured` text (or its parts joined) and the parts. */
export function buildCrossrefReference(ref: Record<string, unknown>): RawReference | null {
  const firstAuthor = readText(ref.author);
  const yearText = readText(ref.year);
  const title = readText(ref['article-title']) ?? readText(ref['volume-title']);
  const source = readText(ref['journal-title']) ?? readText(ref['series-title']);
  const volume = readText(ref.volume);
  const page = readText(ref['first-page']);
  const doi = readText(ref.DOI);
  const joined = [firstAuthor, yearText, title, source, volume, page].filter((x): x is string => x !== null).join(', ');
  const raw = readText(ref.unstructured) ?? (joined !== '' ? joined : (doi ?? readText(ref.key)));
  if (raw === null) return null;
  return { raw, doi, firstAuthor, year: readYear(yearText), title, source, volume, page };
}

/** One Crossref work object as a raw record; null when the object is no work (no DOI, no title). */
export function buildCrossrefRecord(work: Record<string, unknown>, record: number): RawRecord | null {
  const title = readFirstText(work.title);
  const doi = readText(work.DOI);
  if (title === null && doi === null) return null;
  const { authors, authorIds, affiliations } = readAuthors(work);
  const date = readDate(work);
  const keywords: RawKeyword[] = [];
  for (const s of readArray(work.subject)) {
    const k = readText(s);
    if (k !== null) keywords.push({ keyword: k, kind: 'concept' });
  }
  const references: RawReference[] = [];
  for (const r of readArray(work.reference)) {
    const o = readObject(r);
    const ref = o === null ? null : buildCrossrefReference(o);
    if (ref !== null) references.push(ref);
  }
  const out: RawRecord = {
    record,
    title,
    abstract: crossrefAbstractText(work.abstract),
    authors,
    year: date?.year ?? null,
    date: date?.date ?? null,
    venue: readFirstText(work['container-title']) ?? readFirstText(work['short-container-title']),
    doi,
    citedBy: parseCount(work['is-referenced-by-count']),
    volume: readText(work.volume),
    firstPage: readFirstPage(work.page) ?? readText(work['article-number']),
    docType: readText(work.type),
    keywords,
    affiliations,
    references,
  };
  if (authorIds.length > 0) out.authorIds = authorIds;
  const relations = readRelations(work.relation);
  if (relations.length > 0) out.relations = relations;
  return out;
}

/** Version links of Crossref's `relation` object: a preprint and its article, other versions. */
const VERSION_RELATIONS = new Set(['is-preprint-of', 'has-preprint', 'is-version-of', 'has-version']);

function readRelations(value: unknown): RawRelation[] {
  const o = readObject(value);
  if (o === null) return [];
  const out: RawRelation[] = [];
  for (const kind of Object.keys(o).sort()) {
    if (!VERSION_RELATIONS.has(kind)) continue;
    for (const item of readArray(o[kind])) {
      const r = readObject(item);
      const id = r === null ? null : readText(r.id);
      if (r !== null && id !== null && (readText(r['id-type']) ?? 'doi').toLowerCase() === 'doi')
        out.push({ kind, doi: id });
    }
  }
  return out;
}

function emitWork(value: unknown, line: number, emit: Emit): void {
  const o = readObject(value);
  const rec = o === null ? null : buildCrossrefRecord(o, line);
  emit(rec ?? { record: line, reason: o === null ? 'not a JSON object' : 'not a Crossref work' });
}

/** Emits the works of one item: a bare work, or a response whose `message` is a work or holds `items`. */
export function emitCrossrefItem(value: unknown, line: number, emit: Emit): void {
  const message = readObject(readObject(value)?.message);
  if (message === null) {
    emitWork(value, line, emit);
    return;
  }
  if (Array.isArray(message.items)) for (const item of message.items) emitWork(item, line, emit);
  else emitWork(message, line, emit);
}

const MESSAGE_TYPE = /"message-type"\s*:\s*"work(?:-list)?"/;
const DOI_KEY = /"DOI"\s*:/;
const CROSSREF_KEY =
  /"(?:is-referenced-by-count|container-title|short-container-title|reference-count|published-print|published-online)"\s*:/;

/** Crossref REST works JSON (message.items or one message). */
export const CROSSREF_FORMAT: FormatSpec = {
  name: 'crossref',
  description: 'Crossref REST works JSON (message.items or one message)',
  input: 'chunks',
  detect: (sample) =>
    startsLikeJson(sample.text) &&
    (MESSAGE_TYPE.test(sample.text) || (DOI_KEY.test(sample.text) && CROSSREF_KEY.test(sample.text))),
  createParser: (_ctx, emit) => createJsonRecordParser(emit, emitCrossrefItem),
};
