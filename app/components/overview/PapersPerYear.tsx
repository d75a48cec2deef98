import Link from 'next/link';
import type { Overview } from '@/lib/store/read/overview';
import { formatCount } from '@/lib/viz/format';
import { DataTable } from '../DataTable';
import { ExportChart } from '../ExportChart';
import { ColumnChart } from '../charts/ColumnChart';

/** Papers per year as columns and a table, each year linking to its papers. */
export function PapersPerYear({ papersPerYear }: { papersPerYear: Overview['papersPerYear'] }) {
  return (
    <section className="card" aria-labelledby="per-year">
      <div className="card-header">
        <h2 id="per-year">Papers per year</h2>
      </div>
      {papersPerYear.length > 0 ? (
        <ExportChart filename="papers-per-year" label="papers per year chart">
          <ColumnChart
            title="Papers per year"
            data={papersPerYear.map((y) => ({
              label: String(y.year),
              value: y.papers,
              href: `/search?from=${y.year}&to=${y.year}`,
            }))}
            formatValue={formatCount}
          />
        </ExportChart>
      ) : (
        <p className="muted">No paper in this corpus has a year.</p>
      )}
      <DataTable
        caption="Papers per year"
        columns={[{ label: 'Year' }, { label: 'Papers', numeric: true }]}
        rows={papersPerYear.map((y) => [
          <Link key="y" href={`/search?from=${y.year}&to=${y.year}`}>
            {y.year}
          </Link>,
          formatCount(y.papers),
        ])}
      />
    </section>
  );
}
