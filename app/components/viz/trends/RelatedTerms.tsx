/** Terms that appear with one compared term (NPMI); a click adds one to the comparison. */
import type { RelatedTerm, TermSeries, TrendTerm } from '@/lib/store/read/trends';
import { formatCount } from '@/lib/viz/format';
import styles from '../viz.module.css';

export function RelatedTerms({
  related,
  compared,
  isCompared,
  onFocus,
  onAdd,
}: {
  related: { term: TrendTerm; terms: RelatedTerm[] };
  compared: TermSeries[];
  isCompared: (term: string) => boolean;
  onFocus: (term: string) => void;
  onAdd: (term: string) => void;
}) {
  return (
    <div style={{ marginTop: 'var(--space-4)' }}>
      <div className={styles.chartHeader}>
        <h3 style={{ margin: 0, fontSize: 'var(--text-md)' }}>Terms that appear with “{related.term.display}”</h3>
        {compared.length > 1 && (
          <label className={styles.hint}>
            Related to{' '}
            <select
              value={related.term.display}
              onChange={(e) => onFocus(e.target.value)}
              aria-label="Term whose related terms are listed"
            >
              {compared.map((s) => (
                <option key={s.id} value={s.display}>
                  {s.display}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {related.terms.length === 0 ? (
        <p className={styles.hint}>No related terms recorded.</p>
      ) : (
        <ul className={styles.chips} aria-label="Related terms">
          {related.terms.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => onAdd(r.display)}
                disabled={isCompared(r.display)}
                title={`${formatCount(r.papers)} papers with both · NPMI ${r.npmi.toFixed(2)}`}
              >
                {r.display} <span className={styles.count}>{formatCount(r.papers)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
