/** Text: from paper titles and abstracts to terms (stems and phrases) with readable labels. */
export { tokenizeCorpus, resolveTokenizeOptions } from './tokenize-corpus';
export type { TokenizeOptions } from './tokenize-corpus';
export type { DocumentSource, StoredDocuments } from './surface-stream';
export { tokenizeText, cleanText, splitWords, BOUNDARY } from './tokenize';
export { STOP_WORDS } from './stop-words';
export { stemWord, porterStem, createStemCache } from './stem';
export { scoreNpmi } from './phrases';
export type { TokenizedCorpus, Vocabulary } from './types';
