/**
 * The records ingestion produces: the contract between lib/corpus and every later stage.
 * Everything here is plain data, so stages stay pure and a build is reproducible.
 */
import type { AuthorIdentifier, KeywordKind, PaperIdentifier } from './raw-record';

export type { AuthorIdentifier, KeywordKind, PaperIdentifier } from './raw-record';

/** Where a paper came from: the input file (path relative to the input root) and the 1-based
 * line number (line-oriented formats) or record ordinal (block formats) in that file. */
export interface SourceRef {
  file: string;
  record: number;
}

/** An author as listed on a paper: the display name and the identity key that merges
 * spelling variants of the same person (case, accents, hyphens, dots in initials). */
export interface AuthorName {
  name: string;
  key: string;
  /** Identifiers the source gave for this author (Scopus author id, OpenAlex A-id, ORCID, …). */
  ids?: AuthorIdentifier[];
}

/** An affiliation of a paper's authors: `authors` are 0-based positions in the paper's author list
 * (empty when the source does not say whose it is). */
export interface PaperAffiliation {
  name: string;
  country: string | null;
  id: string | null;
  authors: number[];
}

/** A cited reference of a paper: as the source gave it, with its normalized key. */
export interface PaperReference {
  raw: string;
  /** `doi:…`, `openalex:w…`, or `surname|year|v…|p…`: always referenceKey of `doi`, `ids` and
   * `partsKey` (resolution relies on it); null when it says too little. */
  key: string | null;
  doi: string | null;
  ids: PaperIdentifier[];
  /** First author's surname + year + volume + page (`okafor|2018|v210|p1`), for resolving a reference
   * whose DOI the corpus record lacks; null when the parts are missing. */
  partsKey: string | null;
  /** Match key of the cited title, when the reference gives one. */
  titleKey: string | null;
}

/** Fields whose provenance is kept for a merged paper. */
export type ProvenanceField =
  | 'title'
  | 'abstract'
  | 'authors'
  | 'date'
  | 'venue'
  | 'doi'
  | 'cited_by'
  | 'doc_type'
  | 'keywords'
  | 'references'
  | 'affiliations';

/** One keyword of a paper, with its kind (the author's own, a database's index term, MeSH, a concept). */
export interface PaperKeyword {
  keyword: string;
  kind: KeywordKind;
}

/** What database exports say of a paper beyond its text: identifiers, counts, keywords, affiliations, references. */
export interface Bibliography {
  /** Normalized DOI (lower case, no resolver prefix), or null. */
  doi: string | null;
  /** Other identifiers (WoS UT, Scopus EID, PMID, OpenAlex W-id, …), each once. */
  ids: PaperIdentifier[];
  /** Times cited as a source reported it (for a paper: the highest of its sources). */
  citedBy: number | null;
  docType: string | null;
  volume: string | null;
  firstPage: string | null;
  keywords: PaperKeyword[];
  affiliations: PaperAffiliation[];
  references: PaperReference[];
  /** Other versions the sources name (kind and normalized DOI), each once. */
  relations: { kind: string; doi: string }[];
}

/** One de-duplicated paper. `id` is 1-based and stable for the same input and options. */
export interface Paper extends Bibliography {
  id: number;
  title: string;
  /** True when the title was derived (from a tl;dr or first sentence) because the source had none. */
  titleDerived: boolean;
  /** Cleaned abstract (NFC, whitespace collapsed, HTML stripped); LaTeX kept for rendering. */
  abstract: string;
  /** The abstract with LaTeX and markup reduced to plain words, for tokenizing. */
  abstractPlain: string;
  /** Characters of the abstract (0: none). A corpus read with an `AbstractSink` keeps the texts
   * there, not in `abstract` and `abstractPlain` (both ''): this says whether the paper has one. */
  abstractLength: number;
  tldr: string | null;
  year: number | null;
  /** ISO date as precise as the source gives: 'YYYY-MM-DD', 'YYYY-MM', or null. */
  date: string | null;
  venue: string | null;
  /** A category/label field, kept as given (e.g. the primary arXiv category). */
  label: string | null;
  /** An identifier from the source, e.g. an arXiv id or a BibTeX key. */
  externalId: string | null;
  /** Authors in order, each identity once. Empty when the source gives no names. */
  authors: AuthorName[];
  /** When a listing gives only a number of authors and no names. */
  authorCount: number | null;
  /** Every source record merged into this paper, in input order. */
  sources: SourceRef[];
  /** The format of the source that reported `citedBy` (the highest count of any source). */
  citedBySource: string | null;
  /** For a paper from several records, which record gave each field it has; empty for a paper of one record. */
  fieldSources: Partial<Record<ProvenanceField, SourceRef>>;
}

/** A record that could not be used, with why; counted and reported, never silently dropped. */
export interface RejectedRecord {
  file: string;
  record: number;
  reason: string;
}

/** Per input file: what layout it was read as and what became of its records. */
export interface FileReport {
  file: string;
  layout: string;
  venue: string | null;
  year: number | null;
  notes: string | null;
  recordsRead: number;
  /** Papers this file contributed that were not already present from an earlier file. */
  papersKept: number;
  /** Records of this file merged into a paper already seen (in this or an earlier file). */
  duplicatesMerged: number;
  /** How those merges matched: by DOI, by another identifier, by title (and year and first author). */
  mergedBy: { doi: number; id: number; title: number; abstract: number };
  /** The files whose papers this file's duplicates merged into, with counts (itself included). */
  mergedWith: Record<string, number>;
  /** Kept papers of this file that have no abstract (searchable, in the graph; a topic only from a long title). */
  withoutAbstract: number;
  rejected: number;
  /** Rejections by reason, e.g. { 'no abstract': 3, 'bad JSON': 1 }. */
  rejectReasons: Record<string, number>;
  /** Notes about the whole file (an encoding guessed, a column not understood). */
  warnings: string[];
}

/**
 * The references' normalized keys (`PaperReference.key`) interned once: tens of millions of
 * references at scale, which the citation layer, coupling and co-citation would otherwise each look
 * up by their text.
 */
export interface ReferenceKeys {
  /** The distinct keys, in the order first met (paper by paper, reference by reference). */
  keys: string[];
  /** Paper p's references are `ids[start[p] .. start[p + 1])`, in the order of `paper.references`. */
  start: Int32Array;
  /** Each reference's key as an index into `keys`, -1 when it has none. */
  ids: Int32Array;
}

/** What ingestion hands to the rest of the pipeline. */
export interface Corpus {
  papers: Paper[];
  files: FileReport[];
  /** Every rejected record (the pipeline stores them and prints the first few). */
  rejects: RejectedRecord[];
  /** Per paper, per reference: the index in `papers` of the corpus paper it cites, or -1. */
  referenceTargets: Int32Array[];
  /** Every reference's key as a number, shared by the citation layer, coupling and co-citation. */
  referenceKeys: ReferenceKeys;
  /** References in all, and how many resolved to a corpus paper. */
  references: { total: number; resolved: number };
}

/** The bibliographic fields of a paper whose source gives none of them. */
export function buildBareBibliography(): Pick<
  Paper,
  | 'doi'
  | 'ids'
  | 'citedBy'
  | 'citedBySource'
  | 'docType'
  | 'volume'
  | 'firstPage'
  | 'keywords'
  | 'affiliations'
  | 'references'
  | 'relations'
  | 'fieldSources'
> {
  return {
    doi: null,
    ids: [],
    citedBy: null,
    citedBySource: null,
    docType: null,
    volume: null,
    firstPage: null,
    keywords: [],
    affiliations: [],
    references: [],
    relations: [],
    fieldSources: {},
  };
}
