'use client';
/**
 * Topic evolution as an alluvial flow: one column per window of periods, one bar per topic fitted
 * in that window (height by papers), bands between the topics of consecutive windows that point
 * the same way. Splits, merges, new and fading topics show as bands that fork, join, start or end.
 * d3-sankey computes the layout; React renders. Clicking a topic lists its papers.
 */
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import type { TopicEvolutionData } from '@/lib/store/read/trends';
import { formatCsv } from '@/lib/viz/csv';
import { formatCount, formatPeriod } from '@/lib/viz/format';
import { categoricalColor } from '@/lib/viz/palette';
import { ExportChart } from '../ExportChart';
import { downloadText } from './download';
import { fetchJson } from './fetch-json';
import { useSize } from './use-size';
import styles from './viz.module.css';

interface NodeDatum {
  id: number;
  window: number;
  label: string;
  size: number;
}
interface LinkDatum {
  similarity: number;
}
type Node = SankeyNode<NodeDatum, LinkDatum>;
type Flow = SankeyLink<NodeDatum, LinkDatum>;

interface NodePapers {
  node: { id: number; window: number; label: string; size: number; first: string; last: string };
  papers: { id: number; title: string; year: number | null; authors: string }[];
}

const HEIGHT = 560;
const TOP = 24;

export function EvolutionFlow({
  data,
  selected,
  onSelect: setSelected,
}: {
  data: TopicEvolutionData;
  selected: number | null;
  onSelect: (node: number | null) => void;
}) {
  const [ref, size] = useSize<HTMLDivElement>();
  const [result, setResult] = useState<{ id: number; data?: NodePapers; error?: string } | null>(null);
  const width = Math.max(560, size.width || 900);

  const layout = useMemo(() => {
    if (data.nodes.length === 0) return null;
    const index = new Map(data.nodes.map((n, i) => [n.id, i]));
    const generator = sankey<NodeDatum, LinkDatum>()
      .nodeId((n) => n.id)
      .nodeAlign((n) => n.window)
      .nodeWidth(12)
      .nodePadding(8)
      .nodeSort((a, b) => b.size - a.size || a.id - b.id)
      .extent([
        [8, TOP],
        [width - 170, HEIGHT - 8],
      ]);
    // Bars by papers (d3-sankey's fixedValue), never shorter than the bands coming in.
    const inflow = new Map<number, number>();
    for (const l of data.links) inflow.set(l.target, (inflow.get(l.target) ?? 0) + Math.max(0.5, l.value));
    const graph = generator({
      nodes: data.nodes.map((n) => ({ ...n, fixedValue: Math.max(n.size, inflow.get(n.id) ?? 0) })),
      links: data.links
        .filter((l) => index.has(l.source) && index.has(l.target))
        .map((l) => ({ source: l.source, target: l.target, value: Math.max(0.5, l.value), similarity: l.similarity })),
    });
    return graph;
  }, [data, width]);

  useEffect(() => {
    if (selected === null) return;
    const controller = new AbortController();
    fetchJson<NodePapers>(`/api/trends/evolution?node=${selected}`, { signal: controller.signal })
      .then((found) => setResult({ id: selected, data: found }))
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setResult({ id: selected, error: error.message });
      });
    return () => controller.abort();
  }, [selected]);
  const current = result && result.id === selected ? result : null;

  if (!layout || data.windows.length < 2) {
    return (
      <section className="card" aria-label="Topic evolution">
        <h2 style={{ fontSize: 'var(--text-lg)', marginTop: 0 }}>Topic evolution</h2>
        <p className={styles.hint}>Too few dated papers to follow topics across periods.</p>
      </section>
    );
  }
  const columnX = data.windows.map((w) => {
    const node = (layout.nodes as Node[]).find((n) => n.window === w.window);
    return node ? ((node.x0 ?? 0) + (node.x1 ?? 0)) / 2 : 0;
  });
  const path = sankeyLinkHorizontal<NodeDatum, LinkDatum>();

  function download() {
    downloadText(
      formatCsv(
        ['source window', 'source topic', 'target window', 'target topic', 'similarity', 'papers carried'],
        data.links.map((l) => {
          const s = data.nodes.find((n) => n.id === l.source);
          const t = data.nodes.find((n) => n.id === l.target);
          const w = (n: typeof s) => (n ? `${data.windows[n.window].first}-${data.windows[n.window].last}` : '');
          return [w(s), s?.label, w(t), t?.label, l.similarity, l.value];
        }),
      ),
      'topicscope-topic-evolution.csv',
      'text/csv',
    );
  }

  return (
    <section className="card" aria-label="Topic evolution" data-testid="topic-evolution">
      <div className={styles.chartHeader}>
        <h2 style={{ fontSize: 'var(--text-lg)', margin: 0 }}>Topic evolution</h2>
        <button type="button" className="btn" onClick={download}>
          CSV
        </button>
      </div>
      <p className={styles.hint}>
        Topics fitted in each window of periods, joined to the next window&apos;s topics that their papers resemble
        (cosine of the topics&apos; centres). A band that forks is a split, bands that join are a merge; a topic with no
        band in is new, one with no band out fades. Click a topic for its papers.
      </p>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>
        <ExportChart filename="topicscope-topic-evolution" label="topic evolution">
          <div ref={ref}>
            <svg width={width} height={HEIGHT} role="img" aria-label="Topic evolution flow">
              {data.windows.map((w, i) => (
                <text
                  key={w.window}
                  x={columnX[i]}
                  y={12}
                  textAnchor="middle"
                  fontSize={11}
                  fill="var(--muted, #5b6270)"
                >
                  {w.first === w.last ? formatPeriod(w.first) : `${formatPeriod(w.first)}–${formatPeriod(w.last)}`}
                </text>
              ))}
              <g fill="none">
                {(layout.links as Flow[]).map((l, i) => {
                  const s = l.source as Node;
                  const lit = selected !== null && (s.id === selected || (l.target as Node).id === selected);
                  return (
                    <path
                      key={i}
                      d={path(l) ?? ''}
                      stroke={categoricalColor(s.id % 20)}
                      strokeOpacity={lit ? 0.6 : 0.25}
                      strokeWidth={Math.max(1, l.width ?? 1)}
                    >
                      <title>{`${s.label} → ${(l.target as Node).label}: similarity ${l.similarity.toFixed(2)}`}</title>
                    </path>
                  );
                })}
              </g>
              {(layout.nodes as Node[]).map((n) => {
                const h = Math.max(2, (n.y1 ?? 0) - (n.y0 ?? 0));
                return (
                  <g
                    key={n.id}
                    data-node={n.id}
                    style={{ cursor: 'pointer' }}
                    onClick={() => setSelected(n.id)}
                    role="button"
                    aria-label={`${n.label}, ${n.size} papers`}
                  >
                    <rect
                      x={n.x0}
                      y={n.y0}
                      width={(n.x1 ?? 0) - (n.x0 ?? 0)}
                      height={h}
                      fill={categoricalColor(n.id % 20)}
                      stroke={n.id === selected ? 'var(--fg, #16191f)' : 'none'}
                      strokeWidth={2}
                    >
                      <title>{`${n.label}: ${formatCount(n.size)} papers`}</title>
                    </rect>
                    {h >= 9 && (
                      <text
                        x={(n.x1 ?? 0) + 4}
                        y={((n.y0 ?? 0) + (n.y1 ?? 0)) / 2}
                        dominantBaseline="middle"
                        fontSize={10}
                        fill="var(--fg, #16191f)"
                      >
                        {n.label.length > 28 ? `${n.label.slice(0, 27)}…` : n.label}
                      </text>
                    )}
                  </g>
                );
              })}
            </svg>
          </div>
        </ExportChart>
        {selected !== null && (
          <div data-testid="evolution-papers" aria-live="polite">
            {current?.error ? (
              <p className={styles.error}>{current.error}</p>
            ) : !current?.data ? (
              <p className={styles.hint}>Loading…</p>
            ) : (
              <>
                <h3 style={{ marginTop: 0 }}>
                  {current.data.node.label}{' '}
                  <span className={styles.hint}>
                    {formatPeriod(current.data.node.first)}–{formatPeriod(current.data.node.last)},{' '}
                    {formatCount(current.data.node.size)} papers
                  </span>
                </h3>
                <ol className={styles.plainList}>
                  {current.data.papers.slice(0, 10).map((p) => (
                    <li key={p.id} style={{ marginBottom: 6 }}>
                      <Link href={`/papers/${p.id}`}>{p.title}</Link>
                      <span className={styles.hint}> · {[p.authors, p.year].filter(Boolean).join(' · ')}</span>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
