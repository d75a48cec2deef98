/**
 * RIS (TY … ER), as Zotero, Scopus, IEEE Xplore, PubMed and Lens export it
 */
import type { FormatSpec } from '../format-spec';

/** RIS (TY … ER), as Zotero, Scopus, IEEE Xplore, PubMed and Lens export it */
export const RIS_FORMAT: FormatSpec = {
  name: 'ris',
  description: 'RIS (TY … ER), as Zotero, Scopus, IEEE Xplore, PubMed and Lens export it',
  input: 'lines',
  detect: () => false,
  createParser: () => {
    throw new Error('ris: not implemented yet');
  },
};
