/**
 * EndNote XML (`xml/records/record`), as EndNote's "Export… XML" writes it: field text wrapped in
 * `<style face font size>` runs, often the whole library on one line. EndNote publishes no spec; the
 * fields are those Zotero's importer reads (https://github.com/zotero/translators/blob/master/Endnote%20XML.js).
 * Read as a stream: one record in memory at a time.
 */
import type { FormatSpec } from '../format-spec';
import { normalizeDoi, parseCountry } from '../bib-fields';
import type { AuthorIdentifier, PaperIdentifier, RawAffiliation, RawKeyword, RawRecord } from '../raw-record';
import { parseOrcid } from './pubmed-xml';
import {
  XmlRecordStream,
  grandparentOf,
  parentOf,
  readLeadingElements,
  type XmlRecordBuilder,
  type XmlTag,
} from './xml-stream';

/** EndNote separates the items of one field (addresses, ISSNs, note lines) with carriage returns. */
const ITEM_BREAK = /\r\n|\r|\n/;

function splitItems(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(ITEM_BREAK)) {
    const t = part.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/** An ISBN (10 or 13 digits, hyphens allowed) among the items of `isbn`; EndNote keeps a journal's ISSN there too. */
function findIsbn(items: readonly string[]): string | null {
  for (const item of items) {
    const compact = item.replace(/\s*\(.*?\)\s*/g, '').replace(/[-\s]/g, '');
    if (/^(?:\d{9}[\dXx]|97[89]\d{10})$/.test(compact)) return compact.toUpperCase();
  }
  return null;
}

/** Surname of `Shahtalebi, M. A.` or `M. A. Shahtalebi`, lower case. */
function surnameOf(name: string): string {
  const comma = name.indexOf(',');
  if (comma >= 0) return name.slice(0, comma).trim().toLowerCase();
  const words = name.trim().split(/\s+/);
  return (words[words.length - 1] ?? '').toLowerCase();
}

/**
 * ORCIDs from notes that EndNote filled from PubMed: the authors' full names, one a line, each
 * possibly followed by `Orcid: 0000-…`. A name line counts only when its surname is the next
 * author's, so notes of any other shape give nothing.
 */
function parseNoteOrcids(notes: readonly string[], authors: readonly string[]): AuthorIdentifier[][] | undefined {
  const ids: AuthorIdentifier[][] = authors.map(() => []);
  let next = 0;
  let current = -1;
  let found = false;
  for (const line of notes) {
    if (/^orcid:/i.test(line)) {
      const orcid = current >= 0 ? parseOrcid(line) : null;
      if (orcid !== null && ids[current].length === 0) {
        ids[current].push({ scheme: 'orcid', value: orcid });
        found = true;
      }
      continue;
    }
    if (next < authors.length && line.includes(',') && surnameOf(line) === surnameOf(authors[next])) current = next++;
    else current = -1;
  }
  return found ? ids : undefined;
}

/** The fields of one EndNote record, read from its elements' text. */
class EndnoteRecordBuilder implements XmlRecordBuilder {
  private title: string | null = null;
  private secondaryTitle: string | null = null;
  private fullTitle: string | null = null;
  private abstract: string | null = null;
  private authors: string[] = [];
  private addresses: string[] = [];
  private year: string | null = null;
  private date: string | null = null;
  private doi: string | null = null;
  private urlDoi: string | null = null;
  private keywords: RawKeyword[] = [];
  private docType: string | null = null;
  private ids: PaperIdentifier[] = [];
  private notes: string[] = [];

  begin(): void {
    this.title = null;
    this.secondaryTitle = null;
    this.fullTitle = null;
    this.abstract = null;
    this.authors = [];
    this.addresses = [];
    this.year = null;
    this.date = null;
    this.doi = null;
    this.urlDoi = null;
    this.keywords = [];
    this.docType = null;
    this.ids = [];
    this.notes = [];
  }

  open(tag: XmlTag, path: readonly string[]): boolean {
    const parent = parentOf(path);
    switch (tag.name) {
      case 'title':
      case 'secondary-title':
        return parent === 'titles';
      case 'full-title':
        return parent === 'periodical';
      case 'author':
        return parent === 'authors' && grandparentOf(path) === 'contributors';
      case 'keyword':
        return parent === 'keywords';
      case 'year':
        return parent === 'dates';
      case 'date':
        return parent === 'pub-dates';
      case 'url':
        return grandparentOf(path) === 'urls';
      case 'ref-type':
        this.docType = tag.attributes.name ?? null;
        return false;
      case 'abstract':
      case 'auth-address':
      case 'electronic-resource-num':
      case 'accession-num':
      case 'isbn':
      case 'notes':
      case 'custom1':
      case 'custom2':
      case 'custom3':
      case 'custom4':
      case 'custom5':
      case 'custom6':
      case 'custom7':
        return parent === 'record';
      default:
        return false;
    }
  }

  close(name: string, _path: readonly string[], text: string | null): void {
    if (text === null || text === '') return;
    switch (name) {
      case 'title':
        this.title ??= text;
        break;
      case 'secondary-title':
        this.secondaryTitle ??= text;
        break;
      case 'full-title':
        this.fullTitle ??= text;
        break;
      case 'abstract':
        this.abstract ??= text;
        break;
      case 'author':
        this.authors.push(text);
        break;
      case 'auth-address':
        for (const item of splitItems(text)) this.addresses.push(item);
        break;
      case 'year':
        this.year ??= text;
        break;
      case 'date':
        this.date ??= text;
        break;
      case 'electronic-resource-num':
        // Often a PII beside the DOI, one a line: keep the line that holds a DOI.
        this.doi ??= splitItems(text).find((item) => normalizeDoi(item) !== null) ?? null;
        break;
      case 'url':
        if (this.urlDoi === null && /doi\.org\//i.test(text) && normalizeDoi(text) !== null) this.urlDoi = text;
        break;
      case 'keyword':
        for (const k of splitItems(text)) this.keywords.push({ keyword: k, kind: 'author' });
        break;
      case 'accession-num':
        // EndNote fills it from PubMed with the PMID; other databases put their own accession numbers here.
        if (/^\d{1,9}$/.test(text)) this.addId('pmid', text);
        break;
      case 'isbn': {
        const isbn = findIsbn(splitItems(text));
        if (isbn !== null) this.addId('isbn', isbn);
        break;
      }
      case 'notes':
        this.notes = splitItems(text);
        break;
      default:
        // custom1..7: a PMCID when EndNote imported the record from PubMed.
        if (/^PMC\d+$/.test(text)) this.addId('pmcid', text);
    }
  }

  private addId(scheme: PaperIdentifier['scheme'], value: string): void {
    if (!this.ids.some((id) => id.scheme === scheme)) this.ids.push({ scheme, value });
  }

  end(line: number): RawRecord {
    const yearMatch = this.year === null ? null : /\b(\d{4})\b/.exec(this.year);
    const year = yearMatch === null ? null : Number(yearMatch[1]);
    // `pub-dates` usually holds only month and day (`Mar 27`): put the year in front.
    let date = this.date;
    if (date !== null && year !== null && !/\b\d{4}\b/.test(date)) date = `${year} ${date}`;
    // One address per author in order is the only case where it is clear whose each one is.
    const oneEach = this.addresses.length === this.authors.length;
    const affiliations: RawAffiliation[] = this.addresses.map((name, i) => ({
      name,
      country: parseCountry(name),
      authors: oneEach ? [i] : [],
    }));
    const record: RawRecord = {
      record: line,
      title: this.title,
      abstract: this.abstract,
      authors: this.authors,
      year,
      date: date ?? this.year,
      venue: this.secondaryTitle ?? this.fullTitle,
      doi: this.doi ?? this.urlDoi,
      ids: this.ids,
      docType: this.docType,
      keywords: this.keywords,
      affiliations,
      references: [],
    };
    const authorIds = parseNoteOrcids(this.notes, this.authors);
    if (authorIds !== undefined) record.authorIds = authorIds;
    return record;
  }
}

const RECORD_NAMES: ReadonlySet<string> = new Set(['record']);

/** EndNote XML (`<xml><records><record>`), EndNote's own export. */
export const ENDNOTE_XML_FORMAT: FormatSpec = {
  name: 'endnote-xml',
  description: 'EndNote XML export (xml/records/record)',
  input: 'chunks',
  detect: (sample) => {
    const [root, first] = readLeadingElements(sample.text, 2);
    return root === 'xml' && first === 'records';
  },
  createParser: (ctx, emit) => {
    const stream = new XmlRecordStream(RECORD_NAMES, new EndnoteRecordBuilder(), emit, ctx);
    return {
      push: (text) => stream.write(text),
      finish: () => stream.finish(),
    };
  },
};
