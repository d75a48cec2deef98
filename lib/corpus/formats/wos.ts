/**
 * Web of Science plain text (FN/VR header, two-letter tags, ER/EF)
 */
import type { FormatSpec } from '../format-spec';

/** Web of Science plain text (FN/VR header, two-letter tags, ER/EF) */
export const WOS_FORMAT: FormatSpec = {
  name: 'wos',
  description: 'Web of Science plain text (FN/VR header, two-letter tags, ER/EF)',
  input: 'lines',
  detect: () => false,
  createParser: () => {
    throw new Error('wos: not implemented yet');
  },
};
