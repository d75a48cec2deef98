import 'katex/dist/katex.min.css';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { readPaper, readPaperMapSample, readOrExplain } from '@/lib/store/read';
import { parseRouteId } from '@/lib/viz/url-state';
import { NoBuild } from '../../components/NoBuild';
import { PaperAbstract } from '../../components/paper/PaperAbstract';
import { PaperCorpusCitations, PaperReferences, SimilarPapers } from '../../components/paper/PaperCitations';
import { PaperHeader } from '../../components/paper/PaperHeader';
import { PaperKeywords } from '../../components/paper/PaperKeywords';
import { PaperSources } from '../../components/paper/PaperSources';
import { PaperTopic } from '../../components/paper/PaperTopic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseRouteId((await params).id);
  if (id == null) return { title: 'Paper' };
  const result = readOrExplain(() => readPaper(id));
  return { title: result.ok && result.value ? result.value.title : 'Paper' };
}

export default async function PaperPage({ params }: Props) {
  await connection();
  const id = parseRouteId((await params).id);
  if (id == null) notFound();
  const result = readOrExplain(() => {
    const paper = readPaper(id);
    return paper ? { paper, sample: paper.position ? readPaperMapSample(1200) : null } : null;
  });
  if (!result.ok) return <NoBuild problem={result.problem} />;
  if (!result.value) notFound();
  const { paper, sample } = result.value;
  return (
    <div className="page">
      <PaperHeader paper={paper} />

      <div className="grid-main-aside">
        <div className="stack">
          <PaperAbstract paper={paper} />
          <PaperKeywords keywords={paper.keywords} />
          <PaperReferences paper={paper} />
          <PaperCorpusCitations paper={paper} />
          <SimilarPapers paper={paper} />
        </div>

        <aside className="stack">
          <PaperTopic paper={paper} sample={sample} />
          <PaperSources paper={paper} />
        </aside>
      </div>
    </div>
  );
}
