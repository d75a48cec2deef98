/**
 * OpenAlex works: API result pages, JSON arrays, JSON lines (abstract_inverted_index)
 */
import type { FormatSpec } from '../format-spec';

/** OpenAlex works: API result pages, JSON arrays, JSON lines (abstract_inverted_index) */
export const OPENALEX_FORMAT: FormatSpec = {
  name: 'openalex',
  description: 'OpenAlex works: API result pages, JSON arrays, JSON lines (abstract_inverted_index)',
  input: 'chunks',
  detect: () => false,
  createParser: () => {
    throw new Error('openalex: not implemented yet');
  },
};
