/**
 * The records ingestion produces: the contract between lib/corpus and every later stage.
 * Everything here is plain data, so stages stay pure and a build is reproducible.
 */

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
}

/** One de-duplicated paper. `id` is 1-based and stable for the same input and options. */
export interface Paper {
  id: number;
  title: string;
  /** True when the title was derived (from a tl;dr or first sentence) because the source had none. */
  titleDerived: boolean;
  /** Cleaned abstract (NFC, whitespace collapsed, HTML stripped); LaTeX kept for rendering. */
  abstract: string;
  /** The abstract with LaTeX and markup reduced to plain words, for tokenizing. */
  abstractPlain: string;
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
  rejected: number;
  /** Rejections by reason, e.g. { 'no abstract': 3, 'bad JSON': 1 }. */
  rejectReasons: Record<string, number>;
  /** Notes about the whole file (an encoding guessed, a column not understood). */
  warnings: string[];
}

/** What ingestion hands to the rest of the pipeline. */
export interface Corpus {
  papers: Paper[];
  files: FileReport[];
  /** Every rejected record (the pipeline stores them and prints the first few). */
  rejects: RejectedRecord[];
}
