/**
 * The "Compare terms" card: the picker, the compared terms' share per period as a chart and a
 * table (with their CSV), and the terms related to one of them.
 */
import type { TermSeries } from '@/lib/store/read/trends';
import { formatCount, formatPeriod, formatShare } from '@/lib/viz/format';
import { categoricalColor } from '@/lib/viz/palette';
import { formatSparsePeriods, formatTermSeriesCsv } from '@/lib/viz/trend-series';
import { DataTable } from '../../DataTable';
import { ExportChart } from '../../ExportChart';
import { downloadText } from '../download';
import { TermTrendChart } from '../../charts/TermTrendChart';
import styles from '../viz.module.css';
import { RelatedTerms } from './RelatedTerms';
import { TermPicker } from './TermPicker';
import type { TrendsData } from './trends-data';

interface ChartTerm {
  key: string;
  label: string;
  color: string;
  papers: number[];
  share: number[];
}

function TermSeriesView({
  periods,
  papers,
  terms,
  minPeriodPapers,
}: {
  periods: string[];
  papers: number[];
  terms: ChartTerm[];
  minPeriodPapers: number;
}) {
  const sparse = formatSparsePeriods(periods, papers, minPeriodPapers);
  return (
    <>
      <ExportChart filename="topicscope-term-trends" label="term trends chart">
        <TermTrendChart periods={periods} periodPapers={papers} terms={terms} minPeriodPapers={minPeriodPapers} />
      </ExportChart>
      {sparse.length > 0 && (
        <p className={styles.hint}>
          Left out of the share charts and sparklines: {sparse.join(', ')} — fewer than {minPeriodPapers} papers, where
          a share would swing wildly. The table below keeps their counts.
        </p>
      )}
      <DataTable
        caption="Share and papers per period for each compared term"
        columns={[
          { label: 'Period' },
          { label: 'Papers', numeric: true },
          ...terms.map((t) => ({ label: t.label, numeric: true })),
        ]}
        rows={periods.map((p, i) => [
          formatPeriod(p),
          formatCount(papers[i]),
          ...terms.map((t) =>
            papers[i] < minPeriodPapers
              ? `${formatCount(t.papers[i])}`
              : `${formatShare(t.share[i])} (${formatCount(t.papers[i])})`,
          ),
        ])}
      />
    </>
  );
}

export function TermComparison({
  terms,
  shown,
  compared,
  error,
  minPeriodPapers,
  isCompared,
  onAdd,
  onRemove,
  onFocus,
}: {
  terms: string[];
  shown: TrendsData;
  /** The series of the compared terms, in the order of `shown.series`. */
  compared: TermSeries[];
  error: string | undefined;
  minPeriodPapers: number;
  isCompared: (term: string) => boolean;
  onAdd: (term: string) => void;
  onRemove: (term: string) => void;
  onFocus: (term: string) => void;
}) {
  const { periods, papers } = shown;
  const periodWord = shown.granularity === 'month' ? 'month' : 'year';
  const chartTerms = compared.map((s, i) => ({
    key: `t${s.id}`,
    label: s.display,
    color: categoricalColor(i),
    papers: s.papers,
    share: s.share,
  }));
  const colorIndex = (term: string) => compared.findIndex((s) => s.display.toLowerCase() === term.toLowerCase());
  const exportCsv = () =>
    downloadText(formatTermSeriesCsv(periods, papers, compared), 'topicscope-term-series.csv', 'text/csv');

  return (
    <section className="card" aria-label="Compare terms">
      <div className={styles.chartHeader}>
        <h2>Share of papers using each term, per {periodWord}</h2>
        {compared.length > 0 && (
          <button type="button" className="btn" onClick={exportCsv}>
            CSV
          </button>
        )}
      </div>
      <TermPicker terms={terms} colorIndex={colorIndex} onAdd={onAdd} onRemove={onRemove} />
      {error && <p className={styles.error}>{error}</p>}
      {shown.missing.length > 0 && (
        <p className={styles.hint}>Not in the vocabulary: {shown.missing.map((m) => `“${m}”`).join(', ')}.</p>
      )}
      {chartTerms.length === 0 ? (
        <p className={styles.hint}>
          Pick terms above, or click a rising, falling or bursting term below, to compare them here.
        </p>
      ) : (
        <TermSeriesView periods={periods} papers={papers} terms={chartTerms} minPeriodPapers={minPeriodPapers} />
      )}
      {shown.related && (
        <RelatedTerms
          related={shown.related}
          compared={compared}
          isCompared={isCompared}
          onFocus={onFocus}
          onAdd={onAdd}
        />
      )}
    </section>
  );
}
