/**
 * Scopus CSV export, old layout (`Authors`, `Authors with affiliations`, references as
 * `Smith, J., Title (2019) Source, 12 (3), pp. 45-67`) and current layout (`Author full names`
 * with Scopus author ids, references as `Smith J.; Doe A., Title, Source, 12, pp. 45-67, (2019)`).
 * Columns: https://service.elsevier.com/app/answers/detail/a_id/11234/supporthub/scopus/
 */
import type { FormatSpec } from '../format-spec';
import type { AuthorIdentifier, PaperIdentifier, RawAffiliation, RawKeyword, RawRecord } from '../raw-record';
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
import { parseScopusReference, splitScopusReferences } from './scopus-references';

export { parseScopusReference, splitScopusReferences } from './scopus-references';

/**
 * Where the author name `name` (`Yagai T.`) ends at the start of `entry` (`Yagai, T., Sophia
 * University, …`), commas in the entry skipped; -1 when the entry does not start with it.
 */
function matchNamePrefix(entry: string, name: string): number {
  if (name === '') return -1;
  let i = 0;
  let j = 0;
  while (j < name.length && i < entry.length) {
    const a = entry.charCodeAt(i);
    if (a === name.charCodeAt(j)) {
      i++;
      j++;
    } else if (a === 44) i++;
    else return -1;
  }
  if (j < name.length) return -1;
  return i === entry.length || entry.charCodeAt(i) === 44 ? i : -1;
}

/** The longest known affiliation that starts at `pos` of `text` and ends at its end or before `, `; '' for none. */
function knownAt(text: string, pos: number, known: readonly string[]): string {
  let best = '';
  for (const a of known) {
    if (
      a.length > best.length &&
      text.startsWith(a, pos) &&
      (pos + a.length === text.length || text.startsWith(', ', pos + a.length))
    )
      best = a;
  }
  return best;
}

/**
 * An author's affiliation text split into the affiliations of the `Affiliations` column it joins
 * with `, ` (Scopus lists an author with two affiliations as `Name, Aff 1, Aff 2`); unknown stretches
 * are kept whole.
 */
function splitKnownAffiliations(text: string, known: readonly string[]): string[] {
  if (known.length === 0 || known.includes(text)) return [text];
  const parts: string[] = [];
  let pos = 0;
  let unknownFrom = -1;
  while (pos < text.length) {
    const hit = knownAt(text, pos, known);
    if (hit !== '') {
      if (unknownFrom >= 0) parts.push(text.slice(unknownFrom, pos - 2));
      unknownFrom = -1;
      parts.push(hit);
      pos += hit.length + 2;
      continue;
    }
    if (unknownFrom < 0) unknownFrom = pos;
    const next = text.indexOf(', ', pos);
    if (next < 0) break;
    pos = next + 2;
  }
  if (unknownFrom >= 0) parts.push(text.slice(unknownFrom));
  return parts;
}

/**
 * Affiliations from `Authors with affiliations` (`Yagai, T., Sophia University, Tokyo, Japan; …`),
 * each tied to the author whose short name opens the entry; affiliations of the `Affiliations`
 * column that no entry names are added without authors.
 */
function buildAffiliations(
  withAffiliations: string | null,
  affiliations: string | null,
  shortNames: readonly string[],
): RawAffiliation[] {
  const known = splitCell(affiliations, '; ');
  const out: RawAffiliation[] = [];
  const byName = new Map<string, RawAffiliation>();
  const add = (name: string, author: number): void => {
    let a = byName.get(name);
    if (a === undefined) {
      a = { name, country: parseCountry(name), authors: [] };
      byName.set(name, a);
      out.push(a);
    }
    if (author >= 0 && !a.authors.includes(author)) a.authors.push(author);
  };
  const entries = splitCell(withAffiliations, '; ');
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k];
    let who = -1;
    let end = k < shortNames.length ? matchNamePrefix(entry, shortNames[k]) : -1;
    if (end >= 0) who = k;
    for (let i = 0; who < 0 && i < shortNames.length; i++) {
      end = matchNamePrefix(entry, shortNames[i]);
      if (end >= 0) who = i;
    }
    let rest: string;
    if (who >= 0) rest = entry.slice(end + 1).trim();
    else if (shortNames.length === 0) rest = entry;
    else {
      // No author's name opens the entry: keep it from the first affiliation we know, if any.
      let pos = -1;
      for (let at = 0; at >= 0 && known.length > 0;) {
        if (knownAt(entry, at, known) !== '') {
          pos = at;
          break;
        }
        const next = entry.indexOf(', ', at);
        at = next < 0 ? -1 : next + 2;
      }
      if (pos < 0) continue;
      rest = entry.slice(pos);
    }
    if (rest === '') continue;
    for (const part of splitKnownAffiliations(rest, known)) add(part, who);
  }
  for (const a of known) if (!byName.has(a)) add(a, -1);
  return out;
}

const NO_AUTHOR = '[No author name available]';

/** Author names of the `Authors` column: `; `-separated now, `, `-separated in the old layout. */
function splitShortNames(cell: string | null): string[] {
  if (cell === null || cell.startsWith(NO_AUTHOR)) return [];
  return splitCell(cell, cell.includes(';') ? ';' : ',');
}

/** `Author full names` entries: `Smith, John (57190000000)` → name and id. */
function splitFullNames(cell: string | null): { names: string[]; ids: string[] } {
  const names: string[] = [];
  const ids: string[] = [];
  for (const entry of splitCell(cell, ';')) {
    if (entry.startsWith(NO_AUTHOR)) continue;
    const m = /^(.*?)\s*\((\d+)\)$/.exec(entry);
    names.push(m === null ? entry : m[1]);
    ids.push(m === null ? '' : m[2]);
  }
  return { names, ids };
}

const SCOPUS_READER: CsvExportReader = {
  format: 'Scopus CSV',
  required: ['title', 'source title', 'eid'],
  buildRow(cols: CsvColumns) {
    const at = {
      authors: cols.find('Authors'),
      fullNames: cols.find('Author full names'),
      authorIds: cols.find('Author(s) ID'),
      title: cols.find('Title'),
      year: cols.find('Year'),
      source: cols.find('Source title'),
      volume: cols.find('Volume'),
      articleNo: cols.find('Art. No.'),
      pageStart: cols.find('Page start'),
      citedBy: cols.find('Cited by'),
      doi: cols.find('DOI'),
      affiliations: cols.find('Affiliations'),
      withAffiliations: cols.find('Authors with affiliations'),
      abstract: cols.find('Abstract'),
      authorKeywords: cols.find('Author Keywords'),
      indexKeywords: cols.find('Index Keywords'),
      references: cols.find('References'),
      pmid: cols.find('PubMed ID'),
      docType: cols.find('Document Type'),
      eid: cols.find('EID'),
    };
    return (f, line) => {
      const shortNames = splitShortNames(readCell(f, at.authors));
      const full = splitFullNames(readCell(f, at.fullNames));
      const authors = full.names.length > 0 ? full.names : shortNames;
      const idList = full.names.length > 0 ? full.ids : splitCell(readCell(f, at.authorIds), ';');
      let authorIds: AuthorIdentifier[][] | undefined;
      if (idList.some((id) => /^\d+$/.test(id))) {
        authorIds = authors.map((_, i) =>
          /^\d+$/.test(idList[i] ?? '') ? [{ scheme: 'scopus', value: idList[i] }] : [],
        );
      }
      const ids: PaperIdentifier[] = [];
      const eid = readCell(f, at.eid);
      if (eid !== null) ids.push({ scheme: 'scopus', value: eid });
      const pmid = readCell(f, at.pmid);
      if (pmid !== null) ids.push({ scheme: 'pmid', value: pmid });
      const keywords: RawKeyword[] = [];
      addKeywords(keywords, readCell(f, at.authorKeywords), ';', 'author');
      addKeywords(keywords, readCell(f, at.indexKeywords), ';', 'indexed');
      const refs = readCell(f, at.references);
      const record: RawRecord = {
        record: line,
        title: readCell(f, at.title),
        abstract: readCell(f, at.abstract),
        authors,
        year: readYear(readCell(f, at.year)),
        venue: readCell(f, at.source),
        doi: readCell(f, at.doi),
        ids,
        citedBy: parseCount(readCell(f, at.citedBy)),
        volume: readCell(f, at.volume),
        firstPage: readCell(f, at.pageStart) ?? readCell(f, at.articleNo),
        docType: readCell(f, at.docType),
        keywords,
        affiliations: buildAffiliations(
          readCell(f, at.withAffiliations),
          readCell(f, at.affiliations),
          shortNames.length > 0 ? shortNames : authors,
        ),
        references: refs === null ? [] : splitScopusReferences(refs).map(parseScopusReference),
      };
      if (authorIds !== undefined) record.authorIds = authorIds;
      return record;
    };
  },
};

/** Scopus CSV export (old and current layouts): found by its `Source title` and `EID` columns. */
export const SCOPUS_CSV_FORMAT: FormatSpec = {
  name: 'scopus-csv',
  description: 'Scopus CSV export (old and current layouts)',
  input: 'lines',
  detect: (sample) => {
    const head = readSampleHead(sample);
    if (head === null || !head.columns.has('source title') || head.columns.has('lens id')) return false;
    return head.columns.has('eid') || (head.columns.has('link') && sample.text.includes('scopus.com'));
  },
  createParser: (ctx, emit) => createCsvExportParser(SCOPUS_READER, ctx, emit),
};
