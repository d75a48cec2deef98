import 'katex/dist/katex.min.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { LatexText } from '../../components/LatexText';
import { NoBuild } from '../../components/NoBuild';
import { PaperItem } from '../../components/PaperItem';
import { PaperMapThumbnail } from '../../components/PaperMapThumbnail';
import { PaperMembership } from '../../components/topic/PaperMembership';
import { parseRouteId } from '@/lib/viz/url-state';
import { getPaper, getPaperMapSample, readOrExplain } from '@/lib/store/read';
import {
  formatAffiliation,
  formatCount,
  formatDecimal,
  formatFormatName,
  formatPaperDate,
  formatPlural,
  formatSourceName,
} from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';
import { EMPTY_MAP_STATE, formatMapState } from '@/lib/viz/map-state';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseRouteId((await params).id);
  if (id == null) return { title: 'Paper' };
  const result = readOrExplain(() => getPaper(id));
  return { title: result.ok && result.value ? result.value.title : 'Paper' };
}

const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

/** How a version link reads on the page. */
const VERSION_KINDS: Record<string, string> = {
  'is-preprint-of': 'Preprint of',
  'has-preprint': 'Preprint:',
  'is-version-of': 'A version of',
  'has-version': 'Other version:',
};

const KEYWORD_KINDS: [string, string][] = [
  ['author', 'Author keywords'],
  ['indexed', 'Index terms'],
  ['mesh', 'MeSH headings'],
  ['concept', 'Concepts'],
];

const ID_NAMES: Record<string, string> = {
  wos: 'Web of Science',
  scopus: 'Scopus EID',
  pmid: 'PubMed',
  pmcid: 'PMC',
  openalex: 'OpenAlex',
  s2: 'Semantic Scholar',
  arxiv: 'arXiv',
  lens: 'Lens',
  ieee: 'IEEE',
  mag: 'MAG',
  isbn: 'ISBN',
};

/** Public pages of an identifier where the service has them; the value alone otherwise. */
function IdentifierLink({ scheme, value }: { scheme: string; value: string }) {
  const href =
    scheme === 'pmid'
      ? `https://pubmed.ncbi.nlm.nih.gov/${value}/`
      : scheme === 'openalex'
        ? `https://openalex.org/${value}`
        : scheme === 's2'
          ? `https://www.semanticscholar.org/paper/${value}`
          : scheme === 'arxiv'
            ? `https://arxiv.org/abs/${value}`
            : scheme === 'pmcid'
              ? `https://www.ncbi.nlm.nih.gov/pmc/articles/${value}/`
              : null;
  return href ? (
    <a href={href} rel="noreferrer">
      {value}
    </a>
  ) : (
    <span>{value}</span>
  );
}

export default async function PaperPage({ params }: Props) {
  await connection();
  const id = parseRouteId((await params).id);
  if (id == null) notFound();
  const result = readOrExplain(() => {
    const paper = getPaper(id);
    return paper ? { paper, sample: paper.position ? getPaperMapSample(1200) : null } : null;
  });
  if (!result.ok) return <NoBuild problem={result.problem} />;
  if (!result.value) notFound();
  const { paper, sample } = result.value;
  const unnamed = paper.authors.length === 0 && (paper.authorCount ?? 0) > 0;
  // Affiliation numbers per author position, as a paper's title page shows them.
  const marks = new Map<number, number[]>();
  paper.affiliations.forEach((a, i) => {
    for (const p of a.positions) marks.set(p, [...(marks.get(p) ?? []), i + 1]);
  });
  // Provenance grouped by record: "scopus-export record 3: abstract, cited by".
  const provenance: { file: string; record: number; fields: string[] }[] = [];
  for (const f of paper.fieldSources) {
    let g = provenance.find((x) => x.file === f.file && x.record === f.record);
    if (g === undefined) provenance.push((g = { file: f.file, record: f.record, fields: [] }));
    g.fields.push(f.field.replace('_', ' '));
  }
  const keywordKinds = KEYWORD_KINDS.map(([kind, title]) => ({
    kind,
    title,
    keywords: paper.keywords.filter((k) => k.kind === kind),
  })).filter((g) => g.keywords.length > 0);
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
            <span className="subtle">
              The source had no title; this one is taken from the tl;dr or the first sentence.
            </span>
          </p>
        )}
        <p className="lede" style={{ fontSize: 'var(--text-md)' }}>
          {paper.authors.length > 0 ? (
            paper.authors.map((a, i) => (
              <span key={a.position}>
                {i > 0 && ', '}
                <Link href={`/authors/${a.id}`}>{a.name}</Link>
                {marks.has(a.position) && <sup className="subtle">{marks.get(a.position)?.join(',')}</sup>}
              </span>
            ))
          ) : unnamed ? (
            <span className="muted">{paper.authorCount} authors, names not in the source</span>
          ) : (
            <span className="muted">Authors not given</span>
          )}
        </p>
        {paper.affiliations.length > 0 && (
          <ol className="affiliation-list subtle" aria-label="Affiliations">
            {paper.affiliations.map((a, i) => (
              <li key={a.id} value={i + 1}>
                <sup>{i + 1}</sup> {formatAffiliation(a.name, a.country)}
              </li>
            ))}
          </ol>
        )}
        <div className="paper-meta" style={{ fontSize: 'var(--text-sm)' }}>
          {(paper.date || paper.year) && <span>{formatPaperDate(paper.date, paper.year)}</span>}
          {paper.venue && <span>{paper.venue}</span>}
          {paper.docType && <span className="badge">{paper.docType}</span>}
          {paper.doi && (
            <a href={`https://doi.org/${paper.doi}`} rel="noreferrer">
              doi:{paper.doi}
            </a>
          )}
          {paper.citedBy && (
            <span
              title={`Times cited as ${paper.citedBy.source ? formatFormatName(paper.citedBy.source) : 'the source'} counts it, across all of its database`}
            >
              cited {formatPlural(paper.citedBy.count, 'time')}
              {paper.citedBy.source ? ` (${formatFormatName(paper.citedBy.source)})` : ''}
            </span>
          )}
          {paper.referenceCount + paper.citedByCorpusCount > 0 && (
            <span title="Citations from papers of this corpus" data-testid="local-citations">
              {formatCount(paper.citedByCorpusCount)} in this corpus
            </span>
          )}
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
        {paper.versions.length > 0 && (
          <p className="subtle" style={{ fontSize: 'var(--text-sm)' }}>
            {paper.versions.map((v, i) => (
              <span key={`${v.kind}:${v.doi}`}>
                {i > 0 && ' · '}
                {VERSION_KINDS[v.kind] ?? v.kind}{' '}
                {v.paper ? (
                  <Link href={`/papers/${v.paper.id}`}>
                    <LatexText text={v.paper.title} />
                  </Link>
                ) : (
                  <a href={`https://doi.org/${v.doi}`} rel="noreferrer">
                    doi:{v.doi}
                  </a>
                )}
              </span>
            ))}
          </p>
        )}
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
          {keywordKinds.length > 0 && (
            <section className="card" aria-labelledby="keywords-title">
              <h2 id="keywords-title" className="card-title">
                Keywords
              </h2>
              {keywordKinds.map((g) => (
                <div key={g.kind} className="keyword-group">
                  <h3 className="subtle">{g.title}</h3>
                  <ul className="cluster" aria-label={g.title}>
                    {g.keywords.map((k) => (
                      <li key={k.keyword}>
                        <Link
                          className="chip"
                          href={`/search?q=${encodeURIComponent(`"${k.keyword.replace(/"/g, '')}"`)}`}
                        >
                          {k.keyword}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          )}
          {paper.referenceCount > 0 && (
            <section className="card" aria-labelledby="references-title">
              <h2 id="references-title" className="card-title">
                References
              </h2>
              <p className="subtle">
                {formatPlural(paper.referenceCount, 'reference')}; {formatCount(paper.resolvedReferenceCount)} of them
                in this corpus
                {paper.referenceCount > paper.references.length ? ` (the first ${paper.references.length} listed)` : ''}
                .
              </p>
              <ol className="reference-list">
                {paper.references.map((r) => (
                  <li key={r.position}>
                    {r.cited ? (
                      <Link href={`/papers/${r.cited.id}`}>
                        <LatexText text={r.cited.title} />
                      </Link>
                    ) : (
                      <span>{r.raw}</span>
                    )}
                    {r.cited && <span className="subtle"> · {r.raw}</span>}
                    {!r.cited && r.doi && (
                      <>
                        {' '}
                        <a className="subtle" href={`https://doi.org/${r.doi}`} rel="noreferrer">
                          doi
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          )}
          {(paper.citedByCorpusCount > 0 || paper.citesCorpusCount > 0) && (
            <section className="card" aria-labelledby="corpus-citations-title" data-testid="corpus-citations">
              <h2 id="corpus-citations-title" className="card-title">
                Citations in this corpus
              </h2>
              <p className="subtle">
                Beside each paper: its citations from this corpus, then the count its source reported in all.{' '}
                <Link href={`/graph?net=citations&paper=${paper.id}`}>See it in the citation network</Link>.
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
                          <PaperItem
                            key={p.id}
                            paper={p}
                            extra={<CitationCounts counts={paper.citationCounts[p.id]} />}
                          />
                        ))}
                      </ul>
                    )}
                  </div>
                ))}
              </div>
            </section>
          )}
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
                <PaperMembership
                  topic={paper.topic}
                  memberships={paper.memberships}
                  subtopic={paper.subtopic}
                  outlier={paper.outlier}
                />
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
            {provenance.length > 0 && (
              <div className="provenance">
                <h3 className="subtle">Which record gave each field</h3>
                <ul className="provenance-list">
                  {provenance.map((g) => (
                    <li key={`${g.file}:${g.record}`}>
                      <span title={g.file}>
                        {formatSourceName(g.file)} <span className="subtle">record {g.record}</span>
                      </span>
                      <span className="subtle">{g.fields.join(', ')}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {paper.ids.length > 0 && (
              <dl className="id-list">
                {paper.ids.map((i) => (
                  <div key={`${i.scheme}:${i.value}`}>
                    <dt>{ID_NAMES[i.scheme] ?? i.scheme}</dt>
                    <dd>
                      <IdentifierLink scheme={i.scheme} value={i.value} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}

/** A cited or citing paper's two counts, side by side: from this corpus, and in all (its source's). */
function CitationCounts({ counts }: { counts: { local: number; global: number | null } | undefined }) {
  if (!counts) return null;
  return (
    <span className="nowrap" title="Citations from this corpus · times cited as its source counts them">
      {formatCount(counts.local)} here{counts.global !== null ? ` · ${formatCount(counts.global)} in all` : ''}
    </span>
  );
}
