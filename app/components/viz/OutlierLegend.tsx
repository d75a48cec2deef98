'use client';
/**
 * The map legend's line for outliers: how many papers sit far from their topic, what that means,
 * and whether the map shows them apart (grey rings under the others) or hides them.
 */
import { formatCount, formatDecimal } from '@/lib/viz/format';
import type { OutlierMode } from '@/lib/viz/map-state';
import { ChoiceGroup } from './ChoiceGroup';
import styles from './viz.module.css';

export function OutlierLegend({
  count,
  threshold,
  mode,
  onChange,
}: {
  count: number;
  threshold: number | null;
  mode: OutlierMode;
  onChange: (mode: OutlierMode) => void;
}) {
  return (
    <fieldset className={styles.fieldset} data-testid="outlier-legend">
      <legend>Outliers</legend>
      <p className={styles.checkRow}>
        <span className={styles.ringSwatch} aria-hidden="true" />
        <span>
          {formatCount(count)} {count === 1 ? 'paper' : 'papers'} far from their topic, drawn as grey rings
        </span>
      </p>
      <p className={styles.hint}>
        Much further from their topic&apos;s centre than its typical paper
        {threshold != null ? ` (robust z-score above ${formatDecimal(threshold, 1)})` : ''}; they stay in their topic.
      </p>
      <ChoiceGroup
        name="map-outliers"
        label="Outliers on the map"
        options={[
          ['apart', 'Show apart'],
          ['hide', 'Hide'],
        ]}
        value={mode}
        onChange={onChange}
      />
    </fieldset>
  );
}
