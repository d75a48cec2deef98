'use client';
/**
 * The trends page's interactive part: pick terms (autocomplete over the vocabulary) and compare
 * their share of papers per period; rising, falling and bursting terms with sparklines (click
 * adds one); topic shares as stacked areas or a streamgraph; related terms of one compared term.
 * The view (terms, focus, stack mode, which terms the lists take) lives in the URL.
 */
import { useEffect, useMemo, useState } from 'react';
import type {
  NewTerm,
  RelatedTerm,
  TimelineBurst,
  TopicEvolutionData,
  TermBurst,
  TermMover,
  TermSeries,
  TopicShares,
  TrendTerm,
} from '@/lib/store/read/trends';
import { formatCount, formatPeriod, formatShare } from '@/lib/viz/format';
import { categoricalColor } from '@/lib/viz/palette';
import { formatCsv } from '@/lib/viz/csv';
import { densePeriods, pickIndices } from '@/lib/viz/trend-series';
import { formatTrendsState, MAX_COMPARED_TERMS, type StackMode, type TrendsViewState } from '@/lib/viz/url-state';
import { Sparkline } from '../charts/Sparkline';
import { DataTable } from '../DataTable';
import { ExportChart } from '../ExportChart';
import { Autocomplete } from './Autocomplete';
import { TermTrendChart } from './TermTrendChart';
import { BurstTimeline } from './BurstTimeline';
import { EvolutionFlow } from './EvolutionFlow';
import { TopicMultiples } from './TopicMultiples';
import { TopicStreamChart } from './TopicStreamChart';
import { useUrlState } from './use-url-state';
import { ChoiceGroup } from './ChoiceGroup';
import styles from './viz.module.css';
import { downloadText } from './download';
import { fetchJson } from './fetch-json';

export interface TrendsData {
  granularity: 'year' | 'month';
  periods: string[];
  papers: number[];
  series: TermSeries[];
  missing: string[];
  related: { term: TrendTerm; terms: RelatedTerm[] } | null;
}

interface TermMovers {
  rising: TermMover[];
  falling: TermMover[];
  bursting: TermBurst[];
}

interface Props {
  initial: TrendsViewState;
  data: TrendsData;
  /** The mover lists: subjects first, every word by its raw score, phrases only; the view picks one. */
  movers: Record<TrendsViewState['movers'], TermMovers>;
  topicShares: TopicShares;
  minPeriodPapers: number;
  /** New subjects: first seen late and taking off. */
  newTerms: NewTerm[];
  /** The subjects-first burst timeline of all topics. */
  bursts: TimelineBurst[];
  evolution: TopicEvolutionData;
}

function seriesQuery(state: TrendsViewState): string {
  const params = new URLSearchParams({ terms: state.terms.join(',') });
  if (state.focus) params.set('related', state.focus);
  return params.toString();
}

export function TrendsExplorer({
  initial,
  data: initialData,
  movers: moverKinds,
  topicShares,
  minPeriodPapers,
  newTerms,
  bursts,
  evolution,
}: Props) {
  const [state, setState] = useState<TrendsViewState>(initial);
  const movers = moverKinds[state.movers];
  const [fetched, setFetched] = useState<{ query: string; data?: TrendsData; error?: string } | null>(null);
  useUrlState(formatTrendsState(state));

  const query = seriesQuery(state);
  const initialQuery = useMemo(() => seriesQuery(initial), [initial]);
  useEffect(() => {
    if (query === initialQuery) return;
    const controller = new AbortController();
    fetchJson<TrendsData>(`/api/trends/series?${query}`, { signal: controller.signal })
      .then((data) => setFetched({ query, data }))
      .catch((error: Error) => error.name !== 'AbortError' && setFetched({ query, error: error.message }));
    return () => controller.abort();
  }, [query, initialQuery]);

  // Until the new series arrive, keep showing the last ones we have.
  const [shown, setShown] = useState<TrendsData>(initialData);
  const latest = query === initialQuery ? initialData : fetched?.query === query ? fetched.data : undefined;
  if (latest && latest !== shown) setShown(latest);
  const error = fetched?.query === query ? fetched.error : undefined;

  const { periods, papers } = shown;
  const compared = shown.series.filter((s) => state.terms.some((t) => t.toLowerCase() === s.display.toLowerCase()));
  const chartTerms = compared.map((s, i) => ({
    key: `t${s.id}`,
    label: s.display,
    color: categoricalColor(i),
    papers: s.papers,
    share: s.share,
  }));
  const comparedLower = new Set(state.terms.map((t) => t.toLowerCase()));

  function addTerm(display: string) {
    setState((s) => {
      if (s.terms.some((t) => t.toLowerCase() === display.toLowerCase()) || s.terms.length >= MAX_COMPARED_TERMS)
        return s;
      return { ...s, terms: [...s.terms, display] };
    });
  }
  function removeTerm(display: string) {
    setState((s) => ({
      ...s,
      terms: s.terms.filter((t) => t !== display),
      focus: s.focus === display ? null : s.focus,
    }));
  }

  const sparse = periods.flatMap((p, i) =>
    papers[i] < minPeriodPapers ? [`${formatPeriod(p)} (${formatCount(papers[i])})`] : [],
  );
  const dense = densePeriods(papers, minPeriodPapers);
  const periodWord = shown.granularity === 'month' ? 'month' : 'year';

  const moverList = <T extends { id: number; display: string; share: number[] }>(
    title: string,
    items: T[],
    describe: (t: T) => string,
    testId: string,
  ) => (
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
                onClick={() => addTerm(t.display)}
                disabled={comparedLower.has(t.display.toLowerCase()) || state.terms.length >= MAX_COMPARED_TERMS}
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

  const slope = (t: TermMover | TermBurst) =>
    'slope' in t ? `${t.slope >= 0 ? '+' : ''}${(t.slope * 100).toFixed(2)} pts/${periodWord}` : '';
  const burst = (t: TermMover | TermBurst) =>
    'start' in t
      ? `${formatPeriod(t.start)}${t.end !== t.start ? `–${formatPeriod(t.end)}` : ''} · ${t.strength.toFixed(1)}`
      : '';

  return (
    <div className="stack">
      <section className="card" aria-label="Compare terms">
        <div className={styles.chartHeader}>
          <h2>Share of papers using each term, per {periodWord}</h2>
          {compared.length > 0 && (
            <button
              type="button"
              className="btn"
              onClick={() =>
                downloadText(
                  formatCsv(
                    ['period', 'papers', ...compared.flatMap((c) => [`${c.display} papers`, `${c.display} share`])],
                    periods.map((p, i) => [
                      p,
                      papers[i],
                      ...compared.flatMap((c) => [c.papers[i], Number(c.share[i].toFixed(6))]),
                    ]),
                  ),
                  'topicscope-term-series.csv',
                  'text/csv',
                )
              }
            >
              CSV
            </button>
          )}
        </div>
        <div className={styles.graphToolbar}>
          <Autocomplete<TrendTerm>
            label={`Add a term or phrase (up to ${MAX_COMPARED_TERMS})`}
            placeholder="e.g. diffusion"
            testId="term-search"
            fetchOptions={(q, signal) =>
              fetchJson<{ terms: TrendTerm[] }>(`/api/trends/terms?q=${encodeURIComponent(q)}`, { signal }).then(
                (r) => r.terms,
              )
            }
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
            onPick={(t) => addTerm(t.display)}
          />
          <ul className={styles.chips} aria-label="Compared terms">
            {state.terms.map((t) => {
              const i = compared.findIndex((s) => s.display.toLowerCase() === t.toLowerCase());
              return (
                <li key={t} className={styles.chip}>
                  {i >= 0 && (
                    <span className={styles.swatch} style={{ background: categoricalColor(i) }} aria-hidden="true" />
                  )}
                  {t}
                  <button type="button" onClick={() => removeTerm(t)} aria-label={`Remove ${t}`}>
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
        {error && <p className={styles.error}>{error}</p>}
        {shown.missing.length > 0 && (
          <p className={styles.hint}>Not in the vocabulary: {shown.missing.map((m) => `“${m}”`).join(', ')}.</p>
        )}
        {chartTerms.length === 0 ? (
          <p className={styles.hint}>
            Pick terms above, or click a rising, falling or bursting term below, to compare them here.
          </p>
        ) : (
          <>
            <ExportChart filename="topicscope-term-trends" label="term trends chart">
              <TermTrendChart
                periods={periods}
                periodPapers={papers}
                terms={chartTerms}
                minPeriodPapers={minPeriodPapers}
              />
            </ExportChart>
            {sparse.length > 0 && (
              <p className={styles.hint}>
                Left out of the share charts and sparklines: {sparse.join(', ')} — fewer than {minPeriodPapers} papers,
                where a share would swing wildly. The table below keeps their counts.
              </p>
            )}
            <DataTable
              caption="Share and papers per period for each compared term"
              columns={[
                { label: 'Period' },
                { label: 'Papers', numeric: true },
                ...chartTerms.map((t) => ({ label: t.label, numeric: true })),
              ]}
              rows={periods.map((p, i) => [
                formatPeriod(p),
                formatCount(papers[i]),
                ...chartTerms.map((t) =>
                  papers[i] < minPeriodPapers
                    ? `${formatCount(t.papers[i])}`
                    : `${formatShare(t.share[i])} (${formatCount(t.papers[i])})`,
                ),
              ])}
            />
          </>
        )}
        {shown.related && (
          <div style={{ marginTop: 'var(--space-4)' }}>
            <div className={styles.chartHeader}>
              <h3 style={{ margin: 0, fontSize: 'var(--text-md)' }}>
                Terms that appear with “{shown.related.term.display}”
              </h3>
              {compared.length > 1 && (
                <label className={styles.hint}>
                  Related to{' '}
                  <select
                    value={shown.related.term.display}
                    onChange={(e) => setState((s) => ({ ...s, focus: e.target.value }))}
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
            {shown.related.terms.length === 0 ? (
              <p className={styles.hint}>No related terms recorded.</p>
            ) : (
              <ul className={styles.chips} aria-label="Related terms">
                {shown.related.terms.map((r) => (
                  <li key={r.id}>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => addTerm(r.display)}
                      disabled={comparedLower.has(r.display.toLowerCase())}
                      title={`${formatCount(r.papers)} papers with both · NPMI ${r.npmi.toFixed(2)}`}
                    >
                      {r.display} <span className={styles.count}>{formatCount(r.papers)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>

      <div className={styles.chartHeader}>
        <ChoiceGroup
          name="mover-kind"
          label="Terms in the rising, falling and bursting lists"
          options={[
            ['subjects', 'Subjects first'],
            ['all', 'All words'],
            ['phrases', 'Phrases only'],
          ]}
          value={state.movers}
          onChange={(movers) => setState((s) => ({ ...s, movers }))}
        />
      </div>
      <div className={styles.lists}>
        {moverList('Rising', movers.rising, slope, 'rising-terms')}
        {moverList('Falling', movers.falling, slope, 'falling-terms')}
        {moverList('Bursting', movers.bursting, burst, 'bursting-terms')}
        {newTerms.length > 0 &&
          moverList(
            'New subjects',
            newTerms,
            (t: NewTerm) => (t.firstPeriod ? `since ${formatPeriod(t.firstPeriod)}` : ''),
            'new-subjects',
          )}
      </div>

      <section className="card" aria-label="Topic shares over time">
        <div className={styles.chartHeader}>
          <h2>Topics over time</h2>
          <ChoiceGroup<StackMode>
            name="stack-mode"
            label="Layout of the topic chart"
            options={[
              ['multiples', 'One chart per topic'],
              ['share', 'Share of papers (stacked)'],
              ['stream', 'Papers (streamgraph)'],
            ]}
            value={state.stack}
            onChange={(stack) => setState((s) => ({ ...s, stack }))}
          />
        </div>
        {state.stack !== 'stream' && dense.length < periods.length && (
          <p className={styles.hint}>
            Shares leave out the periods with fewer than {minPeriodPapers} papers; the streamgraph shows every period’s
            papers.
          </p>
        )}
        {topicShares.topics.length === 0 || periods.length === 0 ? (
          <p className={styles.hint}>No topics or periods in this build.</p>
        ) : (
          <>
            <ExportChart filename="topicscope-topics-over-time" label="topics over time chart">
              {state.stack === 'multiples' ? (
                <TopicMultiples
                  periods={pickIndices(periods, dense)}
                  periodPapers={pickIndices(papers, dense)}
                  topics={topicShares.topics}
                  papers={topicShares.papers.map((row) => pickIndices(row, dense))}
                />
              ) : (
                <TopicStreamChart
                  periods={state.stack === 'share' ? pickIndices(periods, dense) : periods}
                  periodPapers={state.stack === 'share' ? pickIndices(papers, dense) : papers}
                  topics={topicShares.topics}
                  papers={
                    state.stack === 'share'
                      ? topicShares.papers.map((row) => pickIndices(row, dense))
                      : topicShares.papers
                  }
                  mode={state.stack}
                />
              )}
            </ExportChart>
            <DataTable
              caption="Papers per topic and period"
              columns={[{ label: 'Topic' }, ...periods.map((p) => ({ label: formatPeriod(p), numeric: true }))]}
              rows={topicShares.topics.map((t, i) => [t.label, ...topicShares.papers[i].map((n) => formatCount(n))])}
            />
          </>
        )}
      </section>
      <BurstTimeline
        periods={periods}
        initial={bursts}
        topics={topicShares.topics.map((t) => ({ id: t.id, label: t.label }))}
        kind={state.movers}
        topic={state.burstTopic}
        onTopic={(burstTopic) => setState((s) => ({ ...s, burstTopic }))}
      />
      <EvolutionFlow
        data={evolution}
        selected={state.evolution}
        onSelect={(node) => setState((s) => ({ ...s, evolution: node }))}
      />
    </div>
  );
}
