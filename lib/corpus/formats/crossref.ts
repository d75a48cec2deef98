/**
 * Crossref REST works JSON (message.items or one message)
 */
import type { FormatSpec } from '../format-spec';

/** Crossref REST works JSON (message.items or one message) */
export const CROSSREF_FORMAT: FormatSpec = {
  name: 'crossref',
  description: 'Crossref REST works JSON (message.items or one message)',
  input: 'chunks',
  detect: () => false,
  createParser: () => {
    throw new Error('crossref: not implemented yet');
  },
};
