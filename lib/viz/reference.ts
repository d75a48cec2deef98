/**
 * A cited reference as the citation panels show it: its title when known (the corpus paper's, or
 * one a source's reference writes), else a line naming it (`Kamada T (1989) INFORM PROCESS LETT 31,
 * p. 7`, `OpenAlex W123`), else the text as the source wrote it; and where it links out.
 */
import { formatReferenceCitation, parseReferenceParts } from '../citations/reference-parts';

export interface ReferenceDisplay {
  /** The line shown. */
  text: string;
  /** Author, year and source under a title; null when `text` already is that line (or there is none). */
  detail: string | null;
  /** DOI, OpenAlex or PubMed page; null when the reference names none. */
  href: string | null;
}

/** The DOI's resolver address, its slashes kept. */
export function formatDoiHref(doi: string): string {
  return `https://doi.org/${encodeURIComponent(doi).replace(/%2F/g, '/')}`;
}

/** A cited reference for display: its title (else its citation line, else the raw text), the
 * citation as detail when there is a title, and a link by DOI, OpenAlex id or PubMed id. */
export function formatReference(ref: {
  key: string | null;
  raw: string;
  doi: string | null;
  title?: string | null;
}): ReferenceDisplay {
  const parts = parseReferenceParts(ref.raw, ref.key);
  const title = ref.title ?? parts.title;
  const citation = formatReferenceCitation(parts);
  const href =
    ref.doi !== null
      ? formatDoiHref(ref.doi)
      : parts.openalex !== null
        ? `https://openalex.org/${parts.openalex}`
        : parts.pmid !== null
          ? `https://pubmed.ncbi.nlm.nih.gov/${parts.pmid}/`
          : null;
  return { text: title ?? citation ?? ref.raw, detail: title !== null ? citation : null, href };
}
