/**
 * What a layout parser hands back before normalization: the fields as the source gave them.
 * Parsers are pure (text or lines in, raw records and rejects out); `buildCandidate` cleans them.
 */

/** One record as read from a file, before text normalization, name fixing and de-duplication. */
export interface RawRecord {
  /** 1-based line where the record starts, or its ordinal for formats without lines (JSON arrays). */
  record: number;
  title: string | null;
  abstract: string | null;
  tldr?: string | null;
  /** Author names as listed (any form: `First Last`, `Last, First`, shouting, …). */
  authors: string[];
  /** When a listing gives only a number of authors. */
  authorCount?: number | null;
  year?: number | null;
  /** A date as the source wrote it (`2022-11-22`, `Nov 22, 2022`, `Nov 22`, `2019`). */
  date?: string | null;
  venue?: string | null;
  label?: string | null;
  externalId?: string | null;
  /** A DOI as the source wrote it (any case, with or without `https://doi.org/`); normalized later. */
  doi?: string | null;
  /** Other identifiers of the paper (WoS UT, Scopus EID, PMID, OpenAlex W-id, S2 paperId, arXiv id, …). */
  ids?: PaperIdentifier[];
  /** Times cited as the source reports it (its global count, not citations inside the corpus). */
  citedBy?: number | null;
  /** Volume and first page (or article number) of the paper in its journal: what a WoS `CR` line
   * cites it by, so a reference without a DOI can still resolve to it. */
  volume?: string | null;
  firstPage?: string | null;
  /** Document type as the source names it (`Article`, `Conference Paper`, `journal-article`, …). */
  docType?: string | null;
  /** Keywords, each with its kind: the author's own kept apart from indexers' terms. */
  keywords?: RawKeyword[];
  /** Affiliations, each tied to the authors (0-based positions in `authors`) it belongs to. */
  affiliations?: RawAffiliation[];
  /** Identifiers per author, aligned with `authors` (index i holds author i's ids; may be shorter). */
  authorIds?: AuthorIdentifier[][];
  /** Every cited reference the source gives, in its order. */
  references?: RawReference[];
  /** Other versions of the paper the record names (a preprint, the published article), by DOI. */
  relations?: RawRelation[];
}

/** A link to another version of a paper, as Crossref's `relation` states it (`is-preprint-of`,
 * `has-preprint`, `is-version-of`, `has-version`). Two DOIs stay two papers; the link is kept. */
export interface RawRelation {
  kind: string;
  doi: string;
}

/**
 * Identifier schemes of papers. `doi` never appears here (it has its own field). Values are
 * given bare: `W2741809807` not `https://openalex.org/W2741809807`, `2-s2.0-85012345678`, `31452104`.
 */
export type PaperIdScheme =
  'wos' | 'scopus' | 'pmid' | 'pmcid' | 'openalex' | 's2' | 'arxiv' | 'lens' | 'ieee' | 'mag' | 'isbn' | 'crossref';

/** One identifier of a paper. */
export interface PaperIdentifier {
  scheme: PaperIdScheme;
  value: string;
}

/** Author identifier schemes: Scopus author id, OpenAlex A-id, ORCID (bare `0000-0002-1825-0097`),
 * Semantic Scholar author id, WoS ResearcherID. */
export type AuthorIdScheme = 'scopus' | 'openalex' | 'orcid' | 's2' | 'researcherid';

/** One identifier of an author. */
export interface AuthorIdentifier {
  scheme: AuthorIdScheme;
  value: string;
}

/**
 * Kinds of keywords: `author` (the authors' own: WoS DE, Scopus Author Keywords, MEDLINE OT, RIS KW
 * of most services), `indexed` (a database's: WoS Keywords Plus, Scopus Index Keywords, IEEE terms),
 * `mesh` (MeSH headings), `concept` (OpenAlex concepts/topics/keywords, S2 fields of study, subjects).
 */
export type KeywordKind = 'author' | 'indexed' | 'mesh' | 'concept';

/** One keyword as given. */
export interface RawKeyword {
  keyword: string;
  kind: KeywordKind;
}

/** An affiliation as given (`Univ Antwerp, Dept Informat, B-2000 Antwerp, Belgium`). */
export interface RawAffiliation {
  name: string;
  /** Country when the source names it (or `parseCountry(name)` finds one); null otherwise. */
  country: string | null;
  /** 0-based positions in the record's `authors`; empty when the source does not say whose it is. */
  authors: number[];
  /** A stable id of the institution when the source gives one (OpenAlex I-id, ROR). */
  id?: string | null;
}

/**
 * A cited reference: the text the source gave, plus the parts it states or that can be read from it.
 * The store's reference key is built from these parts (DOI, else an id, else first author's surname +
 * year + source/volume/first page), and they are what resolves a reference to a corpus paper.
 */
export interface RawReference {
  /** The reference as the source wrote it (a WoS `CR` line, a Scopus reference, an OpenAlex W-id, …). */
  raw: string;
  doi?: string | null;
  ids?: PaperIdentifier[];
  /** First author as written (`Smith J`, `Smith, J.`, `John Smith`). */
  firstAuthor?: string | null;
  year?: number | null;
  title?: string | null;
  /** Journal or source as written (`J AM STAT ASSOC`, `Nature`). */
  source?: string | null;
  volume?: string | null;
  /** First page (or article number). */
  page?: string | null;
}

/** A record a parser could not use, with its position in the file and why. */
export interface ParseReject {
  record: number;
  reason: string;
}

/** What every layout parser returns. */
export interface ParseResult {
  records: RawRecord[];
  rejects: ParseReject[];
}

/** A line of a text file with its 1-based number. */
export interface NumberedLine {
  line: number;
  text: string;
}

/** Splits text into numbered lines (LF or CRLF), keeping empty lines so numbers match the file. */
export function splitLines(text: string): NumberedLine[] {
  const parts = text.split(/\r?\n/);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ line: i + 1, text: t }));
}

/** The non-blank lines of a text, numbered as in the file and trimmed. */
export function contentLines(text: string): NumberedLine[] {
  return splitLines(text)
    .map((l) => ({ line: l.line, text: l.text.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0]+$/g, '') }))
    .filter((l) => l.text !== '');
}
