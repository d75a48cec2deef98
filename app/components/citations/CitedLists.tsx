/** The two lists of the citation panels: cited corpus papers with their counts, and cited references. */
import Link from 'next/link';
import type { CitedPaper, CitedReference } from '@/lib/store/read/citations';
import { formatCount, formatPlural } from '@/lib/viz/format';

export function CitedPaperList({ papers, empty, testId }: { papers: CitedPaper[]; empty: string; testId?: string }) {
  if (papers.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="row-list" data-testid={testId}>
      {papers.map((p) => (
        <li key={p.id}>
          <Link href={`/papers/${p.id}`} className="grow">
            {p.title}
          </Link>
          <span className="subtle">
            {formatPlural(p.local, 'citation')} here
            {p.global !== null ? ` · ${formatCount(p.global)} in all` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function CitedReferenceList({
  references,
  empty,
  testId,
}: {
  references: CitedReference[];
  empty: string;
  testId?: string;
}) {
  if (references.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="row-list" data-testid={testId}>
      {references.map((r) => (
        <li key={r.key}>
          <span className="grow" title={r.raw}>
            {r.paperId !== null ? (
              <Link href={`/papers/${r.paperId}`}>{r.display.text}</Link>
            ) : r.display.href !== null ? (
              <a href={r.display.href} rel="noreferrer">
                {r.display.text}
              </a>
            ) : (
              r.display.text
            )}
            {r.display.detail !== null && <span className="subtle reference-detail">{r.display.detail}</span>}
          </span>
          <span className="subtle">{formatPlural(r.citations, 'paper')}</span>
        </li>
      ))}
    </ol>
  );
}
