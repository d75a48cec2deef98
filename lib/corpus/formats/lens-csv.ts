/**
 * Lens.org scholarly works CSV export
 */
import type { FormatSpec } from '../format-spec';

/** Lens.org scholarly works CSV export */
export const LENS_CSV_FORMAT: FormatSpec = {
  name: 'lens-csv',
  description: 'Lens.org scholarly works CSV export',
  input: 'lines',
  detect: () => false,
  createParser: () => {
    throw new Error('lens-csv: not implemented yet');
  },
};
