/**
 * PubMed XML (PubmedArticleSet)
 */
import type { FormatSpec } from '../format-spec';

/** PubMed XML (PubmedArticleSet) */
export const PUBMED_XML_FORMAT: FormatSpec = {
  name: 'pubmed-xml',
  description: 'PubMed XML (PubmedArticleSet)',
  input: 'chunks',
  detect: () => false,
  createParser: () => {
    throw new Error('pubmed-xml: not implemented yet');
  },
};
