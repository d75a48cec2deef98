/**
 * Semantic Scholar Graph API JSON (a paper with citations/references, or data lists)
 */
import type { FormatSpec } from '../format-spec';

/** Semantic Scholar Graph API JSON (a paper with citations/references, or data lists) */
export const S2_FORMAT: FormatSpec = {
  name: 'semantic-scholar',
  description: 'Semantic Scholar Graph API JSON (a paper with citations/references, or data lists)',
  input: 'chunks',
  detect: () => false,
  createParser: () => {
    throw new Error('semantic-scholar: not implemented yet');
  },
};
