/** Adds terms to the comparison (autocomplete over the vocabulary) and lists them as removable chips. */
import type { TrendTerm } from '@/lib/store/read/trends';
import { formatCount } from '@/lib/viz/format';
import { categoricalColor } from '@/lib/viz/palette';
import { MAX_COMPARED_TERMS } from '@/lib/viz/trends-state';
import { Autocomplete } from '../Autocomplete';
import { fetchJson } from '../fetch-json';
import styles from '../viz.module.css';

function fetchTerms(q: string, signal: AbortSignal): Promise<TrendTerm[]> {
  return fetchJson<{ terms: TrendTerm[] }>(`/api/trends/terms?q=${encodeURIComponent(q)}`, { signal }).then(
    (r) => r.terms,
  );
}

export function TermPicker({
  terms,
  colorIndex,
  onAdd,
  onRemove,
}: {
  terms: string[];
  /** The colour index of a term with a series; -1 for a term without one. */
  colorIndex: (term: string) => number;
  onAdd: (term: string) => void;
  onRemove: (term: string) => void;
}) {
  return (
    <div className={styles.graphToolbar}>
      <Autocomplete<TrendTerm>
        label={`Add a term or phrase (up to ${MAX_COMPARED_TERMS})`}
        placeholder="e.g. diffusion"
        testId="term-search"
        fetchOptions={fetchTerms}
        optionKey={(t) => t.id}
        optionLabel={(t) => t.display}
        renderOption={(t) => (
          <>
            <span className={styles.truncate}>{t.display}</span>
            <span className={styles.count}>
              {formatCount(t.df)} papers{t.isPhrase ? ' · phrase' : ''}
            </span>
          </>
        )}
        onPick={(t) => onAdd(t.display)}
      />
      <ul className={styles.chips} aria-label="Compared terms">
        {terms.map((t) => {
          const i = colorIndex(t);
          return (
            <li key={t} className={styles.chip}>
              {i >= 0 && (
                <span className={styles.swatch} style={{ background: categoricalColor(i) }} aria-hidden="true" />
              )}
              {t}
              <button type="button" onClick={() => onRemove(t)} aria-label={`Remove ${t}`}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
