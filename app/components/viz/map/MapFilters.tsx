/** The map sidebar's fieldsets for the pointer tool, the year range and the sources. */
import type { Dispatch } from 'react';
import type { MapMeta } from '@/lib/store/read/map';
import { formatCount } from '@/lib/viz/format';
import type { MapAction, MapViewState } from '@/lib/viz/map-state';
import { ChoiceGroup } from '../ChoiceGroup';
import type { MapTool } from '../map-engine';
import styles from '../viz.module.css';

export function MapToolPicker({
  mode,
  onMode,
  onReset,
}: {
  mode: MapTool;
  onMode: (mode: MapTool) => void;
  onReset: () => void;
}) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>Tool</legend>
      <ChoiceGroup
        name="map-mode"
        label="Pointer tool"
        options={[
          ['pan', 'Pan & zoom'],
          ['brush', 'Rectangle brush'],
          ['lasso', 'Lasso select'],
        ]}
        value={mode}
        onChange={onMode}
      />
      <div className="cluster">
        <button type="button" className="btn" onClick={onReset}>
          Reset view
        </button>
      </div>
    </fieldset>
  );
}

function YearSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: number | undefined;
  options: number[];
  onChange: (year: number | null) => void;
}) {
  return (
    <select
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      aria-label={label}
    >
      {options.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );
}

export function MapYearFilter({
  range,
  undated,
  years,
  dispatch,
}: {
  range: [number, number];
  undated: number;
  years: [number, number] | null;
  dispatch: Dispatch<MapAction>;
}) {
  const options = Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i);
  const shown = years ?? range;
  const setYear = (end: 0 | 1) => (year: number | null) => dispatch({ type: 'setYear', end, year, range });
  return (
    <fieldset className={styles.fieldset}>
      <legend>Years</legend>
      <div className="cluster">
        <label>
          From <YearSelect label="First year" value={shown[0]} options={options} onChange={setYear(0)} />
        </label>
        <label>
          to <YearSelect label="Last year" value={shown[1]} options={options} onChange={setYear(1)} />
        </label>
      </div>
      {undated > 0 && (
        <p className={styles.hint}>
          {formatCount(undated)} undated {undated === 1 ? 'paper is' : 'papers are'} shown only when all years are.
        </p>
      )}
    </fieldset>
  );
}

export function MapSourceFilter({
  sources,
  kept,
  dispatch,
}: {
  sources: MapMeta['sources'];
  kept: MapViewState['sources'];
  dispatch: Dispatch<MapAction>;
}) {
  const all = sources.map((s) => s.index);
  return (
    <fieldset className={styles.fieldset}>
      <legend>Sources</legend>
      {sources.map((source) => (
        <label key={source.file} className={styles.checkRow}>
          <input
            type="checkbox"
            checked={kept.length === 0 || kept.includes(source.index)}
            onChange={() => dispatch({ type: 'toggleSource', source: source.index, all })}
          />
          <span className={styles.truncate} title={source.file}>
            {source.label}
          </span>
          <span className={styles.count}>{formatCount(source.papers)}</span>
        </label>
      ))}
    </fieldset>
  );
}
