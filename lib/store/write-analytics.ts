/**
 * Writing the analytics of a build: the topic model, the co-author graph and the trends, each
 * straight from its stage's result into the tables of lib/store/schema.ts.
 */
import type Database from 'better-sqlite3';
import type { CoauthorGraph } from '../graph/types';
import { writeMeta } from './write';

/** Author stats, edges, communities, components and the offline layout. Store ids = graph ids + 1. */
export function writeCoauthorGraph(db: Database.Database, graph: CoauthorGraph): void {
  const insertStats = db.prepare(
    `INSERT INTO author_stats (author_id, papers, coauthors, first_year, last_year, degree, weighted_degree, betweenness, community_id, component_id, main_topics)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEdge = db.prepare('INSERT INTO coauthor_edges (source, target, papers, weight) VALUES (?, ?, ?, ?)');
  const insertCommunity = db.prepare('INSERT INTO communities (id, size) VALUES (?, ?)');
  const insertComponent = db.prepare('INSERT INTO components (id, size, laid_out) VALUES (?, ?, ?)');
  const insertLayout = db.prepare('INSERT INTO author_layout (author_id, x, y) VALUES (?, ?, ?)');
  const laidOutComponents = new Set<number>();
  for (const node of graph.layout.nodes) laidOutComponents.add(graph.authors[node.author].component);

  db.transaction(() => {
    for (const a of graph.authors) {
      insertStats.run(
        a.id + 1,
        a.paperCount,
        a.coauthorCount,
        a.firstYear,
        a.lastYear,
        a.degree,
        a.weightedDegree,
        a.betweenness,
        a.community,
        a.component,
        JSON.stringify(a.mainTopics.map((t) => [t.topic, t.count])),
      );
    }
    const { source, target, papers, fractional } = graph.edges;
    for (let i = 0; i < source.length; i++) insertEdge.run(source[i] + 1, target[i] + 1, papers[i], fractional[i]);
    for (const c of graph.communities) insertCommunity.run(c.id, c.size);
    for (const c of graph.components) insertComponent.run(c.id, c.size, laidOutComponents.has(c.id) ? 1 : 0);
    for (const n of graph.layout.nodes) insertLayout.run(n.author + 1, n.x, n.y);
  })();

  writeMeta(db, {
    graph_modularity: graph.modularity,
    graph_betweenness_sampled: graph.betweennessSampled,
    graph_large_papers: graph.largePapers,
    graph_papers_without_names: graph.papersWithoutNames,
    graph_layout_width: graph.layout.width,
    graph_layout_height: graph.layout.height,
    graph_layout_truncated: graph.layout.truncated,
    graph_options: graph.options,
  });
}
