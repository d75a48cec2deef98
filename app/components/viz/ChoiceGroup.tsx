'use client';

import styles from './viz.module.css';

/**
 * A row of radio buttons for one choice of a view (a pointer tool, a chart layout): native
 * radios, so arrow keys move between them and a screen reader hears one group with its label.
 */
export function ChoiceGroup<T extends string>({
  name,
  label,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  options: readonly (readonly [T, string])[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div className={styles.segmented} role="radiogroup" aria-label={label}>
      {options.map(([option, text]) => (
        <label key={option}>
          <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} /> {text}
        </label>
      ))}
    </div>
  );
}
