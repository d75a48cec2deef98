import type { PaperDetail } from '@/lib/store/read/papers';
import { LatexText } from '../LatexText';

/** The tl;dr, when the source has one, and the abstract in its paragraphs. */
export function PaperAbstract({ paper }: { paper: PaperDetail }) {
  return (
    <>
      {paper.tldr && (
        <div className="callout">
          <strong>tl;dr</strong> <LatexText text={paper.tldr} />
        </div>
      )}
      <section className="card" aria-labelledby="abstract-title">
        <h2 id="abstract-title" className="card-title">
          Abstract
        </h2>
        {paper.abstract === '' ? (
          <p className="muted">
            The source gives no abstract.{' '}
            {paper.topic
              ? 'The topic comes from the title alone.'
              : 'The title is too short to place the paper in a topic.'}
          </p>
        ) : (
          <div className="abstract">
            {paper.abstract.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>
                <LatexText text={paragraph} />
              </p>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
