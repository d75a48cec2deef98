/**
 * IEEE Xplore CSV export (search results, "Export > CSV"): one document a row; authors and their
 * affiliations `; `-separated in the same order (`NA` where IEEE has none); keywords `;`-separated.
 * The export gives a reference count but no reference list, so no references are read from it.
 * Columns: https://ieeexplore.ieee.org/Xplorehelp/searching-ieee-xplore/search-results#export-results
 */
import type { FormatSpec } from '../format-spec';
import type { PaperIdentifier, RawAffiliation, RawKeyword } from '../raw-record';
import { parseCount, parseCountry } from '../bib-fields';
import {
  addKeywords,
  createCsvExportParser,
  readCell,
  readSampleHead,
  readYear,
  splitCell,
  type CsvColumns,
  type CsvExportReader,
} from './csv-export';

/** Affiliations listed one per author, in author order; the same name once, with all its authors. */
function buildAffiliations(cell: string | null, authorCount: number): RawAffiliation[] {
  if (cell === null) return [];
  const parts = cell.split('; ');
  const aligned = parts.length === authorCount;
  const out: RawAffiliation[] = [];
  const byName = new Map<string, RawAffiliation>();
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i].trim();
    if (name === '' || name === 'NA') continue;
    let a = byName.get(name);
    if (a === undefined) {
      a = { name, country: parseCountry(name), authors: [] };
      byName.set(name, a);
      out.push(a);
    }
    if (aligned) a.authors.push(i);
  }
  return out;
}

const IEEE_READER: CsvExportReader = {
  format: 'IEEE Xplore CSV',
  required: ['document title', 'publication title'],
  buildRow(cols: CsvColumns, ctx) {
    const at = {
      title: cols.find('Document Title'),
      authors: cols.find('Authors'),
      affiliations: cols.find('Author Affiliations'),
      venue: cols.find('Publication Title'),
      year: cols.find('Publication Year'),
      volume: cols.find('Volume'),
      startPage: cols.find('Start Page'),
      abstract: cols.find('Abstract'),
      isbns: cols.find('ISBNs'),
      doi: cols.find('DOI'),
      pdfLink: cols.find('PDF Link'),
      authorKeywords: cols.find('Author Keywords'),
      ieeeTerms: cols.find('IEEE Terms'),
      inspecControlled: cols.find('INSPEC Controlled Terms'),
      inspecFree: cols.find('INSPEC Non-Controlled Terms'),
      mesh: cols.find('Mesh_Terms'),
      citedBy: cols.find('Article Citation Count'),
      issueDate: cols.find('Issue Date'),
      docType: cols.find('Document Identifier'),
    };
    if (cols.has('Reference Count'))
      ctx.warn('IEEE Xplore CSV gives a reference count but no reference list: no cited references are read');
    return (f, line) => {
      const authors = splitCell(readCell(f, at.authors), ';');
      const ids: PaperIdentifier[] = [];
      const link = readCell(f, at.pdfLink);
      const arnumber = link === null ? null : /[?&]arnumber=(\d+)/.exec(link);
      if (arnumber !== null) ids.push({ scheme: 'ieee', value: arnumber[1] });
      for (const isbn of splitCell(readCell(f, at.isbns), ';')) ids.push({ scheme: 'isbn', value: isbn });
      const keywords: RawKeyword[] = [];
      addKeywords(keywords, readCell(f, at.authorKeywords), ';', 'author');
      addKeywords(keywords, readCell(f, at.ieeeTerms), ';', 'indexed');
      addKeywords(keywords, readCell(f, at.inspecControlled), ';', 'indexed');
      addKeywords(keywords, readCell(f, at.inspecFree), ';', 'indexed');
      addKeywords(keywords, readCell(f, at.mesh), ';', 'mesh');
      return {
        record: line,
        title: readCell(f, at.title),
        abstract: readCell(f, at.abstract),
        authors,
        year: readYear(readCell(f, at.year)),
        date: readCell(f, at.issueDate),
        venue: readCell(f, at.venue),
        doi: readCell(f, at.doi),
        ids,
        citedBy: parseCount(readCell(f, at.citedBy)),
        volume: readCell(f, at.volume),
        firstPage: readCell(f, at.startPage),
        docType: readCell(f, at.docType),
        keywords,
        affiliations: buildAffiliations(readCell(f, at.affiliations), authors.length),
      };
    };
  },
};

/** IEEE Xplore CSV export: found by its `Document Title` and `Publication Title` columns. */
export const IEEE_CSV_FORMAT: FormatSpec = {
  name: 'ieee-csv',
  description: 'IEEE Xplore CSV export',
  input: 'lines',
  detect: (sample) => {
    const head = readSampleHead(sample);
    return head !== null && head.columns.has('document title') && head.columns.has('publication title');
  },
  createParser: (ctx, emit) => createCsvExportParser(IEEE_READER, ctx, emit),
};
