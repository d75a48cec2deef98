/**
 * EndNote XML (xml/records/record)
 */
import type { FormatSpec } from '../format-spec';

/** EndNote XML (xml/records/record) */
export const ENDNOTE_XML_FORMAT: FormatSpec = {
  name: 'endnote-xml',
  description: 'EndNote XML (xml/records/record)',
  input: 'chunks',
  detect: () => false,
  createParser: () => {
    throw new Error('endnote-xml: not implemented yet');
  },
};
