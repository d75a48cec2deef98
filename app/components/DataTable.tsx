import type { ReactNode } from 'react';

/** A chart's data as a table, folded away under the chart: the screen-reader and copy-paste view. */
export function DataTable({
  caption,
  columns,
  rows,
  summary = 'Show data as a table',
}: {
  caption: string;
  columns: readonly { label: string; numeric?: boolean }[];
  rows: readonly (readonly ReactNode[])[];
  summary?: string;
}) {
  return (
    <details className="data-table">
      <summary>{summary}</summary>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={columns[j]?.numeric ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
