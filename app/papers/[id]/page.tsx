import 'katex/dist/katex.min.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { LatexText } from '../../components/LatexText';
import { NoBuild } from '../../components/NoBuild';
import { PaperItem } from '../../components/PaperItem';
import { PaperMapThumbnail } from '../../components/PaperMapThumbnail';
import { parseId } from '../../components/params';
import { getPaper, getPaperMapSample, readOrExplain } from '@/lib/store/read';
import { formatDecimal, formatPaperDate, formatSourceName } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';
import { EMPTY_MAP_STATE, formatMapState } from '@/lib/viz/url-state';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  if (id == null) return { title: 'Paper' };
  const result = readOrExplain(() => getPaper(id));
  return { title: result.ok && result.value ? result.value.title : 'Paper' };
}

const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

export default async function PaperPage({ params }: Props) {
  await connection();
  const id = parseId((await params).id);
  if (id == null) notFound();
  const result = readOrExplain(() => {
    const paper = getPaper(id);
    return paper ? { paper, sample: paper.position ? getPaperMapSample(1200) : null } : null;
  });
  if (!result.ok) return <NoBuild problem={result.problem} />;
  if (!result.value) notFound();
  const { paper, sample } = result.value;
  const unnamed = paper.authors.length === 0 && (paper.authorCount ?? 0) > 0;
  return (
    <div className="page">
      <header className="page-header">
        <span className="eyebrow">Paper{paper.venue ? ` · ${paper.venue}` : ''}</span>
        <h1 style={{ maxWidth: '40ch' }}>
          <LatexText text={paper.title} />
        </h1>
        {paper.titleDerived && (
          <p>
            <span className="badge badge-warning" title="The source listed no title">
              derived title
            </span>{' '}
            <span className="subtle">The source had no title; this one is taken from the tl;dr or the first sentence.</span>
          </p>
        )}
        <p className="lede" style={{ fontSize: 'var(--text-md)' }}>
          {paper.authors.length > 0 ? (
            paper.authors.map((a, i) => (
              <span key={a.position}>
                {i > 0 && ', '}
                <Link href={`/authors/${a.id}`}>{a.name}</Link>
              </span>
            ))
          ) : unnamed ? (
            <span className="muted">{paper.authorCount} authors, names not in the source</span>
          ) : (
            <span className="muted">Authors not given</span>
          )}
        </p>
        <div className="paper-meta" style={{ fontSize: 'var(--text-sm)' }}>
          {(paper.date || paper.year) && <span>{formatPaperDate(paper.date, paper.year)}</span>}
          {paper.venue && <span>{paper.venue}</span>}
          {paper.label && <span className="badge">{paper.label}</span>}
          {paper.externalId &&
            (ARXIV_ID.test(paper.externalId) ? (
              <a href={`https://arxiv.org/abs/${paper.externalId}`} rel="noreferrer">
                arXiv:{paper.externalId}
              </a>
            ) : (
              <span>{paper.externalId}</span>
            ))}
        </div>
      </header>

      <div className="grid-main-aside">
        <div className="stack">
          {paper.tldr && (
            <div className="callout">
              <strong>tl;dr</strong> <LatexText text={paper.tldr} />
            </div>
          )}
          <section className="card" aria-labelledby="abstract-title">
            <h2 id="abstract-title" className="card-title">
              Abstract
            </h2>
            <div className="abstract">
              {paper.abstract.split(/\n{2,}/).map((paragraph, i) => (
                <p key={i}>
                  <LatexText text={paragraph} />
                </p>
              ))}
            </div>
          </section>
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
        </div>

        <aside className="stack">
          <section className="card" aria-labelledby="topic-title">
            <h2 id="topic-title" className="card-title">
              Topic
            </h2>
            {paper.topic ? (
              <>
                <Link href={`/topics/${paper.topic.id}`} className="cluster" style={{ fontWeight: 600 }}>
                  <span className="swatch" style={{ background: topicColor(paper.topic.id) }} aria-hidden="true" />
                  {paper.topic.label}
                </Link>
                <p className="subtle" style={{ marginTop: 6 }}>
                  Assignment confidence {formatDecimal(paper.topic.confidence, 2)}
                </p>
              </>
            ) : (
              <p className="muted">Not assigned to a topic.</p>
            )}
            {paper.position && sample && (
              <Link
                href={`/map?${formatMapState({ ...EMPTY_MAP_STATE, topics: paper.topic ? [paper.topic.id] : [] })}`}
                aria-label="Open the topic map"
              >
                <PaperMapThumbnail
                  sample={sample}
                  highlight={paper.position}
                  highlightTopic={paper.topic?.id ?? null}
                  label={`Where this paper sits on the topic map, among ${sample.points.length} of ${sample.total} papers`}
                />
              </Link>
            )}
          </section>
          <section className="card" aria-labelledby="sources-title">
            <h2 id="sources-title" className="card-title">
              Sources
            </h2>
            <ul className="row-list">
              {paper.sources.map((s) => (
                <li key={`${s.file}:${s.record}`}>
                  <Link className="grow" href={`/search?source=${encodeURIComponent(s.file)}`} title={s.file}>
                    {s.venue ? `${s.venue} · ` : ''}
                    {formatSourceName(s.file)}
                  </Link>
                  <span className="subtle nowrap">record {s.record}</span>
                </li>
              ))}
            </ul>
            {paper.sources.length > 1 && (
              <p className="subtle" style={{ marginTop: 8 }}>
                Listed in {paper.sources.length} places and merged into one paper.
              </p>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
