import Link from 'next/link';

/** Where to go next: the explorers and what each shows. */
export function ExploreLinks() {
  return (
    <section className="card" aria-labelledby="explore">
      <h2 id="explore">Explore</h2>
      <ul className="row-list explore-list">
        <li>
          <Link href="/map" className="grow">
            Topic map
          </Link>
          <span className="subtle">every paper as a point, coloured by topic</span>
        </li>
        <li>
          <Link href="/topics" className="grow">
            Topics
          </Link>
          <span className="subtle">terms, papers and authors of each topic</span>
        </li>
        <li>
          <Link href="/trends" className="grow">
            Keyword trends
          </Link>
          <span className="subtle">subjects rising and bursting, topic evolution</span>
        </li>
        <li>
          <Link href="/graph" className="grow">
            Networks
          </Link>
          <span className="subtle">co-author communities, term and institution maps</span>
        </li>
        <li>
          <Link href="/graph?net=citations" className="grow">
            Citations
          </Link>
          <span className="subtle">who cites whom: citation clusters, coupling, co-citation, the historiograph</span>
        </li>
        <li>
          <Link href="/quality" className="grow">
            Quality report
          </Link>
          <span className="subtle">how far to trust the topics</span>
        </li>
      </ul>
    </section>
  );
}
