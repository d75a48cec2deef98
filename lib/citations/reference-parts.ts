/**
 * What a cited reference says of the work it cites, read back from the text the source wrote: an
 * OpenAlex W-id (`https://openalex.org/W123`), a Web of Science `CR` line (`Kamada T, 1989, INFORM
 * PROCESS LETT, V31, P7, DOI …`, no title), a Scopus reference (authors, title, `(2002)`, source,
 * volume, pages) or, failing those, the first author and year of its normalized key. Pure; for the
 * citation panels, which would otherwise show a bare URL or a key.
 */
import { parseScopusReference } from '../corpus/formats/scopus-references';
import { parseWosReference } from '../corpus/formats/wos-fields';

export interface ReferenceParts {
  /** The cited work's title, when the reference writes one. */
  title: string | null;
  /** First author as written (`Kamada T`, `Bach, P.B.`). */
  author: string | null;
  year: number | null;
  /** Journal, book or other source, as written. */
  source: string | null;
  volume: string | null;
  page: string | null;
  /** OpenAlex work id (`W1968924601`) or PubMed id, when the reference is one. */
  openalex: string | null;
  pmid: string | null;
}

const OPENALEX_WORK = /^(?:https?:\/\/(?:www\.)?openalex\.org\/)?(W\d+)$/i;
/** `Author, 2019, …` or `2019, …`: a WoS `CR` line. */
const WOS_LINE = /^(?:[^,()]{1,100}, )?\d{4}(?:, |$)/;
/** `(2019)` or `(2019a)`: the year as Scopus writes it. */
const SCOPUS_YEAR = /\(\d{4}[a-z]?\)/;
/** The shortest title worth showing: shorter ones are parse leftovers. */
const MIN_TITLE = 8;

const NONE: ReferenceParts = {
  title: null,
  author: null,
  year: null,
  source: null,
  volume: null,
  page: null,
  openalex: null,
  pmid: null,
};

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim() ?? '';
  return t === '' ? null : t;
}

/** The parts of the normalized key: `pmid:…`, `openalex:w…`, or `surname|year|…`. */
function partsOfKey(key: string | null): ReferenceParts {
  if (key === null) return NONE;
  if (key.startsWith('openalex:')) return { ...NONE, openalex: key.slice('openalex:'.length).toUpperCase() };
  if (key.startsWith('pmid:')) return { ...NONE, pmid: key.slice('pmid:'.length) };
  const [surname, year] = key.split('|');
  if (surname && year !== undefined && /^\d{4}$/.test(year))
    return { ...NONE, author: `${surname[0].toUpperCase()}${surname.slice(1)}`, year: Number(year) };
  return NONE;
}

/** Reads a cited reference into its parts; null parts where the text and key say nothing. */
export function parseReferenceParts(raw: string, key: string | null = null): ReferenceParts {
  const text = raw.trim();
  const fromKey = partsOfKey(key);
  const openalex = OPENALEX_WORK.exec(text);
  if (openalex) return { ...fromKey, openalex: openalex[1].toUpperCase() };
  let parts: ReferenceParts = fromKey;
  if (WOS_LINE.test(text)) {
    const r = parseWosReference(text);
    parts = {
      ...fromKey,
      author: clean(r.firstAuthor) ?? fromKey.author,
      year: r.year ?? fromKey.year,
      source: clean(r.source),
      volume: clean(r.volume),
      page: clean(r.page),
    };
  } else if (SCOPUS_YEAR.test(text)) {
    const r = parseScopusReference(text);
    const title = clean(r.title);
    parts = {
      ...fromKey,
      title: title !== null && title.length >= MIN_TITLE ? title : null,
      author: clean(r.firstAuthor) ?? fromKey.author,
      year: r.year ?? fromKey.year,
      source: clean(r.source),
      volume: clean(r.volume),
      page: clean(r.page),
    };
  }
  return parts;
}

/**
 * A line naming the reference when it has no title: first author, year, source, volume and page
 * (`Kamada T (1989) INFORM PROCESS LETT 31, 7`), `OpenAlex W123` for a bare W-id, `PubMed 123` for a
 * bare PMID; null when the parts say too little (show the text as written then).
 */
export function formatReferenceCitation(parts: ReferenceParts): string | null {
  if (parts.author === null && parts.source === null) {
    if (parts.openalex !== null) return `OpenAlex ${parts.openalex}`;
    if (parts.pmid !== null && parts.year === null) return `PubMed ${parts.pmid}`;
    return null;
  }
  let line = parts.author ?? '';
  if (parts.year !== null) line += `${line ? ' ' : ''}(${parts.year})`;
  if (parts.source !== null) line += `${line ? ' ' : ''}${parts.source}`;
  if (parts.source !== null && parts.volume !== null) line += ` ${parts.volume}`;
  if (parts.source !== null && parts.page !== null) line += `${parts.volume !== null ? ',' : ''} p. ${parts.page}`;
  return line;
}

/** The first title the reference's forms (most common first) write, or null. */
export function pickReferenceTitle(forms: Iterable<string>, key: string | null): string | null {
  for (const form of forms) {
    const title = parseReferenceParts(form, key).title;
    if (title !== null) return title;
  }
  return null;
}
