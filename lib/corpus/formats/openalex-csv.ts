/**
 * OpenAlex web-interface CSV export: one work a row, columns named by their JSON path
 * (`authorships.author.display_name`), multi-valued cells joined with `|` (one slot per author, empty
 * slots kept). Fields: https://docs.openalex.org/api-entities/works/work-object
 */
import type { FormatSpec } from '../format-spec';
import type {
  AuthorIdentifier,
  PaperIdentifier,
  RawAffiliation,
  RawKeyword,
  RawRecord,
  RawReference,
} from '../raw-record';
import { parseCount, parseCountry } from '../bib-fields';
import {
  addKeywords,
  createCsvExportParser,
  parseCountryCode,
  readCell,
  readSampleHead,
  readYear,
  splitCell,
  stripIdUrl,
  type CsvColumns,
  type CsvExportReader,
} from './csv-export';

/** A cell's `|`-separated slots, trimmed, empty slots kept (they hold a place in author order). */
function splitSlots(value: string | null): string[] {
  if (value === null) return [];
  const out = value.split('|');
  for (let i = 0; i < out.length; i++) out[i] = out[i].trim();
  return out;
}

/** An abstract as given, or rebuilt from OpenAlex's inverted index (`{"word": [0, 5], …}`). */
function readAbstract(value: string | null): string | null {
  if (value === null || value.charCodeAt(0) !== 123) return value;
  let index: unknown;
  try {
    index = JSON.parse(value);
  } catch {
    return value;
  }
  if (index === null || typeof index !== 'object' || Array.isArray(index)) return value;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index as Record<string, unknown>)) {
    if (!Array.isArray(positions)) return value;
    for (const p of positions)
      if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < 100000) words[p] = word;
  }
  const text = words.filter((w) => w !== undefined).join(' ');
  return text === '' ? null : text;
}

/**
 * Institutions of the authorships: tied to author positions when there is one slot per author
 * (the export's layout when every author has at most one institution), else listed without
 * authors; the same institution once.
 */
function buildAffiliations(names: string[], ids: string[], countries: string[], authorCount: number): RawAffiliation[] {
  const aligned = names.length === authorCount;
  // One country for all authors: every institution is in it, aligned or not.
  const codes = new Set(countries.filter((c) => c !== ''));
  const only = codes.size === 1 ? parseCountryCode([...codes][0]) : null;
  const out: RawAffiliation[] = [];
  const byKey = new Map<string, RawAffiliation>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === '') continue;
    const id = ids.length === names.length && ids[i] !== '' ? stripIdUrl(ids[i]) : null;
    const key = id ?? name;
    let a = byKey.get(key);
    if (a === undefined) {
      const code = aligned && countries.length === names.length ? countries[i] : '';
      a = { name, country: (code !== '' ? parseCountryCode(code) : only) ?? parseCountry(name), authors: [] };
      if (id !== null) a.id = id;
      byKey.set(key, a);
      out.push(a);
    }
    if (aligned && !a.authors.includes(i)) a.authors.push(i);
  }
  return out;
}

const OPENALEX_CSV_READER: CsvExportReader = {
  format: 'OpenAlex CSV',
  required: ['id', 'authorships.author.display_name'],
  buildRow(cols: CsvColumns) {
    const at = {
      id: cols.find('id'),
      doi: cols.find('doi'),
      title: cols.find('display_name', 'title'),
      abstract: cols.find('abstract', 'abstract_inverted_index'),
      year: cols.find('publication_year'),
      date: cols.find('publication_date'),
      type: cols.find('type'),
      citedBy: cols.find('cited_by_count'),
      authors: cols.find('authorships.author.display_name'),
      authorIds: cols.find('authorships.author.id'),
      orcids: cols.find('authorships.author.orcid'),
      institutions: cols.find('authorships.institutions.display_name'),
      institutionIds: cols.find('authorships.institutions.id'),
      countries: cols.find('authorships.countries', 'authorships.institutions.country_code'),
      venue: cols.find('primary_location.source.display_name', 'host_venue.display_name'),
      volume: cols.find('biblio.volume'),
      firstPage: cols.find('biblio.first_page'),
      pmid: cols.find('ids.pmid'),
      pmcid: cols.find('ids.pmcid'),
      mag: cols.find('ids.mag'),
      primaryTopic: cols.find('primary_topic.display_name'),
      topics: cols.find('topics.display_name'),
      concepts: cols.find('concepts.display_name'),
      keywords: cols.find('keywords.display_name'),
      references: cols.find('referenced_works'),
    };
    return (f, line) => {
      const authors = splitSlots(readCell(f, at.authors));
      const aIds = splitSlots(readCell(f, at.authorIds));
      const orcids = splitSlots(readCell(f, at.orcids));
      let authorIds: AuthorIdentifier[][] | undefined;
      if (aIds.length === authors.length || orcids.length === authors.length) {
        authorIds = authors.map((_, i) => {
          const own: AuthorIdentifier[] = [];
          if (aIds.length === authors.length && aIds[i] !== '')
            own.push({ scheme: 'openalex', value: stripIdUrl(aIds[i]) });
          if (orcids.length === authors.length && orcids[i] !== '')
            own.push({ scheme: 'orcid', value: stripIdUrl(orcids[i]) });
          return own;
        });
        if (authorIds.every((a) => a.length === 0)) authorIds = undefined;
      }
      const ids: PaperIdentifier[] = [];
      const id = readCell(f, at.id);
      if (id !== null) ids.push({ scheme: 'openalex', value: stripIdUrl(id) });
      const pmid = readCell(f, at.pmid);
      if (pmid !== null) ids.push({ scheme: 'pmid', value: stripIdUrl(pmid) });
      const pmcid = readCell(f, at.pmcid);
      if (pmcid !== null) ids.push({ scheme: 'pmcid', value: stripIdUrl(pmcid) });
      const mag = readCell(f, at.mag);
      if (mag !== null) ids.push({ scheme: 'mag', value: mag });
      const keywords: RawKeyword[] = [];
      addKeywords(keywords, readCell(f, at.primaryTopic), '|', 'concept');
      addKeywords(keywords, readCell(f, at.topics), '|', 'concept');
      addKeywords(keywords, readCell(f, at.concepts), '|', 'concept');
      addKeywords(keywords, readCell(f, at.keywords), '|', 'concept');
      const references: RawReference[] = [];
      for (const w of splitCell(readCell(f, at.references), '|')) {
        for (const one of w.split(/\s+/)) {
          const value = stripIdUrl(one);
          if (value !== '')
            references.push(/^W\d+$/.test(value) ? { raw: one, ids: [{ scheme: 'openalex', value }] } : { raw: one });
        }
      }
      const record: RawRecord = {
        record: line,
        title: readCell(f, at.title),
        abstract: readAbstract(readCell(f, at.abstract)),
        authors,
        year: readYear(readCell(f, at.year)),
        date: readCell(f, at.date),
        venue: readCell(f, at.venue),
        doi: readCell(f, at.doi),
        ids,
        citedBy: parseCount(readCell(f, at.citedBy)),
        volume: readCell(f, at.volume),
        firstPage: readCell(f, at.firstPage),
        docType: readCell(f, at.type),
        keywords,
        affiliations: buildAffiliations(
          splitSlots(readCell(f, at.institutions)),
          splitSlots(readCell(f, at.institutionIds)),
          splitSlots(readCell(f, at.countries)),
          authors.length,
        ),
        references,
      };
      if (authorIds !== undefined) record.authorIds = authorIds;
      return record;
    };
  },
};

/**
 * OpenAlex web CSV export: found by its `authorships.author.display_name` column, or by an `id`
 * column holding OpenAlex work ids (`https://openalex.org/W…`).
 */
export const OPENALEX_CSV_FORMAT: FormatSpec = {
  name: 'openalex-csv',
  description: 'OpenAlex works CSV export (web interface)',
  input: 'lines',
  detect: (sample) => {
    const head = readSampleHead(sample);
    if (head === null) return false;
    if (head.columns.has('authorships.author.display_name')) return true;
    const id = head.header.findIndex((h) => h.toLowerCase() === 'id');
    return (
      id >= 0 &&
      head.rows.length > 0 &&
      head.rows.every((r) => /^https:\/\/openalex\.org\/W\d+$/.test((r[id] ?? '').trim()))
    );
  },
  createParser: (ctx, emit) => createCsvExportParser(OPENALEX_CSV_READER, ctx, emit),
};
