import Link from 'next/link';
import type { Overview } from '@/lib/store/read/overview';
import { formatCount, formatSourceName } from '@/lib/viz/format';

/** What became of each source file's records: kept, merged, without abstract, rejected. */
export function SourcesTable({ sources }: { sources: Overview['sources'] }) {
  return (
    <section className="card section" id="sources" aria-labelledby="sources-title">
      <div className="card-header">
        <h2 id="sources-title">Sources</h2>
        <span className="subtle">what became of each file&apos;s records</span>
      </div>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Venue</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">
                Records
              </th>
              <th scope="col" className="num">
                Kept
              </th>
              <th scope="col" className="num">
                Merged
              </th>
              <th scope="col" className="num">
                No abstract
              </th>
              <th scope="col" className="num">
                Rejected
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.file}>
                <td>
                  <Link href={`/search?source=${encodeURIComponent(s.file)}`} title={s.notes ?? undefined}>
                    {formatSourceName(s.file)}
                  </Link>
                </td>
                <td>
                  {s.venue
                    ? s.year && !s.venue.includes(String(s.year))
                      ? `${s.venue} ${s.year}`
                      : s.venue
                    : (s.year ?? '–')}
                </td>
                <td>
                  <code>{s.layout}</code>
                  {s.warnings.map((w) => (
                    <span key={w} className="badge badge-warning" title={w} style={{ marginLeft: 6 }}>
                      note
                    </span>
                  ))}
                </td>
                <td className="num">{formatCount(s.recordsRead)}</td>
                <td className="num">{formatCount(s.papersKept)}</td>
                <td
                  className="num"
                  title={
                    s.duplicatesMerged > 0
                      ? [
                          ...Object.entries(s.mergedBy)
                            .filter(([, n]) => n > 0)
                            .map(([how, n]) => `${formatCount(n)} by ${how === 'id' ? 'identifier' : how}`),
                          ...Object.entries(s.mergedWith).map(
                            ([file, n]) => `${formatCount(n)} into papers of ${formatSourceName(file)}`,
                          ),
                        ].join('\n')
                      : undefined
                  }
                >
                  {formatCount(s.duplicatesMerged)}
                </td>
                <td className="num">{formatCount(s.withoutAbstract)}</td>
                <td className="num">
                  {s.rejected > 0 ? (
                    <Link
                      href="/quality#rejected"
                      title={Object.entries(s.rejectReasons)
                        .map(([reason, n]) => `${reason}: ${n}`)
                        .join('\n')}
                    >
                      {formatCount(s.rejected)}
                    </Link>
                  ) : (
                    '0'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
