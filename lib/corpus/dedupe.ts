/**
 * De-duplication: the same paper listed in several files (or twice in one, or exported from WoS,
 * Scopus and OpenAlex) becomes one paper. Records match by DOI first, then by another identifier
 * (PMID, WoS UT, Scopus EID, OpenAlex or S2 id, arXiv id), then by normalized title when year and
 * first author do not disagree; a record without a real title matches on its abstract's opening.
 * Two records with different DOIs are never merged (a preprint and its published version stay two
 * papers), nor are two records with different real titles on abstract alone.
 */
import crypto from 'node:crypto';
import type { Paper, PaperIdentifier, PaperReference, ProvenanceField, SourceRef } from './types';
import { abstractKey, type Candidate } from './normalize-record';
import type { AbstractSink } from './abstract-file';

/** How a record was matched to a paper already seen. */
export type MatchKind = 'doi' | 'id' | 'title' | 'abstract';

/** Papers in order of first appearance with ids 1..n, and per input file how many were new or merged. */
export interface DedupeResult {
  papers: Paper[];
  /** Indexed by file index: papers first seen in that file. */
  kept: number[];
  /** Indexed by file index: records merged into a paper already seen. */
  merged: number[];
  /** Indexed by file index: merges by kind of match. */
  mergedBy: Record<MatchKind, number>[];
  /** Indexed by file index: for merged records, the file of the paper's first record → count. */
  mergedWith: Map<number, number>[];
}

function idKey(id: PaperIdentifier): string {
  return `${id.scheme}:${id.value.toLowerCase()}`;
}

/** Keeps every source's value of the list fields, each once. */
function unionIds(into: PaperIdentifier[], from: readonly PaperIdentifier[]): PaperIdentifier[] {
  if (from.length === 0) return into;
  const out = into.length === 0 ? [] : into.slice();
  for (const id of from)
    if (!out.some((o) => o.scheme === id.scheme && o.value.toLowerCase() === id.value.toLowerCase())) out.push(id);
  return out;
}

function setSource(p: Paper, field: ProvenanceField, source: SourceRef): void {
  p.fieldSources[field] = source;
}

/** Which fields a paper has, all from its first record: filled in at its first merge only (most
 * papers have one record, and need no provenance). */
function initFieldSources(p: Paper): void {
  const first = p.sources[0];
  const has: [ProvenanceField, boolean][] = [
    ['title', true],
    ['abstract', p.abstractLength > 0],
    ['authors', p.authors.length > 0],
    ['date', p.date !== null || p.year !== null],
    ['venue', p.venue !== null],
    ['doi', p.doi !== null],
    ['cited_by', p.citedBy !== null],
    ['doc_type', p.docType !== null],
    ['keywords', p.keywords.length > 0],
    ['references', p.references.length > 0],
    ['affiliations', p.affiliations.length > 0],
  ];
  p.fieldSources = {};
  for (const [field, present] of has) if (present) p.fieldSources[field] = first;
}

/** Folds a candidate into paper `at`, keeping the best of each field and every source's lists. */
function mergeInto(p: Paper, at: number, c: Candidate, sink: AbstractSink | null): void {
  if (p.sources.length === 1) initFieldSources(p);
  if (p.titleDerived && !c.titleDerived) {
    p.title = c.title;
    p.titleDerived = false;
    setSource(p, 'title', c.source);
  }
  // A record with an abstract wins over one without; a listing may cut an abstract short: keep the longer.
  if (c.abstract.length > p.abstractLength) {
    setAbstract(p, at, c, sink);
    setSource(p, 'abstract', c.source);
  }
  p.tldr ??= c.tldr;
  // An author page credits only its owner; a venue listing names everyone.
  if (c.authors.length > p.authors.length) {
    p.authors = c.authors;
    setSource(p, 'authors', c.source);
    if (c.affiliations.length > 0) {
      p.affiliations = c.affiliations;
      setSource(p, 'affiliations', c.source);
    }
  } else if (c.authors.length === p.authors.length && c.authors.length > 0) {
    // Same list: an author id from this source joins the names (a WoS record meets its Scopus twin).
    let authors = p.authors;
    for (let i = 0; i < c.authors.length; i++) {
      const ids = c.authors[i].ids;
      if (ids === undefined || c.authors[i].key !== authors[i].key) continue;
      if (authors === p.authors) authors = authors.slice();
      const had = authors[i].ids ?? [];
      const merged = had.slice();
      for (const id of ids) if (!merged.some((m) => m.scheme === id.scheme && m.value === id.value)) merged.push(id);
      authors[i] = { ...authors[i], ids: merged };
    }
    p.authors = authors;
    if (p.affiliations.length === 0 && c.affiliations.length > 0) {
      p.affiliations = c.affiliations;
      setSource(p, 'affiliations', c.source);
    }
  }
  p.authorCount ??= c.authorCount;
  if (c.date !== null && (p.date === null || c.date.length > p.date.length)) {
    p.date = c.date;
    setSource(p, 'date', c.source);
  }
  if (p.year === null && c.year !== null) {
    p.year = c.year;
    if (p.date === null) setSource(p, 'date', c.source);
  }
  if (p.venue === null && c.venue !== null) {
    p.venue = c.venue;
    setSource(p, 'venue', c.source);
  }
  p.label ??= c.label;
  p.externalId ??= c.externalId;
  if (p.doi === null && c.doi !== null) {
    p.doi = c.doi;
    setSource(p, 'doi', c.source);
  }
  p.ids = unionIds(p.ids, c.ids);
  if (c.citedBy !== null && (p.citedBy === null || c.citedBy > p.citedBy)) {
    p.citedBy = c.citedBy;
    p.citedBySource = c.layout;
    setSource(p, 'cited_by', c.source);
  }
  if (p.docType === null && c.docType !== null) {
    p.docType = c.docType;
    setSource(p, 'doc_type', c.source);
  }
  if (p.volume === null && p.firstPage === null) {
    p.volume = c.volume;
    p.firstPage = c.firstPage;
  }
  if (c.keywords.length > 0) {
    const seen = new Set(p.keywords.map((k) => `${k.kind}:${k.keyword.toLowerCase()}`));
    const added = c.keywords.filter((k) => !seen.has(`${k.kind}:${k.keyword.toLowerCase()}`));
    if (added.length > 0) {
      if (p.keywords.length === 0) setSource(p, 'keywords', c.source);
      p.keywords = [...p.keywords, ...added];
    }
  }
  for (const r of c.relations) {
    if (r.doi !== p.doi && !p.relations.some((o) => o.kind === r.kind && o.doi === r.doi))
      p.relations = [...p.relations, r];
  }
  if (c.references.length > 0) {
    if (p.references.length === 0) {
      p.references = c.references;
      setSource(p, 'references', c.source);
    } else {
      // The same cited work from two services: same key, or same author-year-volume-page or title
      // (WoS cites with a DOI what Scopus cites without one).
      const seen = new Set<string>();
      const keysOf = (r: PaperReference): string[] => {
        const keys = [r.key ?? `raw:${r.raw.toLowerCase()}`];
        if (r.partsKey !== null) keys.push(r.partsKey);
        if (r.titleKey !== null) keys.push(`title:${r.titleKey}`);
        return keys;
      };
      for (const r of p.references) for (const k of keysOf(r)) seen.add(k);
      const added = c.references.filter((r) => !keysOf(r).some((k) => seen.has(k)));
      if (added.length > 0) p.references = [...p.references, ...added];
    }
  }
  p.sources.push(c.source);
}

/** Gives paper `at` the candidate's abstract: in memory, or handed to the sink. */
function setAbstract(p: Paper, at: number, c: Candidate, sink: AbstractSink | null): void {
  p.abstractLength = c.abstract.length;
  if (sink === null) {
    p.abstract = c.abstract;
    p.abstractPlain = c.abstractPlain;
  } else if (c.abstract !== '') {
    sink.put(at, c.abstract, c.abstractPlain);
  }
}

function newPaper(id: number, c: Candidate, sink: AbstractSink | null): Paper {
  const p = newPaperFields(id, c);
  setAbstract(p, id - 1, c, sink);
  return p;
}

function newPaperFields(id: number, c: Candidate): Paper {
  return {
    id,
    title: c.title,
    titleDerived: c.titleDerived,
    abstract: '',
    abstractPlain: '',
    abstractLength: 0,
    tldr: c.tldr,
    year: c.year,
    date: c.date,
    venue: c.venue,
    label: c.label,
    externalId: c.externalId,
    authors: c.authors,
    authorCount: c.authorCount,
    sources: [c.source],
    doi: c.doi,
    ids: c.ids,
    citedBy: c.citedBy,
    citedBySource: c.citedBy !== null ? c.layout : null,
    docType: c.docType,
    volume: c.volume,
    firstPage: c.firstPage,
    keywords: c.keywords,
    affiliations: c.affiliations,
    references: c.references,
    relations: c.relations,
    fieldSources: NO_FIELD_SOURCES,
  };
}

/** The provenance of a paper with one record: none to tell (shared, never written to). */
const NO_FIELD_SOURCES: Paper['fieldSources'] = Object.freeze({});

/** First authors' surname keys of a title match: different surnames mean different papers. */
interface TitleEntry {
  paper: number;
  year: number | null;
  firstAuthor: string;
}

/** True when a title match is the same paper: no two DOIs, years within one, same first author. */
function sameByTitle(p: Paper, entry: TitleEntry, c: Candidate): boolean {
  if (p.doi !== null && c.doi !== null && p.doi !== c.doi) return false;
  // A paper's year differs by one between a preprint listing, online-first and print.
  if (entry.year !== null && c.year !== null && Math.abs(entry.year - c.year) > 1) return false;
  if (entry.firstAuthor !== '' && c.firstAuthorKey !== '' && entry.firstAuthor !== c.firstAuthorKey) return false;
  return true;
}

/** A short fingerprint of an abstract key (its first 72 bits of SHA-1): the index holds these
 * rather than the 300-character keys, a few megabytes instead of hundreds at a million papers. */
function fingerprint(key: string): string {
  return crypto.createHash('sha1').update(key).digest('base64').slice(0, 12);
}

/**
 * De-duplicates candidates given one at a time in input order (files sorted, records in file
 * order): `add` each, then `finish`. Deterministic: the same candidates give the same papers and
 * ids. With an `AbstractSink`, each paper's abstract goes to the sink as it is read (papers keep
 * only its length), so memory holds the papers' other fields and the match keys, not the texts.
 */
export class PaperMerger {
  private readonly papers: Paper[] = [];
  private readonly firstFile: number[] = [];
  private readonly byDoi = new Map<string, number>();
  private readonly byId = new Map<string, number>();
  private readonly byTitle = new Map<string, TitleEntry>();
  private readonly byAbstract = new Map<string, number>();
  private readonly kept: number[];
  private readonly merged: number[];
  private readonly mergedBy: Record<MatchKind, number>[];
  private readonly mergedWith: Map<number, number>[];

  constructor(
    fileCount: number,
    private readonly sink: AbstractSink | null = null,
  ) {
    this.kept = new Array<number>(fileCount).fill(0);
    this.merged = new Array<number>(fileCount).fill(0);
    this.mergedBy = Array.from({ length: fileCount }, () => ({ doi: 0, id: 0, title: 0, abstract: 0 }));
    this.mergedWith = Array.from({ length: fileCount }, () => new Map<number, number>());
  }

  /** Papers so far. */
  get size(): number {
    return this.papers.length;
  }

  /** Makes room for per-file counts of `fileCount` files (a caller that learns of files as it reads). */
  private growFiles(fileCount: number): void {
    while (this.kept.length < fileCount) {
      this.kept.push(0);
      this.merged.push(0);
      this.mergedBy.push({ doi: 0, id: 0, title: 0, abstract: 0 });
      this.mergedWith.push(new Map());
    }
  }

  add(c: Candidate): void {
    const { papers, byDoi, byId, byTitle, byAbstract } = this;
    this.growFiles(c.fileIndex + 1);
    let at: number | undefined;
    let how: MatchKind = 'doi';
    if (c.doi !== null) at = byDoi.get(c.doi);
    if (at === undefined) {
      how = 'id';
      for (const id of c.ids) {
        const hit = byId.get(idKey(id));
        // An identifier match never joins two different DOIs.
        if (hit !== undefined && (c.doi === null || papers[hit].doi === null || papers[hit].doi === c.doi)) {
          at = hit;
          break;
        }
      }
    }
    if (at === undefined && c.titleKey !== null) {
      how = 'title';
      const entry = byTitle.get(c.titleKey);
      if (entry !== undefined && sameByTitle(papers[entry.paper], entry, c)) at = entry.paper;
    }
    // Abstracts decide a match only when one of the two records has no real title.
    const openingKey = abstractKey(c.abstract);
    const abstractPrint = openingKey === null ? null : fingerprint(openingKey);
    if (at === undefined && abstractPrint !== null) {
      how = 'abstract';
      const hit = byAbstract.get(abstractPrint);
      if (hit !== undefined && (c.titleDerived || papers[hit].titleDerived)) at = hit;
    }
    if (at === undefined) {
      at = papers.length;
      papers.push(newPaper(at + 1, c, this.sink));
      this.firstFile.push(c.fileIndex);
      this.kept[c.fileIndex]++;
    } else {
      mergeInto(papers[at], at, c, this.sink);
      this.merged[c.fileIndex]++;
      this.mergedBy[c.fileIndex][how]++;
      const withFile = this.mergedWith[c.fileIndex];
      withFile.set(this.firstFile[at], (withFile.get(this.firstFile[at]) ?? 0) + 1);
    }
    const p = papers[at];
    if (p.doi !== null && !byDoi.has(p.doi)) byDoi.set(p.doi, at);
    if (c.doi !== null && !byDoi.has(c.doi)) byDoi.set(c.doi, at);
    for (const id of c.ids) {
      const k = idKey(id);
      if (!byId.has(k)) byId.set(k, at);
    }
    if (!p.titleDerived && c.titleKey !== null && !byTitle.has(c.titleKey)) {
      byTitle.set(c.titleKey, { paper: at, year: p.year, firstAuthor: c.firstAuthorKey });
    }
    if (abstractPrint !== null && !byAbstract.has(abstractPrint)) byAbstract.set(abstractPrint, at);
  }

  /** The papers with ids 1..n in order of first appearance, and the counts of `fileCount` files. */
  finish(fileCount = 0): DedupeResult {
    this.growFiles(fileCount);
    // After a merge the year follows the most precise date, so the two never disagree.
    for (const p of this.papers) {
      if (p.sources.length > 1 && p.date !== null) p.year = Number(p.date.slice(0, 4));
    }
    return {
      papers: this.papers,
      kept: this.kept,
      merged: this.merged,
      mergedBy: this.mergedBy,
      mergedWith: this.mergedWith,
    };
  }
}

/** De-duplicates candidates given in input order, holding every abstract in memory (see PaperMerger). */
export function buildPapers(candidates: readonly Candidate[], fileCount: number): DedupeResult {
  const merger = new PaperMerger(fileCount);
  for (const c of candidates) merger.add(c);
  return merger.finish(fileCount);
}
