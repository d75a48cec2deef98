/**
 * From a raw record to a clean candidate paper: text normalized, a display title derived when the
 * source has none, author names fixed, the date read, and file-level defaults applied.
 */
import type { AuthorName, SourceRef } from './types';
import type { ParseReject, RawRecord } from './raw-record';
import { buildAuthorNames } from './author-names';
import { parseDate } from './dates';
import { buildDerivedTitle, buildMatchKey, buildPlainText, normalizeText } from './normalize-text';

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
}

/** A normalized record, ready for de-duplication. */
export interface Candidate {
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
}

/** Characters of the abstract's key compared; enough to identify a paper, robust to a cut tail. */
const ABSTRACT_KEY_CHARS = 300;
/** Shorter abstract keys (`TBD`, `See paper`) never match across records. */
const MIN_ABSTRACT_KEY_CHARS = 100;

/** Match key of an abstract's opening; null when too short to identify a paper. */
export function buildAbstractKey(abstract: string): string | null {
  const key = buildMatchKey(abstract, ABSTRACT_KEY_CHARS);
  return key.length >= MIN_ABSTRACT_KEY_CHARS ? key : null;
}

function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const s = normalizeText(text);
  return s === '' ? null : s;
}

/** Normalizes one raw record; a record with no abstract becomes a reject. */
export function buildCandidate(raw: RawRecord, ctx: RecordContext): Candidate | ParseReject {
  const abstract = clean(raw.abstract);
  if (abstract === null) return { record: raw.record, reason: 'no abstract' };
  const tldr = clean(raw.tldr);
  const givenTitle = clean(raw.title);
  const abstractPlain = buildPlainText(abstract);
  const title = givenTitle ?? buildDerivedTitle(tldr === null ? null : buildPlainText(tldr), abstractPlain);
  const parsed = parseDate(raw.date ?? null, ctx.referenceYear ?? ctx.year);
  const year = raw.year ?? parsed?.year ?? ctx.year;
  const titleKey = givenTitle === null ? null : buildMatchKey(givenTitle);
  const count = raw.authorCount;
  return {
    fileIndex: ctx.fileIndex,
    source: { file: ctx.file, record: raw.record },
    title,
    titleDerived: givenTitle === null,
    abstract,
    abstractPlain,
    tldr,
    year: year ?? null,
    date: parsed?.date ?? null,
    venue: clean(raw.venue) ?? ctx.venue,
    label: clean(raw.label),
    externalId: clean(raw.externalId),
    authors: buildAuthorNames(raw.authors),
    authorCount: typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : null,
    titleKey: titleKey === '' ? null : titleKey,
  };
}
