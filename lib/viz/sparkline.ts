/** Sparklines for term lists: a tiny line of a series, breaking where a value is missing. */
import { line, scaleLinear } from 'd3';
import { maxOf } from './extent';

/**
 * SVG path data of `values` inside width × height (with `pad` pixels kept free), y scaled from 0
 * to the series' maximum; null values break the line.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, pad = 1.5): string {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return '';
  const max = maxOf(finite);
  const x = scaleLinear()
    .domain([0, Math.max(1, values.length - 1)])
    .range([pad, width - pad]);
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([height - pad, pad]);
  const shape = line<number | null>()
    .defined((v) => v !== null && Number.isFinite(v))
    .x((_, i) => x(i))
    .y((v) => y(v ?? 0));
  return shape([...values]) ?? '';
}
