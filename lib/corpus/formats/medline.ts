/**
 * PubMed MEDLINE / .nbib text (PMID- …)
 */
import type { FormatSpec } from '../format-spec';

/** PubMed MEDLINE / .nbib text (PMID- …) */
export const MEDLINE_FORMAT: FormatSpec = {
  name: 'medline',
  description: 'PubMed MEDLINE / .nbib text (PMID- …)',
  input: 'lines',
  detect: () => false,
  createParser: () => {
    throw new Error('medline: not implemented yet');
  },
};
