/**
 * Web of Science tab-delimited (Win/Mac, UTF-8 or UTF-16)
 */
import type { FormatSpec } from '../format-spec';

/** Web of Science tab-delimited (Win/Mac, UTF-8 or UTF-16) */
export const WOS_TAB_FORMAT: FormatSpec = {
  name: 'wos-tab',
  description: 'Web of Science tab-delimited (Win/Mac, UTF-8 or UTF-16)',
  input: 'lines',
  detect: () => false,
  createParser: () => {
    throw new Error('wos-tab: not implemented yet');
  },
};
