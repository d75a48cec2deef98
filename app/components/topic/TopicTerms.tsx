import type { TopicDetail } from '@/lib/store/read/topics';
import { formatCount } from '@/lib/viz/format';
import { TopicTermChart } from '../charts/TopicTermChart';

/** The topic's terms by c-TF-IDF, re-ordered by LDAvis relevance at λ. */
export function TopicTerms({
  detail,
  color,
  lambda,
}: {
  detail: TopicDetail;
  color: string;
  /** λ from the URL; null = the chart's default. */
  lambda: number | null;
}) {
  const { topic } = detail;
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title" className="card-title">
        Terms
      </h2>
      {detail.terms.length > 0 ? (
        <TopicTermChart
          terms={detail.terms}
          color={color}
          initialLambda={lambda}
          topicId={topic.id}
          topicLabel={topic.label}
        />
      ) : (
        <p className="muted">No terms stored for this topic.</p>
      )}
      <p className="subtle" style={{ marginTop: 12 }}>
        Bars show c-TF-IDF weight (how distinctive a term is of this topic). Relevance re-orders them as in LDAvis:
        λ·log p(w|t) + (1−λ)·log(p(w|t)/p(w)). Here p(w|t) is a term&apos;s count over the counts of the topic&apos;s
        stored top terms, and p(w) its document frequency over {formatCount(detail.corpusPapers)} papers: an
        approximation of the token probabilities LDAvis uses.
      </p>
    </section>
  );
}
