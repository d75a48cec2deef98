'use client';

import Link from 'next/link';
import { useState } from 'react';
import { DataTable } from '../DataTable';
import { ExportChart } from '../ExportChart';
import { rankByRelevance, termRelevance } from '@/lib/viz/term-relevance';
import { maxOf } from '@/lib/viz/extent';

export interface TopicTermDatum {
  term: string;
  rank: number;
  weight: number;
  count: number;
  logPwt: number;
  logLift: number | null;
}

const SHOWN = 20;
const ROW = 22;
const LABEL_WIDTH = 130;
const WIDTH = 420;

/** Writes λ into the URL without a server round trip (Next syncs native history calls). */
function writeLambdaToUrl(lambda: number | null) {
  const url = new URL(window.location.href);
  if (lambda == null) url.searchParams.delete('lambda');
  else url.searchParams.set('lambda', lambda.toFixed(2));
  window.history.replaceState(null, '', url);
}

/** The search for a term within its topic: where a reader goes to see the papers behind a bar. */
function termSearchHref(term: string, topicId: number): string {
  return `/search?${new URLSearchParams({ q: term, topic: String(topicId) })}`;
}

/**
 * A topic's terms as bars of c-TF-IDF weight, ordered either by that weight or by LDAvis
 * relevance at a λ picked with a slider. λ lives in the URL (?lambda=0.60). Each bar links to
 * the search for its term within the topic.
 */
export function TopicTermChart({
  terms,
  color,
  initialLambda,
  topicId,
  topicLabel,
}: {
  terms: readonly TopicTermDatum[];
  color: string;
  initialLambda: number | null;
  topicId: number;
  topicLabel: string;
}) {
  const [lambda, setLambda] = useState<number | null>(initialLambda);
  const ordered = (lambda == null ? [...terms].sort((a, b) => a.rank - b.rank) : rankByRelevance(terms, lambda)).slice(
    0,
    SHOWN,
  );
  const maxWeight = maxOf(
    terms.map((t) => t.weight),
    1e-12,
  );
  const barSpace = WIDTH - LABEL_WIDTH - 44;
  const height = ordered.length * ROW + 8;
  const setMode = (relevance: boolean) => {
    const next = relevance ? (lambda ?? 0.6) : null;
    setLambda(next);
    writeLambdaToUrl(next);
  };
  const title = `Top terms of ${topicLabel}, bars show c-TF-IDF weight, ordered by ${lambda == null ? 'weight' : `relevance at λ = ${lambda.toFixed(2)}`}`;
  return (
    <div>
      <div className="cluster" style={{ marginBottom: 12, justifyContent: 'space-between' }}>
        <fieldset className="cluster" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="visually-hidden">Order terms by</legend>
          <label className="cluster" style={{ gap: 4 }}>
            <input type="radio" name="term-order" checked={lambda == null} onChange={() => setMode(false)} /> c-TF-IDF
          </label>
          <label className="cluster" style={{ gap: 4 }}>
            <input type="radio" name="term-order" checked={lambda != null} onChange={() => setMode(true)} /> relevance
          </label>
        </fieldset>
        <label className="cluster" style={{ gap: 8, opacity: lambda == null ? 0.5 : 1 }}>
          <span className="subtle">λ = {(lambda ?? 0.6).toFixed(2)}</span>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={lambda ?? 0.6}
            disabled={lambda == null}
            aria-label="Relevance λ: 1 ranks by frequency in the topic, 0 by how specific a term is to it"
            onChange={(e) => {
              const next = Number(e.currentTarget.value);
              setLambda(next);
              writeLambdaToUrl(next);
            }}
          />
        </label>
      </div>
      <ExportChart filename="topic-terms" label="topic terms chart">
        <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
          <title>{title}</title>
          {ordered.map((t, i) => {
            const y = i * ROW + 4;
            const w = Math.max(1, (t.weight / maxWeight) * barSpace);
            return (
              // A pointer's way to the term's papers; the table below carries the same links for the
              // keyboard and screen readers (the chart itself is one image to them).
              <a key={t.term} href={termSearchHref(t.term, topicId)} tabIndex={-1} className="chart-link">
                <text x={LABEL_WIDTH - 8} y={y + ROW / 2} dy="0.32em" textAnchor="end" style={{ fontSize: 12 }}>
                  {t.term.length > 20 ? `${t.term.slice(0, 19)}…` : t.term}
                </text>
                <rect x={LABEL_WIDTH} y={y + 3} width={w} height={ROW - 6} rx={3} style={{ fill: color }}>
                  <title>{`${t.term}: weight ${t.weight.toPrecision(3)}, ${t.count} occurrences`}</title>
                </rect>
                <text x={LABEL_WIDTH + w + 6} y={y + ROW / 2} dy="0.32em">
                  {t.weight.toPrecision(2)}
                </text>
              </a>
            );
          })}
        </svg>
      </ExportChart>
      <DataTable
        caption={title}
        columns={[
          { label: 'Term' },
          { label: 'c-TF-IDF', numeric: true },
          { label: 'Count', numeric: true },
          { label: 'Relevance', numeric: true },
        ]}
        rows={ordered.map((t) => [
          <Link key={t.term} href={termSearchHref(t.term, topicId)}>
            {t.term}
          </Link>,
          t.weight.toPrecision(3),
          String(t.count),
          termRelevance(t, lambda ?? 0.6).toFixed(2),
        ])}
      />
    </div>
  );
}
