/**
 * Scopus CSV export (old and current layouts)
 */
import type { FormatSpec } from '../format-spec';

/** Scopus CSV export (old and current layouts) */
export const SCOPUS_CSV_FORMAT: FormatSpec = {
  name: 'scopus-csv',
  description: 'Scopus CSV export (old and current layouts)',
  input: 'lines',
  detect: () => false,
  createParser: () => {
    throw new Error('scopus-csv: not implemented yet');
  },
};
