/** A topic's most cited papers (by corpus papers) and the references its papers cite most. */
import type { CitationSummary, CitedPaper, CitedReference } from '@/lib/store/read/citations';
import { CitedPaperList, CitedReferenceList } from './CitedLists';
import { NoReferences } from './Foundations';

export function TopicCitations({
  summary,
  papers,
  references,
}: {
  summary: CitationSummary;
  papers: CitedPaper[];
  references: CitedReference[];
}) {
  return (
    <section className="card section" aria-labelledby="topic-cited" data-testid="topic-citations">
      <h2 id="topic-cited" className="card-title">
        Most cited
      </h2>
      {summary.papersWithReferences === 0 ? (
        <NoReferences />
      ) : (
        <div className="grid-2">
          <div>
            <h3>Papers of this topic, by citations from the corpus</h3>
            <CitedPaperList papers={papers} empty="No paper of this topic is cited inside the corpus." />
          </div>
          <div>
            <h3>References its papers cite most</h3>
            <CitedReferenceList references={references} empty="No reference is cited by two papers of this topic." />
          </div>
        </div>
      )}
    </section>
  );
}
