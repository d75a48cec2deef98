import type { QualityReport } from '@/lib/store/read/quality';
import { formatDecimal } from '@/lib/viz/format';
import { DataTable } from '../DataTable';
import { ExportChart } from '../ExportChart';
import { LineChart } from '../charts/LineChart';

/** How the number of topics was chosen: the silhouette of each k tried, the chosen one marked. */
export function KSelection({ kScores, chosenK }: { kScores: QualityReport['kScores']; chosenK: number | null }) {
  return (
    <section className="card" aria-labelledby="k-title">
      <div className="card-header">
        <h2 id="k-title">How the number of topics was chosen</h2>
      </div>
      {kScores.length > 0 ? (
        <>
          <ExportChart filename="k-selection" label="silhouette by number of topics chart">
            <LineChart
              title="Silhouette for each number of topics tried; the chosen one is marked"
              points={kScores.map((k) => ({ x: String(k.k), y: k.silhouette }))}
              marked={chosenK != null ? String(chosenK) : undefined}
              markedLabel={chosenK != null ? `chosen k = ${chosenK}` : undefined}
              format={{ decimals: 3 }}
              xLabel="number of topics (k)"
              yLabel="silhouette"
              zeroBased={false}
            />
          </ExportChart>
          <p className="subtle" style={{ marginTop: 8 }}>
            Each candidate k was clustered and scored by silhouette on a sample; higher means better separated topics.
          </p>
          <DataTable
            caption="Silhouette per number of topics"
            columns={[{ label: 'k', numeric: true }, { label: 'Silhouette', numeric: true }, { label: 'Chosen' }]}
            rows={kScores.map((k) => [String(k.k), formatDecimal(k.silhouette, 4), k.chosen ? 'yes' : ''])}
          />
        </>
      ) : (
        <p className="muted">The number of topics was fixed by an option, not searched.</p>
      )}
    </section>
  );
}
