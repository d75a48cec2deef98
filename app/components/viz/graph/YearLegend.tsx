/** The year scale of a view coloured by year, as a gradient between the first and last year drawn. */
import { buildYearColor, yearExtent } from '@/lib/viz/citation-view';
import styles from '../viz.module.css';

export function YearLegend({ years }: { years: readonly (number | null)[] }) {
  const [first, last] = yearExtent(years);
  const color = buildYearColor(first, last);
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => color(first + t * (last - first))).join(', ');
  return (
    <p className={styles.hint} data-testid="year-legend">
      {first}{' '}
      <span
        aria-hidden="true"
        style={{
          display: 'inline-block',
          width: 120,
          height: 10,
          verticalAlign: 'middle',
          background: `linear-gradient(to right, ${stops})`,
        }}
      />{' '}
      {last}
    </p>
  );
}
