/**
 * A co-occurrence map as VOSviewer draws one, in SVG: items sized by papers and coloured by
 * cluster, lines by association strength, names placed without collisions (more as you zoom). The
 * hovered or chosen item lights its links. D3 computes the zoom; React renders.
 */
import { useMemo, useState } from 'react';
import type { CooccurrenceMapData } from '@/lib/store/read/graph';
import { fitCommunityMap } from '@/lib/viz/community-labels';
import { measureText } from '@/lib/viz/font-metrics';
import { formatCount } from '@/lib/viz/format';
import { linkedItems, linkOpacityScale, projectFitted } from '@/lib/viz/graph-view';
import { placeLabels } from '@/lib/viz/label-placement';
import { groupColor } from '@/lib/viz/palette';
import { HaloText } from '../../charts/HaloText';
import { useSize } from '../use-size';
import { useSvgZoom } from '../use-svg-zoom';
import styles from '../viz.module.css';

const FONT = 11;

export function CooccurrenceMap({
  data,
  many,
  selected,
  onSelect,
}: {
  data: CooccurrenceMapData;
  /** The items' plural noun ("terms"). */
  many: string;
  selected: number | null;
  onSelect: (item: number) => void;
}) {
  const [wrapRef, size] = useSize<HTMLDivElement>();
  const { ref: svgRef, t, reset } = useSvgZoom(30);
  const [hover, setHover] = useState<number | null>(null);
  const view = useMemo(() => ({ width: size.width || 960, height: size.height || 600 }), [size.width, size.height]);
  const fit = useMemo(() => fitCommunityMap(data.width, data.height, view), [data.width, data.height, view]);
  const { px, py } = projectFitted(fit, t);
  const maxPapers = data.items[0]?.papers ?? 1;
  const radius = (papers: number) => Math.round((2 + 10 * Math.sqrt(papers / maxPapers)) * Math.sqrt(t.k) * 10) / 10;
  const lit = useMemo(() => linkedItems(data.links, hover ?? selected), [hover, selected, data.links]);
  const opacity = useMemo(() => linkOpacityScale(data.links, 0.08, 0.3), [data.links]);
  const labels = placeLabels(
    data.items.map((item) => ({
      id: item.id,
      text: item.label,
      x: px(item.x),
      y: py(item.y),
      priority: (lit?.has(item.id) ? 1e9 : 0) + item.papers,
    })),
    { width: view.width, height: view.height, fontSize: FONT, measure: (s) => measureText(s, FONT, 400), padding: 1 },
  );

  return (
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
            const on = lit !== null && lit.has(l.source) && lit.has(l.target);
            return (
              <line
                key={`${l.source}-${l.target}`}
                x1={px(a.x)}
                y1={py(a.y)}
                x2={px(b.x)}
                y2={py(b.y)}
                stroke={on ? 'var(--accent, #1f5fbf)' : 'var(--chart-axis, #9aa2ae)'}
                strokeOpacity={on ? 0.8 : opacity(l.strength)}
                strokeWidth={on ? 1.5 : 0.8}
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
              fillOpacity={lit === null || lit.has(item.id) ? 0.85 : 0.25}
              stroke={item.id === selected ? 'var(--fg, #16191f)' : 'var(--bg-elevated, #fff)'}
              strokeWidth={item.id === selected ? 2 : 0.8}
              style={{ cursor: 'pointer' }}
              onPointerEnter={() => setHover(item.id)}
              onPointerLeave={() => setHover((h) => (h === item.id ? null : h))}
              onClick={() => onSelect(item.id)}
            >
              <title>{`${item.label}: ${formatCount(item.papers)} papers`}</title>
            </circle>
          ))}
        </g>
        <g pointerEvents="none" data-testid="cooccurrence-labels">
          {labels.map((l) => (
            <HaloText key={l.id} x={l.x} y={l.y} fontSize={FONT}>
              {l.text}
            </HaloText>
          ))}
        </g>
      </svg>
      <button type="button" className="btn" style={{ position: 'absolute', right: 8, top: 8 }} onClick={reset}>
        Reset view
      </button>
    </div>
  );
}
