/**
 * IEEE Xplore CSV export
 */
import type { FormatSpec } from '../format-spec';

/** IEEE Xplore CSV export */
export const IEEE_CSV_FORMAT: FormatSpec = {
  name: 'ieee-csv',
  description: 'IEEE Xplore CSV export',
  input: 'lines',
  detect: () => false,
  createParser: () => {
    throw new Error('ieee-csv: not implemented yet');
  },
};
