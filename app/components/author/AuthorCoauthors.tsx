import Link from 'next/link';
import type { AuthorDetail } from '@/lib/store/read/authors';
import { formatCount } from '@/lib/viz/format';
import { EgoNetworkView } from '../viz/graph/EgoNetworkView';
import { ExportChart } from '../ExportChart';

/** The author's ego network, drawn. */
export function AuthorEgoNetwork({ author }: { author: AuthorDetail }) {
  return (
    <section className="card" aria-labelledby="ego-title">
      <div className="card-header">
        <h2 id="ego-title">Co-author network</h2>
      </div>
      {author.ego && author.ego.coauthors.length > 0 ? (
        <>
          <ExportChart filename={`author-${author.id}-network`} label="co-author network">
            <EgoNetworkView ego={author.ego} />
          </ExportChart>
          <p className="subtle" style={{ marginTop: 8 }}>
            {author.ego.truncated ? `The ${author.ego.coauthors.length} strongest ties are shown. ` : ''}
            Colours are co-author communities; thicker lines mean more joint papers.
          </p>
        </>
      ) : (
        <p className="muted">No co-authors in the graph (papers with very many authors add no links).</p>
      )}
    </section>
  );
}

/** The author's co-authors with their joint papers. */
export function AuthorCoauthors({ coauthors }: { coauthors: AuthorDetail['coauthors'] }) {
  return (
    <section className="card" aria-labelledby="coauthors-title">
      <h2 id="coauthors-title" className="card-title">
        Co-authors
      </h2>
      {coauthors.length === 0 ? (
        <p className="muted">None named.</p>
      ) : (
        <div className="table-scroll" style={{ maxHeight: 360, overflowY: 'auto' }}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Joint papers
                </th>
              </tr>
            </thead>
            <tbody>
              {coauthors.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/authors/${c.id}`}>{c.name}</Link>
                  </td>
                  <td className="num">{formatCount(c.joint)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
