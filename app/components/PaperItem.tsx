import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PaperListItem } from '@/lib/store/read';
import { topicColor } from '@/lib/viz/palette';
import { formatAuthorsShort, formatPaperDate } from '@/lib/viz/format';

/** A paper as one line of a list: title link, authors, date, venue, topic; children go below. */
export function PaperItem({
  paper,
  title,
  authors,
  extra,
  children,
  showTopic = true,
}: {
  paper: PaperListItem;
  /** Replaces the plain title (e.g. with highlighted matches). */
  title?: ReactNode;
  /** Replaces the plain author line. */
  authors?: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
  showTopic?: boolean;
}) {
  const authorLine =
    authors ??
    (paper.authorsText
      ? formatAuthorsShort(paper.authorsText, 4)
      : paper.authorCount
        ? `${paper.authorCount} authors, names not in the source`
        : null);
  return (
    <li className="paper-item">
      <Link href={`/papers/${paper.id}`} className="paper-title">
        {title ?? paper.title}
      </Link>
      {paper.titleDerived && (
        <span
          className="badge"
          style={{ marginLeft: 8 }}
          title="The source had no title; this one was derived from the tl;dr or first sentence"
        >
          derived title
        </span>
      )}
      <div className="paper-meta">
        {authorLine && <span>{authorLine}</span>}
        {(paper.date || paper.year) && <span className="nowrap">{formatPaperDate(paper.date, paper.year)}</span>}
        {paper.venue && <span>{paper.venue}</span>}
        {showTopic && paper.topicId != null && (
          <Link href={`/topics/${paper.topicId}`} className="cluster" style={{ gap: 5 }}>
            <span className="swatch" style={{ background: topicColor(paper.topicId) }} aria-hidden="true" />
            {paper.topicLabel}
          </Link>
        )}
        {extra}
      </div>
      {children}
    </li>
  );
}
