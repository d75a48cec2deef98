import { sparklinePath } from '@/lib/viz/sparkline';

/** A tiny line of a series (share per period), scaled to its own maximum. */
export function Sparkline({
  values,
  width = 96,
  height = 24,
  label,
}: {
  values: readonly (number | null)[];
  width?: number;
  height?: number;
  label: string;
}) {
  const d = sparklinePath(values, width, height);
  const fillD = d ? `${d}L${width - 1.5},${height}L1.5,${height}Z` : '';
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {fillD && !values.some((v) => v === null) && <path className="spark-area" d={fillD} />}
      {d && <path d={d} />}
    </svg>
  );
}
