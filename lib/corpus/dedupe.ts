/**
 * De-duplication: the same paper listed in several files (or twice in one) becomes one paper.
 * Records match on their normalized title; a record without a real title matches on its
 * abstract's opening (and so does a titled record meeting a paper known only by its abstract).
 * Two records with different real titles are never merged on abstract alone.
 */
import type { Paper } from './types';
import { buildAbstractKey, type Candidate } from './normalize-record';

/** Papers in order of first appearance with ids 1..n, and per input file how many were new or merged. */
export interface DedupeResult {
  papers: Paper[];
  /** Indexed by file index: papers first seen in that file. */
  kept: number[];
  /** Indexed by file index: records merged into a paper already seen. */
  merged: number[];
}

function moreAuthors(a: Paper, c: Candidate): boolean {
  return c.authors.length > a.authors.length;
}

/** Folds a candidate into a paper, keeping the best of each field. */
function mergeInto(p: Paper, c: Candidate): void {
  if (p.titleDerived && !c.titleDerived) {
    p.title = c.title;
    p.titleDerived = false;
  }
  // A listing may cut an abstract short: keep the longer one.
  if (c.abstract.length > p.abstract.length) {
    p.abstract = c.abstract;
    p.abstractPlain = c.abstractPlain;
  }
  p.tldr ??= c.tldr;
  // An author page credits only its owner; a venue listing names everyone.
  if (moreAuthors(p, c)) p.authors = c.authors;
  p.authorCount ??= c.authorCount;
  if (c.date !== null && (p.date === null || c.date.length > p.date.length)) p.date = c.date;
  p.year ??= c.year;
  p.venue ??= c.venue;
  p.label ??= c.label;
  p.externalId ??= c.externalId;
  p.sources.push(c.source);
}

function newPaper(id: number, c: Candidate): Paper {
  return {
    id,
    title: c.title,
    titleDerived: c.titleDerived,
    abstract: c.abstract,
    abstractPlain: c.abstractPlain,
    tldr: c.tldr,
    year: c.year,
    date: c.date,
    venue: c.venue,
    label: c.label,
    externalId: c.externalId,
    authors: c.authors,
    authorCount: c.authorCount,
    sources: [c.source],
  };
}

/**
 * Builds de-duplicated papers from candidates given in input order (files sorted, records in file
 * order). Deterministic: the same candidates give the same papers and ids.
 */
export function buildPapers(candidates: readonly Candidate[], fileCount: number): DedupeResult {
  const papers: Paper[] = [];
  const byTitle = new Map<string, number>();
  const byAbstract = new Map<string, number>();
  const kept = new Array<number>(fileCount).fill(0);
  const merged = new Array<number>(fileCount).fill(0);
  // Abstracts only decide a match when some record has no real title; otherwise skip their keys.
  const useAbstracts = candidates.some((c) => c.titleDerived);
  for (const c of candidates) {
    let at: number | undefined = c.titleKey !== null ? byTitle.get(c.titleKey) : undefined;
    const abstractKey = useAbstracts ? buildAbstractKey(c.abstract) : null;
    if (at === undefined && abstractKey !== null) {
      const hit = byAbstract.get(abstractKey);
      if (hit !== undefined && (c.titleDerived || papers[hit].titleDerived)) at = hit;
    }
    if (at === undefined) {
      at = papers.length;
      papers.push(newPaper(at + 1, c));
      kept[c.fileIndex]++;
    } else {
      mergeInto(papers[at], c);
      merged[c.fileIndex]++;
    }
    const p = papers[at];
    if (!p.titleDerived && c.titleKey !== null && !byTitle.has(c.titleKey)) byTitle.set(c.titleKey, at);
    if (abstractKey !== null && !byAbstract.has(abstractKey)) byAbstract.set(abstractKey, at);
  }
  // After a merge the year follows the most precise date, so the two never disagree.
  for (const p of papers) {
    if (p.sources.length > 1 && p.date !== null) p.year = Number(p.date.slice(0, 4));
  }
  return { papers, kept, merged };
}
