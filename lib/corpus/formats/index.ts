/**
 * The registry of database export formats, in the order detection tries them: the most specific
 * first (a Scopus CSV is also a CSV; a WoS tab-delimited file is also a TSV). The older layouts of
 * `detect.ts` (generic JSON, CSV, BibTeX, listings) are tried after these.
 */
import type { FormatSpec } from '../format-spec';
import { CROSSREF_FORMAT } from './crossref';
import { ENDNOTE_XML_FORMAT } from './endnote-xml';
import { IEEE_CSV_FORMAT } from './ieee-csv';
import { LENS_CSV_FORMAT } from './lens-csv';
import { MEDLINE_FORMAT } from './medline';
import { OPENALEX_FORMAT } from './openalex';
import { OPENALEX_CSV_FORMAT } from './openalex-csv';
import { PUBMED_XML_FORMAT } from './pubmed-xml';
import { RIS_FORMAT } from './ris';
import { S2_FORMAT } from './semantic-scholar';
import { SCOPUS_CSV_FORMAT } from './scopus-csv';
import { WOS_FORMAT } from './wos';
import { WOS_TAB_FORMAT } from './wos-tab';

export const FORMATS: readonly FormatSpec[] = [
  WOS_FORMAT,
  WOS_TAB_FORMAT,
  MEDLINE_FORMAT,
  RIS_FORMAT,
  PUBMED_XML_FORMAT,
  ENDNOTE_XML_FORMAT,
  OPENALEX_FORMAT,
  S2_FORMAT,
  CROSSREF_FORMAT,
  SCOPUS_CSV_FORMAT,
  LENS_CSV_FORMAT,
  IEEE_CSV_FORMAT,
  OPENALEX_CSV_FORMAT,
];

/** The format named `name`, if any. */
export function findFormat(name: string): FormatSpec | undefined {
  return FORMATS.find((f) => f.name === name);
}

/** The first format whose detector accepts the sample. */
export function detectFormat(sample: { text: string; complete: boolean }): FormatSpec | undefined {
  return FORMATS.find((f) => f.detect(sample));
}
