/**
 * SQLite against DuckDB on analytical queries over a build's per-paper tables (docs/scaling.md).
 * DuckDB is not a dependency: install it beside the project first, without saving it,
 *
 *   npm install --no-save @duckdb/node-api
 *   node scripts/measure-duckdb.mjs /tmp/b-300k/analytics.db
 *
 * The tables the queries read are copied from the build into an in-memory DuckDB database (the
 * time is printed), then every query runs 10 times on each engine; the medians are printed.
 */
import Database from 'better-sqlite3';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/measure-duckdb.mjs BUILD/analytics.db\n');
  process.exit(1);
}
const { DuckDBInstance } = await import('@duckdb/node-api');
const sqlite = new Database(file, { readonly: true });
sqlite.pragma('cache_size = -65536');
sqlite.pragma('mmap_size = 268435456');
const duck = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect();
await duck.run(
  'CREATE TABLE papers (id INTEGER, year INTEGER); CREATE TABLE paper_topics (paper_id INTEGER, topic_id INTEGER); CREATE TABLE paper_authors (paper_id INTEGER, author_id INTEGER)',
);
const started = performance.now();
for (const [table, sql] of [
  ['papers', 'SELECT id, year FROM papers'],
  ['paper_topics', 'SELECT paper_id, topic_id FROM paper_topics'],
  ['paper_authors', 'SELECT paper_id, author_id FROM paper_authors'],
]) {
  const appender = await duck.createAppender(table);
  for (const row of sqlite.prepare(sql).raw().iterate()) {
    appender.appendInteger(row[0]);
    if (row[1] == null) appender.appendNull();
    else appender.appendInteger(row[1]);
    appender.endRow();
  }
  appender.closeSync();
}
const papers = sqlite.prepare('SELECT COUNT(*) AS n FROM papers').get().n;
console.log(`${papers} papers; copied into DuckDB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const topic = sqlite.prepare('SELECT id FROM topics ORDER BY size DESC, id LIMIT 1').get().id;
const queries = [
  [
    'papers per topic and year',
    'SELECT pt.topic_id, p.year, COUNT(*) AS n FROM papers p JOIN paper_topics pt ON pt.paper_id = p.id GROUP BY pt.topic_id, p.year',
  ],
  ['papers per year', 'SELECT year, COUNT(*) AS n FROM papers WHERE year IS NOT NULL GROUP BY year'],
  ['papers with named authors', 'SELECT COUNT(DISTINCT paper_id) AS n FROM paper_authors'],
  [
    'authors with most papers in the largest topic',
    `SELECT pa.author_id, COUNT(*) AS n FROM paper_authors pa JOIN paper_topics pt ON pt.paper_id = pa.paper_id
     WHERE pt.topic_id = ${topic} GROUP BY pa.author_id ORDER BY n DESC, pa.author_id LIMIT 12`,
  ],
];
const median = async (run) => {
  await run();
  const times = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[5].toFixed(1);
};
for (const [name, sql] of queries) {
  const s = await median(() => sqlite.prepare(sql).all());
  const d = await median(() => duck.runAndReadAll(sql));
  console.log(`${name}: SQLite ${s} ms, DuckDB ${d} ms`);
}
