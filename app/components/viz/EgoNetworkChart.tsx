/**
 * An author's ego network as a small SVG: the author in the middle, co-authors on a circle grouped
 * by community (lib/viz/graph-view.ts), links among them, node size by joint papers.
 */
import { buildEgoLayout } from '@/lib/viz/graph-view';
import { communityColor } from '@/lib/viz/palette';
import type { EgoNetwork } from '@/lib/store/read/graph';

const SIZE = 300;
const RING = 112;

export function EgoNetworkChart({ ego, slotOf }: { ego: EgoNetwork; slotOf: (community: number | null) => number | null }) {
  const nodes = buildEgoLayout(
    ego.author.id,
    ego.coauthors.map((c) => ({ id: c.id, group: c.community ?? -1, strength: c.joint })),
    RING,
  );
  const at = new Map(nodes.map((n) => [n.id, n]));
  const info = new Map(ego.coauthors.map((c) => [c.id, c]));
  const maxJoint = Math.max(1, ...ego.coauthors.map((c) => c.joint));
  const showNames = ego.coauthors.length <= 16;
  return (
    <svg
      viewBox={`${-SIZE / 2} ${-SIZE / 2} ${SIZE} ${SIZE}`}
      className="chart"
      data-export
      role="img"
      aria-label={`Ego network of ${ego.author.name}: ${ego.coauthors.length} co-authors and ${ego.edges.length} links`}
      style={{ width: '100%', height: 'auto', overflow: 'visible' }}
    >
      <g stroke="var(--chart-axis)" strokeOpacity={0.6}>
        {ego.edges.map((e) => {
          const a = at.get(e.source);
          const b = at.get(e.target);
          if (!a || !b) return null;
          const touchesAuthor = e.source === ego.author.id || e.target === ego.author.id;
          return (
            <line
              key={`${e.source}-${e.target}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              strokeWidth={Math.min(4, 0.6 + e.papers * 0.6)}
              stroke={touchesAuthor ? 'var(--chart-axis)' : 'var(--accent)'}
            />
          );
        })}
      </g>
      {nodes.map((n) => {
        const c = info.get(n.id);
        const isAuthor = n.id === ego.author.id;
        const r = isAuthor ? 9 : 3 + 5 * Math.sqrt((c?.joint ?? 1) / maxJoint);
        const color = communityColor(slotOf(isAuthor ? ego.author.community : (c?.community ?? null)));
        const angle = Math.atan2(n.y, n.x);
        return (
          <g key={n.id}>
            <circle cx={n.x} cy={n.y} r={r} fill={color} stroke={isAuthor ? 'var(--chart-highlight)' : 'var(--bg-elevated)'} strokeWidth={isAuthor ? 2.5 : 1}>
              <title>{isAuthor ? ego.author.name : `${c?.name}: ${c?.joint} joint ${c?.joint === 1 ? 'paper' : 'papers'}`}</title>
            </circle>
            {showNames && !isAuthor && c && (
              <text
                x={n.x + Math.cos(angle) * (r + 4)}
                y={n.y + Math.sin(angle) * (r + 4)}
                fontSize={9}
                fill="var(--chart-text)"
                textAnchor={Math.cos(angle) > 0.2 ? 'start' : Math.cos(angle) < -0.2 ? 'end' : 'middle'}
                dominantBaseline="middle"
              >
                {c.name}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
