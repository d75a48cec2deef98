/**
 * The rising, falling, bursting and new terms, each with its sparkline; a click adds a term to the
 * comparison. The choice above them says which terms the lists take.
 */
import type { NewTerm, TermBurst, TermMover } from '@/lib/store/read/trends';
import { formatPeriod } from '@/lib/viz/format';
import { formatBurst, formatSlope, pickIndices } from '@/lib/viz/trend-series';
import type { MoverKind } from '@/lib/viz/trends-state';
import { Sparkline } from '../../charts/Sparkline';
import { ChoiceGroup } from '../ChoiceGroup';
import styles from '../viz.module.css';

interface ListedTerm {
  id: number;
  display: string;
  share: number[];
}

interface ListProps {
  /** The periods with enough papers for a share: the sparklines take these. */
  dense: number[];
  periodWord: string;
  /** False when the term cannot be added (compared already, or the comparison is full). */
  canAdd: (term: string) => boolean;
  onAdd: (term: string) => void;
}

function MoverList<T extends ListedTerm>({
  title,
  items,
  describe,
  testId,
  dense,
  periodWord,
  canAdd,
  onAdd,
}: ListProps & { title: string; items: T[]; describe: (t: T) => string; testId: string }) {
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h2 style={{ fontSize: 'var(--text-lg)', marginTop: 0 }}>{title}</h2>
      {items.length === 0 ? (
        <p className={styles.hint}>None in this build.</p>
      ) : (
        <ul className={styles.moverList}>
          {items.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className={styles.moverButton}
                onClick={() => onAdd(t.display)}
                disabled={!canAdd(t.display)}
                aria-label={`Compare “${t.display}” (${describe(t)})`}
              >
                <span className={styles.moverText}>
                  <span className={styles.truncate} title={t.display}>
                    {t.display}
                  </span>
                  <span className={styles.moverNote}>{describe(t)}</span>
                </span>
                <Sparkline
                  values={pickIndices(t.share, dense)}
                  width={84}
                  height={22}
                  label={`share of “${t.display}” per ${periodWord}`}
                />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MoverLists({
  kind,
  onKind,
  movers,
  newTerms,
  ...list
}: ListProps & {
  kind: MoverKind;
  onKind: (kind: MoverKind) => void;
  movers: { rising: TermMover[]; falling: TermMover[]; bursting: TermBurst[] };
  newTerms: NewTerm[];
}) {
  const slope = (t: TermMover) => formatSlope(t.slope, list.periodWord);
  return (
    <>
      <div className={styles.chartHeader}>
        <ChoiceGroup
          name="mover-kind"
          label="Terms in the rising, falling and bursting lists"
          options={[
            ['subjects', 'Subjects first'],
            ['all', 'All words'],
            ['phrases', 'Phrases only'],
          ]}
          value={kind}
          onChange={onKind}
        />
      </div>
      <div className={styles.lists}>
        <MoverList title="Rising" items={movers.rising} describe={slope} testId="rising-terms" {...list} />
        <MoverList title="Falling" items={movers.falling} describe={slope} testId="falling-terms" {...list} />
        <MoverList title="Bursting" items={movers.bursting} describe={formatBurst} testId="bursting-terms" {...list} />
        {newTerms.length > 0 && (
          <MoverList
            title="New subjects"
            items={newTerms}
            describe={(t) => (t.firstPeriod ? `since ${formatPeriod(t.firstPeriod)}` : '')}
            testId="new-subjects"
            {...list}
          />
        )}
      </div>
    </>
  );
}
