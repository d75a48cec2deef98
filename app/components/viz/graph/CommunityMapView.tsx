'use client';
/**
 * The map of communities: one disc per drawn community (area by authors or papers), links by how
 * much two communities work together, names placed without collisions (more as you zoom). D3
 * computes the zoom; React renders the SVG. Clicking a community opens it.
 */
import { useMemo, useState } from 'react';
import type { CommunityMapData, MapCommunity } from '@/lib/store/read/graph';
import {
  COMMUNITY_LABEL_FONT,
  COMMUNITY_LABEL_LINE_HEIGHT,
  communityDiscRadii,
  fitCommunityMap,
  placeCommunityLabels,
} from '@/lib/viz/community-labels';
import { formatCount, formatShare } from '@/lib/viz/format';
import { HaloText } from '../../charts/HaloText';
import { linkOpacityScale, projectFitted } from '@/lib/viz/graph-view';
import { useSize } from '../use-size';
import { useSvgZoom } from '../use-svg-zoom';
import styles from '../viz.module.css';
import { HoverCard } from './HoverCard';

export interface CommunityMapViewProps {
  data: CommunityMapData;
  sizeBy: 'authors' | 'papers';
  colorOf: (community: number) => string;
  onOpen: (community: number) => void;
}

export function CommunityMapView({ data, sizeBy, colorOf, onOpen }: CommunityMapViewProps) {
  const [wrapRef, size] = useSize<HTMLDivElement>();
  const { ref: svgRef, t, reset } = useSvgZoom();
  const [hover, setHover] = useState<MapCommunity | null>(null);
  const view = useMemo(() => ({ width: size.width || 960, height: size.height || 600 }), [size.width, size.height]);
  const fit = useMemo(() => fitCommunityMap(data.width, data.height, view), [data.width, data.height, view]);

  const { k, tx, ty, px, py } = projectFitted(fit, t);
  const radii = useMemo(
    () =>
      communityDiscRadii(
        data.communities.map((c) => c.radius),
        data.communities.map((c) => (sizeBy === 'papers' ? c.papers : c.size)),
      ),
    [data.communities, sizeBy],
  );
  const byId = useMemo(() => new Map(data.communities.map((c, i) => [c.id, i])), [data.communities]);
  const opacity = useMemo(() => linkOpacityScale(data.links, 0.15, 0.5), [data.links]);
  const labels = useMemo(
    () =>
      placeCommunityLabels(
        data.communities.map((c, i) => ({
          id: c.id,
          topAuthors: c.topAuthors.map((a) => a.name),
          topicLabel: c.topicLabel,
          x: px(c.x),
          y: py(c.y),
          r: Math.round(k * radii[i] * 10) / 10,
          priority: sizeBy === 'papers' ? c.papers : c.size,
        })),
        view,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- px and py are k, tx and ty
    [data.communities, k, tx, ty, radii, sizeBy, view],
  );

  return (
    <div ref={wrapRef} className={styles.graphArea} data-testid="community-map">
      <svg
        ref={svgRef}
        width={view.width}
        height={view.height}
        role="img"
        aria-label={`Map of ${data.communities.length} co-author communities`}
        style={{ display: 'block', cursor: 'grab' }}
      >
        <g>
          {data.links.map((l) => {
            const a = byId.get(l.source);
            const b = byId.get(l.target);
            if (a === undefined || b === undefined) return null;
            const ca = data.communities[a];
            const cb = data.communities[b];
            return (
              <line
                key={`${l.source}-${l.target}`}
                x1={px(ca.x)}
                y1={py(ca.y)}
                x2={px(cb.x)}
                y2={py(cb.y)}
                stroke="var(--chart-axis, #9aa2ae)"
                strokeOpacity={opacity(l.strength)}
                strokeWidth={Math.round((0.6 + Math.min(4, Math.sqrt(l.papers) / 2)) * 10) / 10}
              />
            );
          })}
        </g>
        <g>
          {data.communities.map((c, i) => (
            <circle
              key={c.id}
              data-community={c.id}
              cx={px(c.x)}
              cy={py(c.y)}
              r={Math.round(Math.max(2, k * radii[i]) * 10) / 10}
              fill={colorOf(c.id)}
              fillOpacity={hover?.id === c.id ? 1 : 0.82}
              stroke="var(--bg-elevated, #fff)"
              strokeWidth={1}
              style={{ cursor: 'pointer' }}
              onPointerEnter={() => setHover(c)}
              onPointerLeave={() => setHover((h) => (h?.id === c.id ? null : h))}
              onClick={() => onOpen(c.id)}
            >
              <title>{`${c.topAuthors.map((a) => a.name).join(', ')} — ${formatCount(c.size)} authors`}</title>
            </circle>
          ))}
        </g>
        <g pointerEvents="none" data-testid="community-labels">
          {labels.map((l) => (
            <HaloText key={l.id} data-community={l.id} x={l.x} y={l.y} fontSize={COMMUNITY_LABEL_FONT}>
              {l.lines.map((line, i) => (
                <tspan
                  key={i}
                  x={l.x}
                  dy={i === 0 ? 0 : COMMUNITY_LABEL_LINE_HEIGHT}
                  fontWeight={i === 0 ? 600 : 400}
                  fontSize={i === 0 ? COMMUNITY_LABEL_FONT : COMMUNITY_LABEL_FONT - 1}
                  fill={i === 0 ? undefined : 'var(--muted, #5b6270)'}
                >
                  {line}
                </tspan>
              ))}
            </HaloText>
          ))}
        </g>
      </svg>
      {hover && (
        <HoverCard at={{ x: k * hover.x + tx, y: k * hover.y + ty }} area={view} room={{ width: 320, height: 120 }}>
          <strong>{hover.topAuthors.map((a) => a.name).join(', ')}</strong>
          <span className={styles.hint}>
            {formatCount(hover.size)} authors · {formatCount(hover.papers)} papers
            {hover.subCommunities > 1 ? ` · ${hover.subCommunities} sub-groups` : ''}
          </span>
          {hover.topicLabel && (
            <span className={styles.hint}>
              Main topic: {hover.topicLabel} ({formatShare(hover.topicShare)} of its papers)
            </span>
          )}
          <span className={styles.hint}>Click to open the community</span>
        </HoverCard>
      )}
      <button type="button" className="btn" style={{ position: 'absolute', right: 8, top: 8 }} onClick={reset}>
        Reset view
      </button>
    </div>
  );
}
