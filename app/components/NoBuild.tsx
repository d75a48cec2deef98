import type { BuildProblem } from '@/lib/store/read';

/** What a page shows instead of data when there is no usable build, and how to make one. */
export function NoBuild({ problem }: { problem: BuildProblem }) {
  const title =
    problem.reason === 'version'
      ? 'This build was made by another version of Topicscope'
      : problem.reason === 'corrupt'
        ? 'The build cannot be read'
        : 'No build yet';
  return (
    <div className="page">
      <div className="card" style={{ maxWidth: 720 }} role="status">
        <span className="eyebrow">Topicscope</span>
        <h1>{title}</h1>
        {problem.reason === 'missing' ? (
          <p className="muted">
            The dashboard reads its data from one SQLite file made by the pipeline. There is none at{' '}
            <code>{problem.file}</code> yet.
          </p>
        ) : (
          <p className="muted">{problem.message}</p>
        )}
        <p>Make one from the bundled corpus (or your own files) with:</p>
        <pre className="callout" style={{ fontFamily: 'var(--font-mono)', margin: '0 0 12px' }}>
          npm run pipeline{'\n'}npm run pipeline -- --input path/to/papers.jsonl
        </pre>
        <p className="subtle">
          This app reads schema version {problem.expectedVersion}. The running server picks up a new build as soon as
          the pipeline finishes: just reload this page.
        </p>
      </div>
    </div>
  );
}
