/**
 * Lens.org scholarly works CSV export: one work a row, multi-valued cells separated by `; `, cited
 * works given as Lens IDs. Columns: https://support.lens.org/knowledge-base/scholarly-export-fields/
 */
import type { FormatSpec } from '../format-spec';
import type { PaperIdentifier, RawKeyword, RawReference } from '../raw-record';
import { parseCount } from '../bib-fields';
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

/** A Lens ID: five groups of three characters (`000-360-106-493-122`, the last may end in X). */
const LENS_ID = /^\d{3}-\d{3}-\d{3}-\d{3}-\d{2}[\dX]$/;

const LENS_READER: CsvExportReader = {
  format: 'Lens CSV',
  required: ['lens id', 'title'],
  buildRow(cols: CsvColumns) {
    const at = {
      lensId: cols.find('Lens ID'),
      title: cols.find('Title'),
      date: cols.find('Date Published'),
      year: cols.find('Publication Year'),
      type: cols.find('Publication Type'),
      source: cols.find('Source Title'),
      authors: cols.find('Author/s'),
      abstract: cols.find('Abstract'),
      volume: cols.find('Volume'),
      startPage: cols.find('Start Page'),
      fields: cols.find('Fields of Study'),
      keywords: cols.find('Keywords'),
      mesh: cols.find('MeSH Terms'),
      pmid: cols.find('PMID'),
      pmcid: cols.find('PMCID'),
      mag: cols.find('Microsoft Academic ID'),
      doi: cols.find('DOI'),
      references: cols.find('References'),
      citedBy: cols.find('Citing Works Count'),
    };
    return (f, line) => {
      const ids: PaperIdentifier[] = [];
      const lensId = readCell(f, at.lensId);
      if (lensId !== null) ids.push({ scheme: 'lens', value: lensId });
      const pmid = readCell(f, at.pmid);
      if (pmid !== null) ids.push({ scheme: 'pmid', value: pmid });
      const pmcid = readCell(f, at.pmcid);
      if (pmcid !== null) ids.push({ scheme: 'pmcid', value: pmcid });
      for (const mag of splitCell(readCell(f, at.mag), ';')) ids.push({ scheme: 'mag', value: mag });
      const keywords: RawKeyword[] = [];
      addKeywords(keywords, readCell(f, at.keywords), ';', 'author');
      addKeywords(keywords, readCell(f, at.mesh), ';', 'mesh');
      addKeywords(keywords, readCell(f, at.fields), ';', 'concept');
      const references: RawReference[] = [];
      for (const id of splitCell(readCell(f, at.references), ';')) {
        references.push(LENS_ID.test(id) ? { raw: id, ids: [{ scheme: 'lens', value: id }] } : { raw: id });
      }
      return {
        record: line,
        title: readCell(f, at.title),
        abstract: readCell(f, at.abstract),
        authors: splitCell(readCell(f, at.authors), ';'),
        year: readYear(readCell(f, at.year)),
        date: readCell(f, at.date),
        venue: readCell(f, at.source),
        doi: readCell(f, at.doi),
        ids,
        citedBy: parseCount(readCell(f, at.citedBy)),
        volume: readCell(f, at.volume),
        firstPage: readCell(f, at.startPage),
        docType: readCell(f, at.type),
        keywords,
        references,
      };
    };
  },
};

/** Lens.org scholarly CSV export: found by its `Lens ID` column. */
export const LENS_CSV_FORMAT: FormatSpec = {
  name: 'lens-csv',
  description: 'Lens.org scholarly works CSV export',
  input: 'lines',
  detect: (sample) => {
    const head = readSampleHead(sample);
    return head !== null && head.columns.has('lens id') && head.columns.has('title');
  },
  createParser: (ctx, emit) => createCsvExportParser(LENS_READER, ctx, emit),
};
