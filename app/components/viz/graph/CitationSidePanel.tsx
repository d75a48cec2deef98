'use client';
/**
 * Beside the citation network: the chosen paper with what it cites and what cites it among the
 * drawn papers (local and global counts side by side), or else the citation clusters with their
 * sizes and labels; clicking a cluster lights its papers up.
 */
import Link from 'next/link';
import type { CitationNetworkData } from '@/lib/store/read/citations';
import { formatCount, formatPlural } from '@/lib/viz/format';
import { groupColor } from '@/lib/viz/palette';
import styles from '../viz.module.css';

interface Props {
  data: CitationNetworkData;
  focus: number;
  ego: { cites: number[]; citedBy: number[] } | null;
  cluster: number | null;
  onPaper(index: number): void;
  onCluster(id: number): void;
  onClear(): void;
}

function Counts({ data, index }: { data: CitationNetworkData; index: number }) {
  const global = data.nodes.global[index];
  return (
    <span className={styles.hint}>
      {formatCount(data.nodes.local[index])} here{global !== null && ` · ${formatCount(global)} in all`}
    </span>
  );
}

function PaperButtons({
  data,
  list,
  onPaper,
}: {
  data: CitationNetworkData;
  list: number[];
  onPaper(i: number): void;
}) {
  const sorted = list.slice().sort((a, b) => data.nodes.local[b] - data.nodes.local[a] || a - b);
  return (
    <ol className={`${styles.plainList} ${styles.selectionScroll}`} style={{ maxHeight: 260 }}>
      {sorted.map((i) => (
        <li key={i} style={{ marginBottom: 6 }}>
          <button type="button" className={styles.linkButton} onClick={() => onPaper(i)}>
            {data.nodes.name[i]}: {data.nodes.title[i]}
          </button>{' '}
          <Counts data={data} index={i} />
        </li>
      ))}
    </ol>
  );
}

export function CitationSidePanel({ data, focus, ego, cluster, onPaper, onCluster, onClear }: Props) {
  const { nodes, clusters } = data;
  if (focus >= 0 && ego) {
    return (
      <aside className={styles.sidePanel} aria-label="Selected paper">
        <section className="card" data-testid="citation-paper-panel">
          <h2>
            <Link href={`/papers/${nodes.id[focus]}`}>{nodes.title[focus]}</Link>
          </h2>
          <p className={styles.hint}>
            {nodes.name[focus]} · cited {formatCount(nodes.local[focus])} times in this corpus
            {nodes.global[focus] !== null && `, ${formatCount(nodes.global[focus]!)} in all`} ·{' '}
            {clusters[nodes.cluster[focus]]?.label || `cluster ${nodes.cluster[focus] + 1}`}
          </p>
          <h3>Cites ({formatCount(ego.cites.length)} drawn)</h3>
          {ego.cites.length === 0 ? (
            <p className={styles.hint}>No drawn paper.</p>
          ) : (
            <PaperButtons data={data} list={ego.cites} onPaper={onPaper} />
          )}
          <h3>Cited by ({formatCount(ego.citedBy.length)} drawn)</h3>
          {ego.citedBy.length === 0 ? (
            <p className={styles.hint}>No drawn paper.</p>
          ) : (
            <PaperButtons data={data} list={ego.citedBy} onPaper={onPaper} />
          )}
          <button type="button" className="btn" onClick={onClear}>
            Back to the clusters
          </button>
        </section>
      </aside>
    );
  }
  return (
    <aside className={styles.sidePanel} aria-label="Citation clusters">
      <section className="card" data-testid="citation-clusters">
        <h2>Citation clusters</h2>
        <p className={styles.hint}>
          {formatPlural(clusters.length, 'cluster')} of {formatCount(data.clustered)} papers (of{' '}
          {formatCount(data.linked)} with a link; groups under 5 papers are left out), modularity{' '}
          {data.modularity.toFixed(2)}. Named by the words their papers use more than the others do.
        </p>
        <ul className={styles.legend}>
          {clusters.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={styles.legendItem}
                aria-pressed={cluster === c.id}
                onClick={() => onCluster(c.id)}
                title={c.terms.join(', ')}
              >
                <span className={styles.swatch} style={{ background: groupColor(c.id) }} />
                <span style={{ flex: 1, textAlign: 'left' }}>{c.label || `Cluster ${c.id + 1}`}</span>
                <span className={styles.hint}>{formatCount(c.size)}</span>
              </button>
            </li>
          ))}
        </ul>
        <p className={styles.hint}>
          <a href="/api/citations/network?format=csv" download>
            Clusters and papers (CSV)
          </a>
        </p>
      </section>
    </aside>
  );
}
