import Link from 'next/link';
import type { PaperDetail } from '@/lib/store/read/papers';
import { formatCount, formatDecimal, formatPlural } from '@/lib/viz/format';
import { LatexText } from '../LatexText';
import { PaperItem } from '../PaperItem';

/** The paper's references, those in the corpus linked to their pages. */
export function PaperReferences({ paper }: { paper: PaperDetail }) {
  if (paper.referenceCount === 0) return null;
  return (
    <section className="card" aria-labelledby="references-title">
      <h2 id="references-title" className="card-title">
        References
      </h2>
      <p className="subtle">
        {formatPlural(paper.referenceCount, 'reference')}; {formatCount(paper.resolvedReferenceCount)} of them in this
        corpus
        {paper.referenceCount > paper.references.length ? ` (the first ${paper.references.length} listed)` : ''}.
      </p>
      <ol className="reference-list">
        {paper.references.map((r) => (
          <li key={r.position}>
            {r.cited ? (
              <Link href={`/papers/${r.cited.id}`}>
                <LatexText text={r.cited.title} />
              </Link>
            ) : r.display.href !== null ? (
              <a href={r.display.href} rel="noreferrer" title={r.raw}>
                {r.display.text}
              </a>
            ) : (
              <span title={r.raw}>{r.display.text}</span>
            )}
            {r.cited && (r.display.detail ?? r.display.text) !== r.cited.title && (
              <span className="subtle"> · {r.display.detail ?? r.display.text}</span>
            )}
            {!r.cited && r.display.detail !== null && <span className="subtle"> · {r.display.detail}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The corpus's papers that cite this one and those it cites, each with its local and global counts. */
export function PaperCorpusCitations({ paper }: { paper: PaperDetail }) {
  if (paper.citedByCorpusCount === 0 && paper.citesCorpusCount === 0) return null;
  return (
    <section className="card" aria-labelledby="corpus-citations-title" data-testid="corpus-citations">
      <h2 id="corpus-citations-title" className="card-title">
        Citations in this corpus
      </h2>
      <p className="subtle" data-testid="citation-cluster">
        Beside each paper: its citations from this corpus, then the count its source reported in all.
        {paper.citationCluster && (
          <>
            {' '}
            It belongs to the citation cluster &ldquo;
            {paper.citationCluster.label || `Cluster ${paper.citationCluster.id + 1}`}&rdquo;
            {paper.citationCluster.drawn && (
              <>
                {' '}
                (<Link href={`/graph?net=citations&paper=${paper.id}`}>see it in the citation network</Link>)
              </>
            )}
            .
          </>
        )}
      </p>
      <div className="grid-2">
        {(
          [
            [
              'cited-by',
              'Cited by',
              paper.citedByCorpus,
              paper.citedByCorpusCount,
              'No paper of this corpus cites it.',
            ],
            ['cites', 'Cites', paper.citesCorpus, paper.citesCorpusCount, 'It cites no paper of this corpus.'],
          ] as const
        ).map(([key, heading, list, count, empty]) => (
          <div key={key} data-testid={`corpus-${key}`}>
            <h3>
              {heading} {formatPlural(count, 'paper')}
              {count > list.length ? ` (the ${list.length} most cited shown)` : ''}
            </h3>
            {list.length === 0 ? (
              <p className="muted">{empty}</p>
            ) : (
              <ul className="paper-list">
                {list.map((p) => (
                  <PaperItem key={p.id} paper={p} extra={<CitationCounts counts={paper.citationCounts[p.id]} />} />
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

/** A cited or citing paper's two counts, side by side: from this corpus, and in all (its source's). */
function CitationCounts({ counts }: { counts: { local: number; global: number | null } | undefined }) {
  if (!counts) return null;
  return (
    <span
      className="nowrap"
      data-testid="citation-counts"
      title="Citations from this corpus · times cited as its source counts them"
    >
      {formatCount(counts.local)} here{counts.global !== null ? ` · ${formatCount(counts.global)} in all` : ''}
    </span>
  );
}

/** The nearest papers by their LSA vectors. */
export function SimilarPapers({ paper }: { paper: PaperDetail }) {
  return (
    <section className="card" aria-labelledby="similar-title">
      <h2 id="similar-title" className="card-title">
        Similar papers
      </h2>
      {paper.similar.length === 0 ? (
        <p className="muted">None found.</p>
      ) : (
        <ul className="paper-list">
          {paper.similar.map((s) => (
            <PaperItem
              key={s.id}
              paper={s}
              extra={
                <span className="nowrap" title="Cosine similarity of the papers' LSA vectors">
                  similarity {formatDecimal(s.similarity, 2)}
                </span>
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
