import Link from 'next/link';
import type { EgoNetwork } from '@/lib/store/read';
import { communityColor } from '@/lib/viz/palette';
import { buildEgoLayout } from '@/lib/viz/ego-layout';
import { maxOf } from '@/lib/viz/extent';

/**
 * An author's ego network as a small SVG: the author in the middle, co-authors around, lines for
 * joint papers (thicker = more), including the links among the co-authors. Nodes link to authors.
 * Shown on the author page and in the co-author graph's side panel; `colorOf` maps a community to
 * its colour (the graph passes its own palette slots so the panel matches the canvas).
 */
export function EgoNetworkView({
  ego,
  labelCount = 14,
  colorOf = communityColor,
}: {
  ego: EgoNetwork;
  labelCount?: number;
  colorOf?: (community: number | null) => string;
}) {
  const radius = 120;
  const outer = ego.coauthors.length > 14;
  const extent = (outer ? radius * 1.6 : radius) + 70;
  const nodes = buildEgoLayout(
    { id: ego.author.id, papers: ego.author.papers },
    ego.coauthors.map((c) => ({ id: c.id, joint: c.joint, papers: c.papers })),
    ego.edges,
    radius,
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const info = new Map([[ego.author.id, ego.author], ...ego.coauthors.map((c) => [c.id, c] as const)]);
  const labelled = new Set([ego.author.id, ...ego.coauthors.slice(0, labelCount).map((c) => c.id)]);
  const maxPapers = maxOf(
    ego.edges.map((e) => e.papers),
    1,
  );
  const width = extent * 2;
  const height = extent * 2 - (outer ? 0 : 20);
  return (
    <svg
      className="chart"
      viewBox={`${-extent} ${-height / 2} ${width} ${height}`}
      role="img"
      aria-label={`Co-author network of ${ego.author.name}: ${ego.coauthors.length} co-authors and ${ego.edges.length} links`}
    >
      <g>
        {ego.edges.map((e) => {
          const a = byId.get(e.source);
          const b = byId.get(e.target);
          if (!a || !b) return null;
          const touchesEgo = e.source === ego.author.id || e.target === ego.author.id;
          return (
            <line
              key={`${e.source}-${e.target}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              style={{
                stroke: touchesEgo ? 'var(--chart-axis)' : 'var(--chart-dim)',
                strokeWidth: 0.8 + 2.2 * (e.papers / maxPapers),
                opacity: touchesEgo ? 0.8 : 0.9,
              }}
            />
          );
        })}
      </g>
      {nodes.map((n) => {
        const a = info.get(n.id);
        if (!a) return null;
        const isEgo = n.id === ego.author.id;
        const anchor = n.x > 5 ? 'start' : n.x < -5 ? 'end' : 'middle';
        const dx = anchor === 'start' ? n.r + 4 : anchor === 'end' ? -(n.r + 4) : 0;
        const dy = anchor === 'middle' ? (n.y < 0 ? -(n.r + 5) : n.r + 12) : 4;
        const joint = 'joint' in a ? (a as { joint: number }).joint : null;
        return (
          <Link
            key={n.id}
            href={`/authors/${n.id}`}
            aria-label={`${a.name}${joint != null ? `, ${joint} joint papers` : ''}`}
          >
            <circle
              cx={n.x}
              cy={n.y}
              r={n.r}
              style={{
                fill: colorOf(a.community),
                stroke: isEgo ? 'var(--fg)' : 'var(--bg-elevated)',
                strokeWidth: isEgo ? 2.5 : 1.5,
              }}
            >
              <title>{`${a.name}: ${a.papers} papers${joint != null ? `, ${joint} with ${ego.author.name}` : ''}`}</title>
            </circle>
            {labelled.has(n.id) && (
              <text
                x={n.x + (isEgo ? 0 : dx)}
                y={n.y + (isEgo ? n.r + 14 : dy)}
                textAnchor={isEgo ? 'middle' : anchor}
                style={{
                  fontSize: isEgo ? 12 : 10.5,
                  fontWeight: isEgo ? 700 : 400,
                  fill: isEgo ? 'var(--fg)' : 'var(--chart-text)',
                }}
              >
                {a.name.length > 22 ? `${a.name.slice(0, 21)}…` : a.name}
              </text>
            )}
          </Link>
        );
      })}
    </svg>
  );
}
