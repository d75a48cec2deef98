'use client';
/**
 * A co-occurrence map (terms, keywords, institutions or countries), as VOSviewer draws one: items
 * sized by papers, coloured by cluster, linked by association strength, names placed without
 * collisions (more as you zoom). Clicking an item lists its papers beside the map.
 */
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import type { CooccurrenceMapData } from '@/lib/store/read/graph';
import { fitCommunityMap } from '@/lib/viz/community-labels';
import { measureText } from '@/lib/viz/font-metrics';
import { formatCount } from '@/lib/viz/format';
import { placeLabels } from '@/lib/viz/label-placement';
import { COLOURED_GROUPS, groupColor } from '@/lib/viz/palette';
import { ExportChart } from '../ExportChart';
import { fetchJson } from './fetch-json';
import { useSvgZoom } from './use-svg-zoom';
import { useSize } from './use-size';
import styles from './viz.module.css';
import { maxOf } from '@/lib/viz/extent';

const NOUN: Record<CooccurrenceMapData['kind'], [string, string]> = {
  terms: ['term', 'terms'],
  keywords: ['keyword', 'keywords'],
  institutions: ['institution', 'institutions'],
  countries: ['country', 'countries'],
  cocitation: ['reference', 'references'],
  coupling: ['paper', 'papers'],
};
const FONT = 11;

/** What links two items, per map. */
const TOGETHER: Record<CooccurrenceMapData['kind'], string> = {
  terms: 'that appear in the same papers',
  keywords: 'given to the same papers',
  institutions: 'on the same papers',
  countries: 'on the same papers',
  cocitation: 'cited by the same papers (co-citation)',
  coupling: 'that cite the same references (bibliographic coupling)',
};

interface ItemPapers {
  item: { id: number; label: string; papers: number };
  papers: { id: number; title: string; year: number | null; authors: string; citedBy: number | null }[];
}

export function CooccurrenceExplorer({ data, initialItem }: { data: CooccurrenceMapData; initialItem: number | null }) {
  const [wrapRef, size] = useSize<HTMLDivElement>();
  const { ref: svgRef, t, reset } = useSvgZoom(30);
  const [selected, setSelected] = useState<number | null>(initialItem);
  const [hover, setHover] = useState<number | null>(null);
  const [result, setResult] = useState<{ item: number; data?: ItemPapers; error?: string } | null>(null);
  const view = useMemo(() => ({ width: size.width || 960, height: size.height || 600 }), [size.width, size.height]);
  const fit = useMemo(() => fitCommunityMap(data.width, data.height, view), [data.width, data.height, view]);
  const [one, many] = NOUN[data.kind];

  useEffect(() => {
    const url = new URL(window.location.href);
    if (selected === null) url.searchParams.delete('item');
    else url.searchParams.set('item', String(selected));
    window.history.replaceState(null, '', url);
    if (selected === null) return;
    const controller = new AbortController();
    fetchJson<ItemPapers>(`/api/graph/items?map=${data.kind}&item=${selected}`, { signal: controller.signal })
      .then((found) => setResult({ item: selected, data: found }))
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setResult({ item: selected, error: error.message });
      });
    return () => controller.abort();
  }, [selected, data.kind]);
  const current = result && result.item === selected ? result : null;

  const k = fit.k * t.k;
  const px = (v: number) => Math.round((k * v + fit.x * t.k + t.x) * 10) / 10;
  const py = (v: number) => Math.round((k * v + fit.y * t.k + t.y) * 10) / 10;
  const maxPapers = data.items[0]?.papers ?? 1;
  const radius = (papers: number) => Math.round((2 + 10 * Math.sqrt(papers / maxPapers)) * Math.sqrt(t.k) * 10) / 10;
  const neighbours = useMemo(() => {
    const focus = hover ?? selected;
    if (focus === null) return null;
    const set = new Set<number>([focus]);
    for (const l of data.links) {
      if (l.source === focus) set.add(l.target);
      if (l.target === focus) set.add(l.source);
    }
    return set;
  }, [hover, selected, data.links]);
  const labels = placeLabels(
    data.items.map((item) => ({
      id: item.id,
      text: item.label,
      x: px(item.x),
      y: py(item.y),
      priority: (neighbours?.has(item.id) ? 1e9 : 0) + item.papers,
    })),
    { width: view.width, height: view.height, fontSize: FONT, measure: (s) => measureText(s, FONT, 400), padding: 1 },
  );
  const maxStrength = maxOf(
    data.links.map((l) => Math.log1p(l.strength)),
    1,
  );

  return (
    <div className={styles.graphLayout}>
      <section className={styles.graphMain} aria-label={`Map of ${many}`}>
        <p className={styles.hint}>
          {formatCount(data.items.length)} {many} in {formatCount(data.clusters)} clusters; a line joins two {many}{' '}
          {TOGETHER[data.kind]} more often than chance would give (association strength). Colours are clusters (the{' '}
          {COLOURED_GROUPS} largest have their own). Click a {one} for {data.kind === 'coupling' ? 'it' : 'its papers'}.
        </p>
        <div className={styles.graphToolbar}>
          <details className={styles.downloads}>
            <summary className="btn">Download map</summary>
            <ul>
              {(
                [
                  ['gexf', 'GEXF (Gephi)'],
                  ['vosviewer-map', 'VOSviewer map file'],
                  ['vosviewer-network', 'VOSviewer network file'],
                  ['nodes-csv', `${many[0].toUpperCase()}${many.slice(1)} (CSV)`],
                  ['links-csv', 'Links (CSV)'],
                ] as const
              ).map(([format, text]) => (
                <li key={format}>
                  <a href={`/api/graph/export?format=${format}&view=${data.kind}`} download>
                    {text}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        </div>
        <ExportChart filename={`topicscope-${data.kind}-map`} label={`${one} map`}>
          <div ref={wrapRef} className={styles.graphArea} data-testid="cooccurrence-map" data-map={data.kind}>
            <svg
              ref={svgRef}
              width={view.width}
              height={view.height}
              role="img"
              aria-label={`Co-occurrence map of ${data.items.length} ${many}`}
              style={{ display: 'block', cursor: 'grab' }}
            >
              <g>
                {data.links.map((l) => {
                  const a = data.items[l.source];
                  const b = data.items[l.target];
                  const lit = neighbours !== null && neighbours.has(l.source) && neighbours.has(l.target);
                  return (
                    <line
                      key={`${l.source}-${l.target}`}
                      x1={px(a.x)}
                      y1={py(a.y)}
                      x2={px(b.x)}
                      y2={py(b.y)}
                      stroke={lit ? 'var(--accent, #1f5fbf)' : 'var(--chart-axis, #9aa2ae)'}
                      strokeOpacity={
                        lit ? 0.8 : Math.round((0.08 + (0.3 * Math.log1p(l.strength)) / maxStrength) * 100) / 100
                      }
                      strokeWidth={lit ? 1.5 : 0.8}
                    />
                  );
                })}
              </g>
              <g>
                {data.items.map((item) => (
                  <circle
                    key={item.id}
                    data-item={item.id}
                    cx={px(item.x)}
                    cy={py(item.y)}
                    r={radius(item.papers)}
                    fill={groupColor(item.cluster)}
                    fillOpacity={neighbours === null || neighbours.has(item.id) ? 0.85 : 0.25}
                    stroke={item.id === selected ? 'var(--fg, #16191f)' : 'var(--bg-elevated, #fff)'}
                    strokeWidth={item.id === selected ? 2 : 0.8}
                    style={{ cursor: 'pointer' }}
                    onPointerEnter={() => setHover(item.id)}
                    onPointerLeave={() => setHover((h) => (h === item.id ? null : h))}
                    onClick={() => setSelected(item.id)}
                  >
                    <title>{`${item.label}: ${formatCount(item.papers)} papers`}</title>
                  </circle>
                ))}
              </g>
              <g pointerEvents="none" data-testid="cooccurrence-labels">
                {labels.map((l) => (
                  <text
                    key={l.id}
                    x={l.x}
                    y={l.y}
                    textAnchor="middle"
                    dominantBaseline="middle"
                    fontFamily="'DejaVu Sans', system-ui, sans-serif"
                    fontSize={FONT}
                    fill="var(--fg, #16191f)"
                    stroke="var(--bg-elevated, #fff)"
                    strokeWidth={3}
                    paintOrder="stroke"
                  >
                    {l.text}
                  </text>
                ))}
              </g>
            </svg>
            <button type="button" className="btn" style={{ position: 'absolute', right: 8, top: 8 }} onClick={reset}>
              Reset view
            </button>
          </div>
        </ExportChart>
      </section>
      <aside className={styles.sidePanel} aria-label={`Selected ${one}`}>
        <section className="card" aria-live="polite" data-testid="item-panel">
          {selected === null ? (
            <p className={styles.hint}>Click a {one} on the map to see its papers.</p>
          ) : current?.error ? (
            <p className={styles.error}>{current.error}</p>
          ) : !current?.data ? (
            <p className={styles.hint}>Loading…</p>
          ) : (
            <>
              <h2>{current.data.item.label}</h2>
              <p className={styles.hint}>
                {formatCount(current.data.item.papers)}{' '}
                {data.kind === 'coupling' ? 'of its references are cited by other papers' : 'papers'}
                {(data.kind === 'terms' || data.kind === 'keywords') && (
                  <>
                    {' · '}
                    <Link href={`/search?q=${encodeURIComponent(`"${current.data.item.label}"`)}`}>search them</Link>
                  </>
                )}
              </p>
              <ol className={styles.plainList}>
                {current.data.papers.map((p) => (
                  <li key={p.id} style={{ marginBottom: 8 }}>
                    <Link href={`/papers/${p.id}`}>{p.title}</Link>
                    <div className={styles.hint}>
                      {[p.authors, p.year, p.citedBy !== null ? `cited ${formatCount(p.citedBy)}` : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      </aside>
    </div>
  );
}
