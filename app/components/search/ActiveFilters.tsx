import Link from 'next/link';
import { formatSourceName } from '@/lib/viz/format';
import { formatSearchQuery, type SearchQuery } from '@/lib/viz/search-state';

/** The filters in force as chips; each chip's link is the same search without it. */
export function ActiveFilters({
  query,
  topicLabel,
  subtopicLabel,
  authorName,
}: {
  query: SearchQuery;
  topicLabel: string | undefined;
  subtopicLabel: string | null;
  authorName: string | undefined;
}) {
  const linkParams = { ...query, page: undefined, after: undefined };
  const without = (...keys: (keyof SearchQuery)[]) =>
    `/search?${formatSearchQuery({ ...linkParams, ...Object.fromEntries(keys.map((k) => [k, undefined])) })}`;
  return (
    <div className="cluster" style={{ marginBottom: 12 }} aria-label="Active filters">
      {query.topic != null && (
        <Link
          className="chip"
          href={without('topic', 'sub')}
          aria-label={`Remove topic filter ${topicLabel ?? query.topic}`}
        >
          Topic: {topicLabel ?? query.topic} ✕
        </Link>
      )}
      {query.sub != null && (
        <Link
          className="chip"
          href={without('sub')}
          aria-label={`Remove sub-topic filter ${subtopicLabel ?? query.sub}`}
        >
          Sub-topic: {subtopicLabel ?? `part ${query.sub + 1}`} ✕
        </Link>
      )}
      {(query.from != null || query.to != null) && (
        <Link className="chip" href={without('from', 'to')} aria-label="Remove year filter">
          Years: {query.from ?? '…'}–{query.to ?? '…'} ✕
        </Link>
      )}
      {query.source && (
        <Link className="chip" href={without('source')} aria-label="Remove source filter">
          Source: {formatSourceName(query.source)} ✕
        </Link>
      )}
      {query.author && (
        <Link className="chip" href={without('author')} aria-label="Remove author filter">
          Author: {authorName} ✕
        </Link>
      )}
    </div>
  );
}
