import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { readAuthor, readAuthorName, readOrExplain } from '@/lib/store/read';
import { formatCount } from '@/lib/viz/format';
import { parseRouteId } from '@/lib/viz/url-state';
import { AuthorAffiliations } from '../../components/author/AuthorAffiliations';
import { AuthorCoauthors, AuthorEgoNetwork } from '../../components/author/AuthorCoauthors';
import { AuthorGraphStats, AuthorHeader } from '../../components/author/AuthorHeader';
import { AuthorTopics } from '../../components/author/AuthorTopics';
import { NoBuild } from '../../components/NoBuild';
import { PaperItem } from '../../components/PaperItem';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseRouteId((await params).id);
  const result = id != null ? readOrExplain(() => readAuthorName(id)) : null;
  return { title: result?.ok && result.value ? result.value : 'Author' };
}

export default async function AuthorPage({ params }: Props) {
  await connection();
  const id = parseRouteId((await params).id);
  if (id == null) notFound();
  const result = readOrExplain(() => readAuthor(id));
  if (!result.ok) return <NoBuild problem={result.problem} />;
  const author = result.value;
  if (!author) notFound();
  return (
    <div className="page">
      <AuthorHeader author={author} />
      {author.stats && <AuthorGraphStats stats={author.stats} />}

      <div className="grid-2 section">
        <section className="card" aria-labelledby="papers-title">
          <h2 id="papers-title" className="card-title">
            Papers
          </h2>
          <ul className="paper-list">
            {author.papers.map((p) => (
              <PaperItem key={p.id} paper={p} />
            ))}
          </ul>
          {author.paperCount > author.papers.length && (
            <p className="subtle">
              The newest {formatCount(author.papers.length)} of {formatCount(author.paperCount)} papers.{' '}
              <Link href={`/search?author=${author.id}`}>All their papers →</Link>
            </p>
          )}
        </section>

        <div className="stack">
          <AuthorEgoNetwork author={author} />
          <AuthorCoauthors coauthors={author.coauthors} />
          <AuthorAffiliations author={author} />
          <AuthorTopics topics={author.topics} />
        </div>
      </div>
    </div>
  );
}
