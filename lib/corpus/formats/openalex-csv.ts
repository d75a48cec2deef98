/**
 * OpenAlex web CSV export (pipe-separated lists)
 */
import type { FormatSpec } from '../format-spec';

/** OpenAlex web CSV export (pipe-separated lists) */
export const OPENALEX_CSV_FORMAT: FormatSpec = {
  name: 'openalex-csv',
  description: 'OpenAlex web CSV export (pipe-separated lists)',
  input: 'lines',
  detect: () => false,
  createParser: () => {
    throw new Error('openalex-csv: not implemented yet');
  },
};
