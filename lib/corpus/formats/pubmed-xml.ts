/**
 * PubMed XML: a `PubmedArticleSet` of `PubmedArticle` (and `PubmedBookArticle`) elements, as
 * E-utilities efetch and the annual baseline write them (https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd,
 * element guide: https://www.nlm.nih.gov/bsd/licensee/elements_descriptions.html). Read as a stream:
 * one article in memory at a time.
 */
import type { FormatSpec } from '../format-spec';
import { parseCountry } from '../bib-fields';
import type {
  AuthorIdentifier,
  PaperIdentifier,
  RawAffiliation,
  RawKeyword,
  RawRecord,
  RawReference,
} from '../raw-record';
import {
  XmlRecordStream,
  grandparentOf,
  parentOf,
  readLeadingElements,
  type XmlRecordBuilder,
  type XmlTag,
} from './xml-stream';

const ORCID = /(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dXx])/;

/** An ORCID iD in its bare form (`0000-0002-1825-0097`) from any way of writing it (URL, no hyphens); null if none. */
export function parseOrcid(text: string): string | null {
  const m = ORCID.exec(text);
  return m === null ? null : `${m[1]}-${m[2]}-${m[3]}-${m[4].toUpperCase()}`;
}

/**
 * A year and date as PubMed writes them (`Year`, `Month`, `Day`, or a `MedlineDate` such as
 * `1998 Dec-1999 Jan`): the year as a number, the date as `2019-05-03` (numeric months) or `2002 Oct 5`.
 */
function buildPubDate(d: DateParts): { year: number | null; date: string | null } {
  if (d.medline !== null) {
    const m = /\b(\d{4})\b/.exec(d.medline);
    return { year: m === null ? null : Number(m[1]), date: d.medline };
  }
  if (d.year === null || !/^\d{4}$/.test(d.year)) return { year: null, date: null };
  const month = d.month ?? d.season;
  let date = d.year;
  if (month !== null && /^\d{1,2}$/.test(month)) {
    date += `-${month.padStart(2, '0')}`;
    if (d.day !== null && /^\d{1,2}$/.test(d.day)) date += `-${d.day.padStart(2, '0')}`;
  } else if (month !== null) {
    date += ` ${month}`;
    if (d.day !== null) date += ` ${d.day}`;
  }
  return { year: Number(d.year), date };
}

const NLM_CITATION = /^(.*?)\.\s+((?:1[5-9]|20)\d{2})\b[^;]*;([^:]*):?\s*(.*)$/;

/**
 * The parts of a reference in NLM style: `Nature. 1975 May 15;255(5505):256-9` (journal, year,
 * volume, first page), optionally preceded by authors and title (`Smith J, Doe A. Title. Nature. 2001;…`).
 */
export function parseNlmCitation(
  raw: string,
): Pick<RawReference, 'firstAuthor' | 'year' | 'title' | 'source' | 'volume' | 'page'> {
  const m = NLM_CITATION.exec(raw);
  if (m === null) return {};
  const head = m[1].split(/\.\s+/);
  const firstAuthor = head[0].split(',')[0].trim();
  // Authors lead only when the first part reads like `Smith JA`; else it is all the journal (`J. Biol. Chem`).
  const withAuthors = head.length >= 2 && /\S\s[A-Z]{1,3}$/.test(firstAuthor);
  const source = (withAuthors ? head[head.length - 1] : m[1]).trim();
  const out: Pick<RawReference, 'firstAuthor' | 'year' | 'title' | 'source' | 'volume' | 'page'> = {
    year: Number(m[2]),
    source: source || null,
  };
  if (withAuthors) {
    out.firstAuthor = firstAuthor;
    if (head.length >= 3) out.title = head.slice(1, -1).join('. ').trim() || null;
  }
  const volume = m[3].split('(')[0].trim();
  if (volume !== '') out.volume = volume;
  const page = m[4].split(/[-–,;\s]/)[0].replace(/\.$/, '');
  if (page !== '') out.page = page;
  return out;
}

interface DateParts {
  year: string | null;
  month: string | null;
  day: string | null;
  season: string | null;
  medline: string | null;
}

function emptyDate(): DateParts {
  return { year: null, month: null, day: null, season: null, medline: null };
}

/** An author or investigator being read. */
interface PersonDraft {
  last: string | null;
  fore: string | null;
  initials: string | null;
  suffix: string | null;
  collective: string | null;
  orcid: string | null;
  affiliations: string[];
}

/** One author list: names, their ids and their affiliations (the same address for several authors given once). */
class AuthorSet {
  readonly names: string[] = [];
  /** `lastname|initials`, lower case, to tie investigators to authors. */
  readonly keys: string[] = [];
  readonly ids: AuthorIdentifier[][] = [];
  readonly affiliations: RawAffiliation[] = [];
  private readonly byName = new Map<string, RawAffiliation>();
  private hasIds = false;

  add(p: PersonDraft): void {
    const name = formatPersonName(p);
    if (name === null) return;
    const position = this.names.length;
    this.names.push(name);
    this.keys.push(personKey(p));
    this.ids.push(p.orcid === null ? [] : [{ scheme: 'orcid', value: p.orcid }]);
    if (p.orcid !== null) this.hasIds = true;
    for (const a of p.affiliations) this.addAffiliation(a, position);
  }

  addAffiliation(name: string, position: number | null): void {
    let aff = this.byName.get(name);
    if (aff === undefined) {
      aff = { name, country: parseCountry(name), authors: [] };
      this.byName.set(name, aff);
      this.affiliations.push(aff);
    }
    if (position !== null && !aff.authors.includes(position)) aff.authors.push(position);
  }

  authorIds(): AuthorIdentifier[][] | undefined {
    return this.hasIds ? this.ids : undefined;
  }
}

/** `Last, Fore Suffix` as MEDLINE's FAU writes it, or a group's name. */
function formatPersonName(p: PersonDraft): string | null {
  if (p.last !== null) {
    const given = p.fore ?? p.initials;
    const name = given !== null ? `${p.last}, ${given}` : p.last;
    return p.suffix !== null ? `${name} ${p.suffix}` : name;
  }
  return p.collective;
}

function personKey(p: PersonDraft): string {
  return `${p.last ?? p.collective ?? ''}|${p.initials ?? ''}`.toLowerCase();
}

function emptyPerson(): PersonDraft {
  return { last: null, fore: null, initials: null, suffix: null, collective: null, orcid: null, affiliations: [] };
}

interface ReferenceDraft {
  citation: string | null;
  doi: string | null;
  ids: PaperIdentifier[];
}

/** The elements whose text a PubMed article is read from, under the parents that give them their meaning. */
class PubmedArticleBuilder implements XmlRecordBuilder {
  private pmid: string | null = null;
  private pubmedId: string | null = null;
  private pmcid: string | null = null;
  private doi: string | null = null;
  private elocationDoi: string | null = null;
  private title: string | null = null;
  private vernacularTitle: string | null = null;
  private bookTitle: string | null = null;
  private venue: string | null = null;
  private abstractParts: string[] = [];
  private abstractLabel: string | null = null;
  private otherAbstract: string[] | null = null;
  /** Collecting an English `OtherAbstract` (used when the article has no `Abstract`). */
  private inOtherAbstract = false;
  private docType: string | null = null;
  private keywords: RawKeyword[] = [];
  private pubDate = emptyDate();
  private articleDate = emptyDate();
  private authors = new AuthorSet();
  /** A book's own author list, used when the chapter (BookDocument) names none. */
  private bookAuthors = new AuthorSet();
  private currentList: AuthorSet | null = null;
  private person: PersonDraft | null = null;
  private investigators: PersonDraft[] = [];
  private references: RawReference[] = [];
  private reference: ReferenceDraft | null = null;
  private idType: string | null = null;

  begin(): void {
    this.pmid = null;
    this.pubmedId = null;
    this.pmcid = null;
    this.doi = null;
    this.elocationDoi = null;
    this.title = null;
    this.vernacularTitle = null;
    this.bookTitle = null;
    this.venue = null;
    this.abstractParts = [];
    this.otherAbstract = null;
    this.inOtherAbstract = false;
    this.docType = null;
    this.keywords = [];
    this.pubDate = emptyDate();
    this.articleDate = emptyDate();
    this.authors = new AuthorSet();
    this.bookAuthors = new AuthorSet();
    this.currentList = null;
    this.person = null;
    this.investigators = [];
    this.references = [];
    this.reference = null;
  }

  open(tag: XmlTag, path: readonly string[]): boolean {
    const parent = parentOf(path);
    switch (tag.name) {
      case 'PMID':
        return parent === 'MedlineCitation' || parent === 'BookDocument';
      case 'ArticleTitle':
      case 'VernacularTitle':
        return parent === 'Article' || parent === 'BookDocument';
      case 'BookTitle':
        return parent === 'Book';
      case 'Title':
        return parent === 'Journal';
      case 'AbstractText':
        if (parent === 'Abstract') {
          // `UNLABELLED` marks the unlabelled part of a structured abstract: no label to show.
          const label = tag.attributes.Label;
          this.abstractLabel = label === undefined || label === 'UNLABELLED' ? null : label;
          return true;
        }
        return parent === 'OtherAbstract' && this.inOtherAbstract;
      case 'OtherAbstract': {
        const lang = tag.attributes.Language;
        this.inOtherAbstract = this.otherAbstract === null && (lang === undefined || lang === 'eng');
        if (this.inOtherAbstract) this.otherAbstract = [];
        return false;
      }
      case 'AuthorList':
        if (tag.attributes.Type === 'editors') this.currentList = null;
        else if (parent === 'Book') this.currentList = this.bookAuthors;
        else if (parent === 'Article' || parent === 'BookDocument') this.currentList = this.authors;
        else this.currentList = null;
        return false;
      case 'Author':
        if (parent === 'AuthorList' && this.currentList !== null) this.person = emptyPerson();
        return false;
      case 'Investigator':
        this.person = emptyPerson();
        return false;
      case 'LastName':
      case 'ForeName':
      case 'Initials':
      case 'Suffix':
      case 'CollectiveName':
        return this.person !== null && (parent === 'Author' || parent === 'Investigator');
      case 'Affiliation':
        return this.person !== null && parent === 'AffiliationInfo';
      case 'Identifier':
        return this.person !== null && parent === 'Author' && tag.attributes.Source === 'ORCID';
      case 'Year':
      case 'Month':
      case 'Day':
      case 'Season':
      case 'MedlineDate':
        return parent === 'PubDate' || parent === 'ArticleDate';
      case 'PublicationType':
        return this.docType === null && (parent === 'PublicationTypeList' || parent === 'BookDocument');
      case 'DescriptorName':
        return parent === 'MeshHeading';
      case 'Keyword':
        return parent === 'KeywordList';
      case 'ELocationID':
        return tag.attributes.EIdType === 'doi';
      case 'ArticleId':
        this.idType = tag.attributes.IdType ?? null;
        return parent === 'ArticleIdList';
      case 'Reference':
        if (parent === 'ReferenceList') this.reference = { citation: null, doi: null, ids: [] };
        return false;
      case 'Citation':
        return this.reference !== null && parent === 'Reference';
      default:
        return false;
    }
  }

  close(name: string, path: readonly string[], text: string | null): void {
    if (text === null) {
      this.closeContainer(name, path);
      return;
    }
    if (text === '') return;
    const parent = parentOf(path);
    switch (name) {
      case 'PMID':
        this.pmid ??= text;
        break;
      case 'ArticleTitle':
        this.title ??= text;
        break;
      case 'VernacularTitle':
        this.vernacularTitle ??= text;
        break;
      case 'BookTitle':
        this.bookTitle ??= text;
        break;
      case 'Title':
        this.venue ??= text;
        break;
      case 'AbstractText':
        if (parent === 'Abstract')
          this.abstractParts.push(this.abstractLabel ? `${this.abstractLabel}: ${text}` : text);
        else this.otherAbstract?.push(text);
        break;
      case 'LastName':
      case 'ForeName':
      case 'Initials':
      case 'Suffix':
      case 'CollectiveName':
        this.setName(name, text);
        break;
      case 'Affiliation':
        this.person?.affiliations.push(text);
        break;
      case 'Identifier':
        if (this.person !== null) this.person.orcid ??= parseOrcid(text);
        break;
      case 'Year':
      case 'Month':
      case 'Day':
      case 'Season':
      case 'MedlineDate':
        this.setDatePart(parent === 'PubDate' ? this.pubDate : this.articleDate, name, text);
        break;
      case 'PublicationType':
        this.docType ??= text;
        break;
      case 'DescriptorName':
        this.keywords.push({ keyword: text, kind: 'mesh' });
        break;
      case 'Keyword':
        this.keywords.push({ keyword: text, kind: 'author' });
        break;
      case 'ELocationID':
        this.elocationDoi ??= text;
        break;
      case 'ArticleId':
        this.setArticleId(grandparentOf(path), text);
        break;
      case 'Citation':
        if (this.reference !== null) this.reference.citation = text;
        break;
    }
  }

  /** Ends of the elements that group others: an author, an investigator, a reference, an abstract. */
  private closeContainer(name: string, path: readonly string[]): void {
    switch (name) {
      case 'Author':
        if (this.person !== null && this.currentList !== null && parentOf(path) === 'AuthorList')
          this.currentList.add(this.person);
        this.person = null;
        break;
      case 'Investigator':
        if (this.person !== null) this.investigators.push(this.person);
        this.person = null;
        break;
      case 'AuthorList':
        this.currentList = null;
        break;
      case 'OtherAbstract':
        this.inOtherAbstract = false;
        break;
      case 'Reference':
        if (this.reference !== null) this.addReference(this.reference);
        this.reference = null;
        break;
    }
  }

  private setName(name: string, text: string): void {
    const p = this.person;
    if (p === null) return;
    if (name === 'LastName') p.last = text;
    else if (name === 'ForeName') p.fore = text;
    else if (name === 'Initials') p.initials = text;
    else if (name === 'Suffix') p.suffix = text;
    else p.collective = text;
  }

  private setDatePart(d: DateParts, name: string, text: string): void {
    if (name === 'Year') d.year ??= text;
    else if (name === 'Month') d.month ??= text;
    else if (name === 'Day') d.day ??= text;
    else if (name === 'Season') d.season ??= text;
    else d.medline ??= text;
  }

  private setArticleId(owner: string, text: string): void {
    const type = this.idType;
    if (owner === 'Reference') {
      const ref = this.reference;
      if (ref === null) return;
      if (type === 'doi') ref.doi ??= text;
      else if (type === 'pubmed') ref.ids.push({ scheme: 'pmid', value: text });
      else if (type === 'pmc') ref.ids.push({ scheme: 'pmcid', value: text });
      return;
    }
    if (owner !== 'PubmedData' && owner !== 'BookDocument' && owner !== 'PubmedBookData') return;
    if (type === 'doi') this.doi ??= text;
    else if (type === 'pmc') this.pmcid ??= text;
    else if (type === 'pubmed') this.pubmedId ??= text;
  }

  private addReference(r: ReferenceDraft): void {
    const raw = r.citation ?? r.doi ?? r.ids[0]?.value ?? null;
    if (raw === null) return;
    const ref: RawReference = { raw, ...(r.citation !== null ? parseNlmCitation(r.citation) : {}) };
    if (r.doi !== null) ref.doi = r.doi;
    if (r.ids.length > 0) ref.ids = r.ids;
    this.references.push(ref);
  }

  end(line: number): RawRecord {
    const isChapter = this.title !== null;
    const authors = this.authors.names.length > 0 ? this.authors : this.bookAuthors;
    // Investigators are not authors; their addresses are kept, tied to an author of the same name.
    for (const inv of this.investigators) {
      const at = authors.keys.indexOf(personKey(inv));
      for (const a of inv.affiliations) authors.addAffiliation(a, at >= 0 ? at : null);
    }
    const fromPub = buildPubDate(this.pubDate);
    const when = fromPub.year !== null ? fromPub : buildPubDate(this.articleDate);
    const ids: PaperIdentifier[] = [];
    const pmid = this.pmid ?? this.pubmedId;
    if (pmid !== null) ids.push({ scheme: 'pmid', value: pmid });
    if (this.pmcid !== null) ids.push({ scheme: 'pmcid', value: this.pmcid });
    const abstractParts = this.abstractParts.length > 0 ? this.abstractParts : (this.otherAbstract ?? []);
    const record: RawRecord = {
      record: line,
      title: this.title ?? this.vernacularTitle ?? this.bookTitle,
      abstract: abstractParts.length > 0 ? abstractParts.join(' ') : null,
      authors: authors.names,
      year: when.year,
      date: when.date,
      venue: this.venue ?? (isChapter ? this.bookTitle : null),
      doi: this.doi ?? this.elocationDoi,
      ids,
      docType: this.docType,
      keywords: this.keywords,
      affiliations: authors.affiliations,
      references: this.references,
    };
    const authorIds = authors.authorIds();
    if (authorIds !== undefined) record.authorIds = authorIds;
    return record;
  }
}

const RECORD_NAMES: ReadonlySet<string> = new Set(['PubmedArticle', 'PubmedBookArticle']);
const ROOT_NAMES: ReadonlySet<string> = new Set([
  'PubmedArticleSet',
  'PubmedArticle',
  'PubmedBookArticle',
  'PubmedBookArticleSet',
]);

/** PubMed XML (`PubmedArticleSet`), from efetch or the baseline files. */
export const PUBMED_XML_FORMAT: FormatSpec = {
  name: 'pubmed-xml',
  description: 'PubMed XML (PubmedArticleSet of PubmedArticle, from efetch or the baseline)',
  input: 'chunks',
  detect: (sample) => {
    const root = readLeadingElements(sample.text, 1)[0];
    return root !== undefined && ROOT_NAMES.has(root);
  },
  createParser: (ctx, emit) => {
    const stream = new XmlRecordStream(RECORD_NAMES, new PubmedArticleBuilder(), emit, ctx);
    return {
      push: (text) => stream.write(text),
      finish: () => stream.finish(),
    };
  },
};
