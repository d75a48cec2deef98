import type { QualityReport } from '@/lib/store/read/quality';
import { formatCount, formatSourceName } from '@/lib/viz/format';

/** The input records that could not be used, by reason and by file. */
export function RejectedRecords({ report }: { report: QualityReport }) {
  const totalRejected = report.sources.reduce((s, f) => s + f.rejected, 0);
  return (
    <section className="card section" id="rejected" aria-labelledby="rejected-title">
      <h2 id="rejected-title" className="card-title">
        Input records not used
      </h2>
      {totalRejected === 0 ? (
        <p className="muted">Every record of every file was read.</p>
      ) : (
        <div className="grid-2">
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Rejected records by reason</caption>
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col" className="num">
                    Records
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.rejectedByReason.map((r) => (
                  <tr key={r.reason}>
                    <td>{r.reason}</td>
                    <td className="num">{formatCount(r.records)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Rejected records by file</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col" className="num">
                    Read
                  </th>
                  <th scope="col" className="num">
                    Rejected
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.sources.map((s) => (
                  <tr key={s.file}>
                    <td title={s.file}>{formatSourceName(s.file)}</td>
                    <td className="num">{formatCount(s.recordsRead)}</td>
                    <td className="num">{formatCount(s.rejected)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
