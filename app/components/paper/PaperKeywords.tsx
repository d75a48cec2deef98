import Link from 'next/link';
import type { PaperDetail } from '@/lib/store/read/papers';

const KEYWORD_KINDS: [string, string][] = [
  ['author', 'Author keywords'],
  ['indexed', 'Index terms'],
  ['mesh', 'MeSH headings'],
  ['concept', 'Concepts'],
];

/** The paper's keywords by kind (author, index terms, MeSH, concepts), each a phrase search. */
export function PaperKeywords({ keywords }: { keywords: PaperDetail['keywords'] }) {
  const keywordKinds = KEYWORD_KINDS.map(([kind, title]) => ({
    kind,
    title,
    keywords: keywords.filter((k) => k.kind === kind),
  })).filter((g) => g.keywords.length > 0);
  if (keywordKinds.length === 0) return null;
  return (
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
                <Link className="chip" href={`/search?q=${encodeURIComponent(`"${k.keyword.replace(/"/g, '')}"`)}`}>
                  {k.keyword}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
