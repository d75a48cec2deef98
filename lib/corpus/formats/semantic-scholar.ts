/**
 * Semantic Scholar Graph API JSON: one paper (`/paper/{id}`, possibly with its `citations` and
 * `references` as full paper objects), a `{"data": [ … ]}` list (search, batch, or the
 * `/paper/{id}/citations` shape of `{citingPaper: {…}}` items), an array of papers, or JSON lines.
 * Lists are streamed a paper at a time; a single paper is parsed whole with its nested lists (the
 * 2.8 MB sample of 1 + 1000 + 14 papers holds its text plus ~3.8 MB of parsed objects at once).
 * Paper fields: https://api.semanticscholar.org/api-docs/graph
 */
import type { Emit, FormatSpec } from '../format-spec';
import type { AuthorIdentifier, PaperIdentifier, RawKeyword, RawRecord, RawReference } from '../raw-record';
import { parseCount } from '../bib-fields';
import { createJsonRecordParser, startsLikeJson } from '../json-stream';
import {
  isJsonObject,
  readArray,
  readFirstPage,
  readObject,
  readPmcid,
  readPmid,
  readText,
  readYear,
} from './json-values';

/**
 * A paper's identifiers. `CorpusId` is left out: it is a second Semantic Scholar id for the same
 * paper, and references and citation lists name papers by `paperId`, so one `s2` id is enough.
 */
function readIds(paper: Record<string, unknown>): PaperIdentifier[] {
  const ids: PaperIdentifier[] = [];
  const s2 = readText(paper.paperId);
  if (s2 !== null) ids.push({ scheme: 's2', value: s2 });
  const ext = readObject(paper.externalIds);
  if (ext !== null) {
    const arxiv = readText(ext.ArXiv);
    if (arxiv !== null) ids.push({ scheme: 'arxiv', value: arxiv });
    const pmid = readPmid(ext.PubMed);
    if (pmid !== null) ids.push({ scheme: 'pmid', value: pmid });
    const pmcid = readPmcid(ext.PubMedCentral);
    if (pmcid !== null) ids.push({ scheme: 'pmcid', value: pmcid });
    const mag = readText(ext.MAG);
    if (mag !== null) ids.push({ scheme: 'mag', value: mag });
  }
  return ids;
}

function readDoi(paper: Record<string, unknown>): string | null {
  return readText(readObject(paper.externalIds)?.DOI);
}

/** The venue: the canonical `publicationVenue`, else the journal, else S2's `venue` string. */
function readVenue(paper: Record<string, unknown>): string | null {
  return (
    readText(readObject(paper.publicationVenue)?.name) ??
    readText(readObject(paper.journal)?.name) ??
    readText(paper.venue)
  );
}

function readKeywords(paper: Record<string, unknown>): RawKeyword[] {
  const out: RawKeyword[] = [];
  const seen = new Set<string>();
  const add = (v: unknown): void => {
    const name = readText(v);
    if (name === null || seen.has(name.toLowerCase())) return;
    seen.add(name.toLowerCase());
    out.push({ keyword: name, kind: 'concept' });
  };
  for (const f of readArray(paper.fieldsOfStudy)) add(f);
  for (const f of readArray(paper.s2FieldsOfStudy)) add(readObject(f)?.category);
  return out;
}

/** A paper as a reference: its title (or id) as the text, with the ids and parts it states. */
export function buildS2Reference(paper: Record<string, unknown>): RawReference | null {
  const ids = readIds(paper);
  const doi = readDoi(paper);
  const title = readText(paper.title);
  const raw = title ?? ids[0]?.value ?? doi;
  if (raw === null) return null;
  const journal = readObject(paper.journal);
  const ref: RawReference = {
    raw,
    doi,
    ids,
    firstAuthor: readText(readObject(readArray(paper.authors)[0])?.name),
    year: readYear(paper.year),
    title,
    source: readText(journal?.name) ?? readText(paper.venue),
    volume: readText(journal?.volume),
    page: readFirstPage(journal?.pages),
  };
  return ref;
}

/** One Semantic Scholar paper object as a raw record (its nested lists aside); null when it is no paper. */
export function buildS2Record(paper: Record<string, unknown>, record: number): RawRecord | null {
  const title = readText(paper.title);
  const ids = readIds(paper);
  if (title === null && ids.length === 0) return null;
  const authors: string[] = [];
  const authorIds: AuthorIdentifier[][] = [];
  let anyId = false;
  for (const a of readArray(paper.authors)) {
    const o = readObject(a);
    const name = readText(o?.name);
    if (o === null || name === null) continue;
    authors.push(name);
    const id = readText(o.authorId);
    if (id !== null) anyId = true;
    authorIds.push(id === null ? [] : [{ scheme: 's2', value: id }]);
  }
  const types = readArray(paper.publicationTypes)
    .map(readText)
    .filter((t): t is string => t !== null);
  const out: RawRecord = {
    record,
    title,
    abstract: readText(paper.abstract),
    tldr: readText(readObject(paper.tldr)?.text),
    authors,
    year: readYear(paper.year),
    date: readText(paper.publicationDate),
    venue: readVenue(paper),
    doi: readDoi(paper),
    ids,
    citedBy: parseCount(paper.citationCount),
    volume: readText(readObject(paper.journal)?.volume),
    firstPage: readFirstPage(readObject(paper.journal)?.pages),
    docType: types.length > 0 ? types.join('; ') : null,
    keywords: readKeywords(paper),
  };
  if (anyId) out.authorIds = authorIds;
  return out;
}

function emitPaper(paper: unknown, line: number, emit: Emit, extraReference: RawReference | null): void {
  const o = readObject(paper);
  const rec = o === null ? null : buildS2Record(o, line);
  if (rec === null) {
    emit({ record: line, reason: o === null ? 'not a JSON object' : 'not a Semantic Scholar paper' });
    return;
  }
  if (extraReference !== null) rec.references = [extraReference];
  emit(rec);
}

/**
 * Emits the records of one item: a paper, and when it carries them, each paper of its `citations`
 * (each given a reference to this paper, so the citation can be linked) and of its `references`
 * (which become this paper's references). Nested papers carry the item's start line.
 */
export function emitS2Item(value: unknown, line: number, emit: Emit): void {
  const item = readObject(value);
  if (item === null) {
    emit({ record: line, reason: 'not a JSON object' });
    return;
  }
  const wrapped = item.citingPaper ?? item.citedPaper;
  if (wrapped !== undefined) {
    emitPaper(wrapped, line, emit, null);
    return;
  }
  const top = buildS2Record(item, line);
  if (top === null) {
    emit({ record: line, reason: 'not a Semantic Scholar paper' });
    return;
  }
  const citations = readArray(item.citations);
  const references = readArray(item.references);
  if (Array.isArray(item.references)) {
    top.references = [];
    for (const r of references) {
      const ref = isJsonObject(r) ? buildS2Reference(r) : null;
      if (ref !== null) top.references.push(ref);
    }
  }
  emit(top);
  const toTop = citations.length > 0 ? buildS2Reference(item) : null;
  for (const c of citations) emitPaper(c, line, emit, toTop);
  for (const r of references) emitPaper(r, line, emit, null);
}

const PAPER_ID = /"paperId"\s*:/;

/** Semantic Scholar Graph API JSON (a paper with citations/references, or data lists). */
export const S2_FORMAT: FormatSpec = {
  name: 'semantic-scholar',
  description: 'Semantic Scholar Graph API JSON (a paper with citations/references, or data lists)',
  input: 'chunks',
  detect: (sample) => startsLikeJson(sample.text) && PAPER_ID.test(sample.text),
  createParser: (_ctx, emit) => createJsonRecordParser(emit, emitS2Item),
};
