import Link from 'next/link';
import type { PaperDetail } from '@/lib/store/read/papers';
import { formatSourceName } from '@/lib/viz/format';

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

/** Provenance grouped by record: "scopus-export record 3: abstract, cited by". */
function groupFieldSources(fieldSources: PaperDetail['fieldSources']) {
  const provenance: { file: string; record: number; fields: string[] }[] = [];
  for (const f of fieldSources) {
    let g = provenance.find((x) => x.file === f.file && x.record === f.record);
    if (g === undefined) provenance.push((g = { file: f.file, record: f.record, fields: [] }));
    g.fields.push(f.field.replace('_', ' '));
  }
  return provenance;
}

/** The records the paper was read from, which gave each field, and its identifiers. */
export function PaperSources({ paper }: { paper: PaperDetail }) {
  const provenance = groupFieldSources(paper.fieldSources);
  return (
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
  );
}
