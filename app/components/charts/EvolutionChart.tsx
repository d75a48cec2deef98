/** The evolution flow drawn from its layout: window labels, bands, and a clickable bar per topic. */
import { formatCount } from '@/lib/viz/format';
import { EVOLUTION_HEIGHT, type EvolutionLayout } from '@/lib/viz/evolution-flow';

export function EvolutionChart({
  layout,
  width,
  selected,
  onSelect,
}: {
  layout: EvolutionLayout;
  width: number;
  selected: number | null;
  onSelect: (topic: number) => void;
}) {
  return (
    <svg width={width} height={EVOLUTION_HEIGHT} role="img" aria-label="Topic evolution flow">
      {layout.columns.map((c) => (
        <text key={c.window} x={c.x} y={12} textAnchor="middle" fontSize={11} fill="var(--muted, #5b6270)">
          {c.label}
        </text>
      ))}
      <g fill="none">
        {layout.bands.map((b, i) => {
          const lit = selected !== null && (b.source === selected || b.target === selected);
          return (
            <path key={i} d={b.path} stroke={b.color} strokeOpacity={lit ? 0.6 : 0.25} strokeWidth={b.width}>
              <title>{b.title}</title>
            </path>
          );
        })}
      </g>
      {layout.bars.map((n) => (
        <g
          key={n.id}
          data-node={n.id}
          style={{ cursor: 'pointer' }}
          onClick={() => onSelect(n.id)}
          role="button"
          aria-label={`${n.label}, ${n.size} papers`}
        >
          <rect
            x={n.x}
            y={n.y}
            width={n.width}
            height={n.height}
            fill={n.color}
            stroke={n.id === selected ? 'var(--fg, #16191f)' : 'none'}
            strokeWidth={2}
          >
            <title>{`${n.label}: ${formatCount(n.size)} papers`}</title>
          </rect>
          {n.height >= 9 && (
            <text x={n.x + n.width + 4} y={n.middle} dominantBaseline="middle" fontSize={10} fill="var(--fg, #16191f)">
              {n.label.length > 28 ? `${n.label.slice(0, 27)}…` : n.label}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
