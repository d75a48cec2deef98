/**
 * From a raw record to a clean candidate paper: text normalized, a display title derived when the
 * source has none, author names fixed, the date read, and file-level defaults applied.
 */
import type {
  AuthorName,
  Bibliography,
  PaperAffiliation,
  PaperIdentifier,
  PaperKeyword,
  PaperReference,
  SourceRef,
} from './types';
import type { AuthorIdentifier, ParseReject, RawRecord } from './raw-record';
import { buildAuthorNamesAligned } from './author-names';
import { referenceKey, referencePartsKey, normalizeDoi, parseCountry } from './bib-fields';
import { parseDate } from './dates';
import { derivedTitle, matchKey, stripMarkup, foldAccents, normalizeText } from './normalize-text';

/** What a file contributes to every record: defaults from the manifest, options and file name. */
export interface RecordContext {
  file: string;
  fileIndex: number;
  /** Venue for records that name none. */
  venue: string | null;
  /** Year for records that carry none. */
  year: number | null;
  /** Year for dates written without one (`Nov 7`). */
  referenceYear: number | null;
  /** The file's format (`wos`, `scopus-csv`, …): where a cited-by count came from. */
  layout: string;
}

/** A normalized record, ready for de-duplication. */
export interface Candidate extends Bibliography {
  fileIndex: number;
  source: SourceRef;
  title: string;
  titleDerived: boolean;
  abstract: string;
  abstractPlain: string;
  tldr: string | null;
  year: number | null;
  date: string | null;
  venue: string | null;
  label: string | null;
  externalId: string | null;
  authors: AuthorName[];
  authorCount: number | null;
  /** Match key of a real title; null for derived titles. */
  titleKey: string | null;
  /** Surname key of the first author ('' when the record names none), for matching by title. */
  firstAuthorKey: string;
  layout: string;
}

/** Characters of the abstract's key compared; enough to identify a paper, robust to a cut tail. */
const ABSTRACT_KEY_CHARS = 300;
/** Shorter abstract keys (`TBD`, `See paper`) never match across records. */
const MIN_ABSTRACT_KEY_CHARS = 100;

/** Match key of an abstract's opening; null when too short to identify a paper. */
export function abstractKey(abstract: string): string | null {
  const key = matchKey(abstract, ABSTRACT_KEY_CHARS);
  return key.length >= MIN_ABSTRACT_KEY_CHARS ? key : null;
}

function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const s = normalizeText(text);
  return s === '' ? null : s;
}

/**
 * Abstracts that say there is none: databases write these where the abstract field is empty
 * (Scopus, NeurIPS proceedings, PubMed, IEEE).
 */
const PLACEHOLDER_ABSTRACT =
  /^(?:\[?\s*no abstract(?: is)? available\s*\]?|abstract(?:s)? (?:unavailable|not available|missing)|n\/?a|none|no abstract|not available|abstract|part of advances in neural information processing systems\b.*|\[?\s*abstract not provided\s*\]?)\.?$/i;

/** A closing copyright line (`© 2019 Elsevier Ltd. All rights reserved.`, `(C) 2016 Elsevier B.V.`,
 * `Copyright © 2020 by the authors`): publishers' text, not the authors'. Looked for in the last
 * `COPYRIGHT_TAIL_CHARS` characters only. */
const COPYRIGHT_TAIL = /\s*(?:(?:copyright\s*)?(?:©|\(c\))|copyright\s+(?:\d{4}|the author|by))[^©]{0,240}$/i;

const COPYRIGHT_TAIL_CHARS = 300;

/** The abstract without a closing copyright line; null for placeholders and text that only repeats the title. */
export function cleanAbstract(abstract: string | null, title: string | null): string | null {
  if (abstract === null) return null;
  let text = abstract;
  const from = Math.max(0, text.length - COPYRIGHT_TAIL_CHARS);
  const m =
    text.includes('©') || /\(c\)|copyright/i.test(text.slice(from)) ? COPYRIGHT_TAIL.exec(text.slice(from)) : null;
  if (m !== null && from + m.index > 0 && /\d{4}|author|publish|elsevier|springer|wiley|ieee|rights/i.test(m[0])) {
    text = text.slice(0, from + m.index).trim();
  }
  if (text === '' || PLACEHOLDER_ABSTRACT.test(text)) return null;
  // Only an abstract about as long as the title can repeat it: skip the keys of the others.
  if (title !== null && text.length <= 2 * title.length + 20 && matchKey(text) === matchKey(title)) return null;
  return text;
}

/** Surname key of a display name (`Jane van der Berg` → `berg`): compared when titles match. */
function surnameKey(name: string | undefined): string {
  if (name === undefined) return '';
  const words = foldAccents(name)
    .toLowerCase()
    .replace(/[^a-z\s-]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  return words[words.length - 1] ?? '';
}

const EMPTY: never[] = [];

function buildIds(raw: RawRecord, doi: string | null): PaperIdentifier[] {
  if (raw.ids === undefined || raw.ids.length === 0) return EMPTY;
  const out: PaperIdentifier[] = [];
  const seen = new Set<string>();
  for (const id of raw.ids) {
    const value = id.value.trim();
    if (value === '' || (doi !== null && value.toLowerCase() === doi)) continue;
    const k = `${id.scheme}:${value}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ scheme: id.scheme, value });
  }
  return out;
}

/** Normalized text without leading or trailing `;`, `,`, `.` and spaces (its only white space). */
function trimListPunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isListPunctuation(text.charCodeAt(start))) start++;
  while (end > start && isListPunctuation(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function isListPunctuation(c: number): boolean {
  return c === 32 || c === 59 || c === 44 || c === 46;
}

function buildKeywords(raw: RawRecord): PaperKeyword[] {
  if (raw.keywords === undefined || raw.keywords.length === 0) return EMPTY;
  const out: PaperKeyword[] = [];
  const seen = new Set<string>();
  for (const k of raw.keywords) {
    let keyword = trimListPunctuation(normalizeText(k.keyword));
    if (keyword === '') continue;
    const lower = keyword.toLowerCase();
    // Indexers shout (WoS Keywords Plus: `AUTHOR COCITATION ANALYSIS`): lower case reads better;
    // short all-capital terms are acronyms (`DNA`, `MRI`) and stay.
    if (keyword.length > 5 && keyword !== lower && keyword === keyword.toUpperCase()) keyword = lower;
    const key = `${k.kind}:${lower}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ keyword, kind: k.kind });
  }
  return out;
}

function buildAffiliations(raw: RawRecord, positions: Int32Array): PaperAffiliation[] {
  if (raw.affiliations === undefined || raw.affiliations.length === 0) return EMPTY;
  const out: PaperAffiliation[] = [];
  const byName = new Map<string, PaperAffiliation>();
  for (const a of raw.affiliations) {
    const name = trimListPunctuation(normalizeText(a.name));
    if (name === '') continue;
    const lower = name.toLowerCase();
    const authors: number[] = [];
    for (const p of a.authors) {
      const at = p >= 0 && p < positions.length ? positions[p] : -1;
      if (at >= 0 && !authors.includes(at)) authors.push(at);
    }
    const known = byName.get(lower);
    if (known !== undefined) {
      for (const at of authors) if (!known.authors.includes(at)) known.authors.push(at);
      known.authors.sort((x, y) => x - y);
      continue;
    }
    const aff: PaperAffiliation = {
      name,
      country: (a.country !== null && a.country.trim() !== '' ? a.country.trim() : null) ?? parseCountry(name),
      id: a.id?.trim() || null,
      authors: authors.sort((x, y) => x - y),
    };
    byName.set(lower, aff);
    out.push(aff);
  }
  return out;
}

/** Anything but printable ASCII other than `<` and `&` (which may be markup), or two spaces. */
const NOT_PLAIN = /[^ -%'-;=-~]| {2}/;

/**
 * True for printable ASCII without `<`, `&`, leading, trailing or double spaces: text that needs
 * no normalizing. A regular expression scans a string two to three times as fast as a loop over
 * its characters, and this runs on every cited reference.
 */
function isPlainText(text: string): boolean {
  const n = text.length;
  return n > 0 && text.charCodeAt(0) !== 32 && text.charCodeAt(n - 1) !== 32 && !NOT_PLAIN.test(text);
}

function buildReferences(raw: RawRecord): PaperReference[] {
  if (raw.references === undefined || raw.references.length === 0) return EMPTY;
  const out: PaperReference[] = [];
  for (const r of raw.references) {
    // Tens of references a paper: most are plain ASCII already, and skip the full normalizer.
    const text = isPlainText(r.raw) ? r.raw : normalizeText(r.raw);
    if (text === '') continue;
    const doi = normalizeDoi(r.doi ?? null);
    const ids = r.ids && r.ids.length > 0 ? r.ids.map((id) => ({ scheme: id.scheme, value: id.value.trim() })) : EMPTY;
    const partsKey = referencePartsKey(r);
    const title = r.title ? matchKey(r.title) : '';
    out.push({
      raw: text,
      key: referenceKey(doi, ids, partsKey),
      doi,
      ids,
      partsKey,
      titleKey: title.length >= MIN_REFERENCE_TITLE_KEY ? title : null,
    });
  }
  return out;
}

/** Shortest title key a reference is matched by: short titles ("Introduction") name many papers. */
export const MIN_REFERENCE_TITLE_KEY = 24;

function buildRelations(raw: RawRecord, own: string | null): { kind: string; doi: string }[] {
  if (raw.relations === undefined || raw.relations.length === 0) return EMPTY;
  const out: { kind: string; doi: string }[] = [];
  for (const r of raw.relations) {
    const doi = normalizeDoi(r.doi);
    if (doi !== null && doi !== own && !out.some((o) => o.kind === r.kind && o.doi === doi))
      out.push({ kind: r.kind, doi });
  }
  return out;
}

function attachAuthorIds(
  authors: AuthorName[],
  positions: Int32Array,
  ids: readonly AuthorIdentifier[][] | undefined,
): AuthorName[] {
  if (ids === undefined || ids.length === 0) return authors;
  let copied = false;
  for (let i = 0; i < ids.length && i < positions.length; i++) {
    const list = ids[i]?.filter((id) => id.value.trim() !== '');
    if (!list || list.length === 0 || positions[i] < 0) continue;
    if (!copied) {
      authors = authors.slice();
      copied = true;
    }
    const at = positions[i];
    const had = authors[at].ids ?? [];
    const merged = [...had];
    for (const id of list) {
      const value = id.value.trim();
      if (!merged.some((m) => m.scheme === id.scheme && m.value === value)) merged.push({ scheme: id.scheme, value });
    }
    authors[at] = { ...authors[at], ids: merged };
  }
  return authors;
}

/**
 * Normalizes one raw record. A record with neither title nor abstract is rejected; one with a
 * title but no abstract (or a placeholder such as `[No abstract available]`) is kept with an empty
 * abstract.
 */
export function buildCandidate(raw: RawRecord, ctx: RecordContext): Candidate | ParseReject {
  const givenTitle = clean(raw.title);
  const abstract = cleanAbstract(clean(raw.abstract), givenTitle);
  const tldr = clean(raw.tldr);
  if (abstract === null && givenTitle === null) return { record: raw.record, reason: 'no title or abstract' };
  const abstractPlain = abstract === null ? '' : stripMarkup(abstract);
  const title = givenTitle ?? derivedTitle(tldr === null ? null : stripMarkup(tldr), abstractPlain);
  const parsed = parseDate(raw.date ?? null, ctx.referenceYear ?? ctx.year);
  const year = raw.year ?? parsed?.year ?? ctx.year;
  const titleKey = givenTitle === null ? null : matchKey(givenTitle);
  const count = raw.authorCount;
  const { authors: names, positions } = buildAuthorNamesAligned(raw.authors);
  const authors = attachAuthorIds(names, positions, raw.authorIds);
  const doi = normalizeDoi(raw.doi ?? null);
  const citedBy = raw.citedBy;
  return {
    fileIndex: ctx.fileIndex,
    source: { file: ctx.file, record: raw.record },
    title,
    titleDerived: givenTitle === null,
    abstract: abstract ?? '',
    abstractPlain,
    tldr,
    year: year ?? null,
    date: parsed?.date ?? null,
    venue: clean(raw.venue) ?? ctx.venue,
    label: clean(raw.label),
    externalId: clean(raw.externalId),
    authors,
    authorCount: typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : null,
    titleKey: titleKey === '' ? null : titleKey,
    firstAuthorKey: surnameKey(authors[0]?.name),
    layout: ctx.layout,
    doi,
    ids: buildIds(raw, doi),
    citedBy: typeof citedBy === 'number' && Number.isInteger(citedBy) && citedBy >= 0 ? citedBy : null,
    docType: clean(raw.docType),
    volume: clean(raw.volume),
    firstPage: clean(raw.firstPage),
    keywords: buildKeywords(raw),
    affiliations: buildAffiliations(raw, positions),
    references: buildReferences(raw),
    relations: buildRelations(raw, doi),
  };
}
