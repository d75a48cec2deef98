/** Types for the one file of natural we load: its Porter stemmer, imported on its own so the
 * package index (which pulls in database clients) is never evaluated. */
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
