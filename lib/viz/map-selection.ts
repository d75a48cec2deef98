/**
 * The map's selection list and its CSV export: how many papers each takes, the query that fetches
 * their cards, and the CSV's columns.
 */
import type { MapPaperCard } from '../store/read/map';
import { formatCsv } from './csv';

/** Papers listed beside the map for a selection. */
export const SELECTION_LIST = 100;
/** Papers a CSV export of a selection takes. */
export const CSV_MAX = 10_000;
/** Up to this many ids go in a GET's query (cacheable); more go in a POST body. */
export const CARDS_GET_MAX = 200;

/** The GET URL of some papers' cards. */
export function formatCardsUrl(ids: readonly number[]): string {
  return `/api/map/papers?ids=${ids.join(',')}`;
}

/** A selection's papers as CSV, one row per card. */
export function formatSelectionCsv(cards: readonly MapPaperCard[]): string {
  return formatCsv(
    ['id', 'title', 'authors', 'year', 'venue', 'topic_id', 'topic', 'subtopic', 'outlier', 'source'],
    cards.map((c) => [
      c.id,
      c.title,
      c.authors,
      c.year,
      c.venue,
      c.topicId,
      c.topicLabel,
      c.subtopicLabel,
      c.outlier ? 1 : 0,
      c.source,
    ]),
  );
}
