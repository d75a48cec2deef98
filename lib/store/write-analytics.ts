/**
 * Writing the analytics of a build: the topic model, the co-author graph and the trends, each
 * straight from its stage's result into the tables of lib/store/schema.ts. Nothing is computed
 * here: what a table holds comes from its stage.
 */
import type Database from 'better-sqlite3';
import type { Corpus } from '../corpus/types';
import type { Historiograph } from '../citations/historiograph';
import type { CitationLayer } from '../citations/index';
import type { CitationNetwork } from '../citations/network';
import type { BuiltCooccurrenceMap } from '../graph/cooccurrence-maps';
import type { CoauthorGraph } from '../graph/types';
import type { QualityFigure } from '../model/quality-report';
import type { TopicModel } from '../model/types';
import type { TopicEvolution } from '../trends/evolution';
import type { Trends } from '../trends/types';
import type { KeywordTerms } from '../trends/keywords';
import { RowWriter, writeMeta } from './write';

/** Author stats, edges, communities, components the map of communities and the laid-out members. Store ids = graph ids + 1. */
export function writeCoauthorGraph(db: Database.Database, graph: CoauthorGraph): void {
  const insertCommunity = db.prepare(
    `INSERT INTO communities (id, size, papers, topic_id, topic_share, top_authors, mapped, x, y, radius, detail, network, sub_communities)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLink = db.prepare(
    'INSERT INTO community_links (source, target, papers, weight, strength) VALUES (?, ?, ?, ?, ?)',
  );
  const insertComponent = db.prepare('INSERT INTO components (id, size, laid_out) VALUES (?, ?, ?)');
  const insertLayout = db.prepare(
    `INSERT INTO author_layout (author_id, community_id, rank, sub_community, local_x, local_y, x, y, in_network)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const { map } = graph;

  db.transaction(() => {
    const stats = new RowWriter(
      db,
      'author_stats',
      [
        'author_id',
        'papers',
        'coauthors',
        'first_year',
        'last_year',
        'degree',
        'weighted_degree',
        'betweenness',
        'community_id',
        'component_id',
        'main_topics',
      ],
      64,
    );
    for (const a of graph.authors) {
      stats.add(
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
    stats.flush();
    const { source, target, papers, fractional } = graph.edges;
    // Millions of narrow rows at scale: many to a statement.
    const edges = new RowWriter(db, 'coauthor_edges', ['source', 'target', 'papers', 'weight'], 128);
    for (let i = 0; i < source.length; i++) edges.add(source[i] + 1, target[i] + 1, papers[i], fractional[i]);
    edges.flush();
    for (const c of graph.communities) {
      const facts = graph.communityFacts[c.id];
      const drawn = map.communities[c.id];
      insertCommunity.run(
        c.id,
        c.size,
        facts.papers,
        facts.topic,
        facts.topicShare,
        JSON.stringify(facts.topAuthors.map((a) => a + 1)),
        drawn ? 1 : 0,
        drawn?.x ?? null,
        drawn?.y ?? null,
        drawn?.radius ?? null,
        drawn?.detail ?? 0,
        drawn?.network ?? 0,
        drawn?.subCommunities ?? 0,
      );
    }
    for (const l of map.links) insertLink.run(l.source, l.target, l.papers, l.weight, l.strength);
    for (const c of graph.components) insertComponent.run(c.id, c.size, graph.componentLaidOut[c.id]);
    for (const m of map.members) {
      insertLayout.run(m.author + 1, m.community, m.rank, m.sub, m.localX, m.localY, m.x, m.y, m.inNetwork ? 1 : 0);
    }
  })();

  writeMeta(db, {
    graph_modularity: graph.modularity,
    graph_betweenness_sampled: graph.betweennessSampled,
    graph_large_papers: graph.largePapers,
    graph_papers_without_names: graph.papersWithoutNames,
    graph_layout_width: map.width,
    graph_layout_height: map.height,
    graph_options: graph.options,
  });
}

/** Direct citations (store ids are the papers' ids) and the foundations; counts in meta. */
export function writeCitationLayer(db: Database.Database, layer: CitationLayer, paperIds: ArrayLike<number>): void {
  const insertCitation = db.prepare('INSERT INTO citations (citing_id, cited_id) VALUES (?, ?)');
  const insertReference = db.prepare(
    'INSERT INTO cited_references (rank, ref_key, citations, raw, doi, title) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < layer.citing.length; i++)
      insertCitation.run(paperIds[layer.citing[i]], paperIds[layer.cited[i]]);
    layer.foundations.forEach((f, rank) => insertReference.run(rank, f.key, f.citations, f.raw, f.doi, f.title));
  })();
  writeMeta(db, {
    citations_local: layer.citing.length,
    citations_papers_with_references: layer.papersWithReferences,
    citations_unresolved: layer.unresolved,
  });
}

/** The citation clusters, each paper's cluster, the network view's papers and the historiograph. */
export function writeCitationNetwork(
  db: Database.Database,
  network: CitationNetwork,
  historiograph: Historiograph,
  paperIds: ArrayLike<number>,
): void {
  const insertCluster = db.prepare(
    'INSERT INTO citation_clusters (id, label, size, terms, x, y, radius, drawn) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMember = db.prepare('INSERT INTO paper_citation_clusters (paper_id, cluster_id) VALUES (?, ?)');
  const insertPlace = db.prepare(
    'INSERT INTO citation_network (paper_id, cluster_id, rank, x, y) VALUES (?, ?, ?, ?, ?)',
  );
  const insertHistory = db.prepare(
    'INSERT INTO historiograph (rank, paper_id, year, lane, local_citations) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const c of network.clusters)
      insertCluster.run(c.id, c.label, c.size, JSON.stringify(c.terms), c.x, c.y, c.radius, c.drawn);
    network.clusterOf.forEach((c, p) => {
      if (c >= 0) insertMember.run(paperIds[p], c);
    });
    for (const place of network.places)
      insertPlace.run(paperIds[place.paper], place.cluster, place.rank, place.x, place.y);
    for (const node of historiograph.nodes)
      insertHistory.run(node.rank, paperIds[node.paper], node.year, node.lane, node.localCitations);
  })();
  writeMeta(db, {
    citation_network: {
      network: network.network,
      linked: network.linked,
      clusters: network.clusters.length,
      clustered: network.clustered,
      drawn: network.places.length,
      limit: network.limit,
      modularity: network.modularity,
      width: network.width,
      height: network.height,
    },
    historiograph: { papers: historiograph.nodes.length, lanes: historiograph.lanes, undated: historiograph.undated },
  });
}

/** The co-occurrence maps, their links and each item's papers; sizes in meta. */
export function writeCooccurrenceMaps(db: Database.Database, maps: readonly BuiltCooccurrenceMap[]): void {
  const insertItem = db.prepare(
    'INSERT INTO cooccurrence_items (map, id, label, papers, cluster, x, y) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertLink = db.prepare(
    'INSERT INTO cooccurrence_links (map, source, target, papers, strength) VALUES (?, ?, ?, ?, ?)',
  );
  const insertPaper = db.prepare('INSERT INTO cooccurrence_papers (map, item_id, rank, paper_id) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const { map, itemPapers } of maps) {
      map.items.forEach((item, i) =>
        insertItem.run(map.kind, i, item.label, item.papers, item.cluster, item.x, item.y),
      );
      for (const l of map.links) insertLink.run(map.kind, l.source, l.target, l.papers, l.strength);
      itemPapers.forEach((list, i) => list.forEach((paper, rank) => insertPaper.run(map.kind, i, rank, paper)));
    }
  })();
  writeMeta(db, {
    cooccurrence_maps: Object.fromEntries(
      maps.map(({ map }) => [
        map.kind,
        { items: map.items.length, clusters: map.clusters, width: map.width, height: map.height },
      ]),
    ),
  });
}

/** The topic evolution: windows, nodes with their papers (store ids from `paperIds`, by model row), links. */
export function writeTopicEvolution(
  db: Database.Database,
  evolution: TopicEvolution,
  periods: readonly { label: string }[],
  paperIds: ArrayLike<number>,
): void {
  const insertWindow = db.prepare(
    'INSERT INTO evolution_windows (window, first_period, last_period, papers) VALUES (?, ?, ?, ?)',
  );
  const insertNode = db.prepare('INSERT INTO evolution_nodes (id, window, label, size) VALUES (?, ?, ?, ?)');
  const insertLink = db.prepare('INSERT INTO evolution_links (source, target, similarity, value) VALUES (?, ?, ?, ?)');
  const insertPaper = db.prepare('INSERT INTO evolution_papers (node_id, rank, paper_id) VALUES (?, ?, ?)');
  db.transaction(() => {
    evolution.windows.forEach((w, i) => insertWindow.run(i, periods[w.first].label, periods[w.last].label, w.papers));
    for (const n of evolution.nodes) {
      insertNode.run(n.id, n.window, n.label, n.size);
      n.papers.forEach((row, rank) => insertPaper.run(n.id, rank, paperIds[row]));
    }
    for (const l of evolution.links) insertLink.run(l.source, l.target, l.similarity, l.value);
  })();
}

/** Periods, term and topic series, changes, bursts and related terms. Term ids are vocabulary ids. */
export function writeTrends(db: Database.Database, trends: Trends, model: TopicModel, keywords?: KeywordTerms): void {
  const { periods, termSeries, topicSeries } = trends;
  const periodCount = periods.length;
  const label = (ordinal: number) => periods[ordinal].label;
  const insertPeriod = db.prepare('INSERT INTO periods (period, ordinal, papers) VALUES (?, ?, ?)');
  const insertTermPeriod = db.prepare('INSERT INTO term_periods (term_id, period, papers, share) VALUES (?, ?, ?, ?)');
  const insertTrend = db.prepare(
    'INSERT INTO term_trends (term_id, support, slope, recent_share, score, subject_score, subject_rank, new_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertBurst = db.prepare(
    'INSERT INTO term_bursts (term_id, start, end, strength, lift, score, rank, same_as) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const setTermFacts = db.prepare('UPDATE terms SET specificity = ?, topic_id = ?, first_period = ? WHERE id = ?');
  const insertTopicTrend = db.prepare(
    'INSERT INTO topic_trends (topic_id, slope, score, recent_share, earlier_share) VALUES (?, ?, ?, ?, ?)',
  );
  const insertRelated = db.prepare(
    'INSERT INTO term_related (term_id, rank, other_id, papers, npmi) VALUES (?, ?, ?, ?, ?)',
  );
  const insertTopicPeriod = db.prepare(
    'INSERT INTO topic_periods (topic_id, period, papers, share) VALUES (?, ?, ?, ?)',
  );

  db.transaction(() => {
    if (keywords !== undefined) {
      // Keyword terms follow the text vocabulary's ids (writeTopicModel wrote those).
      const insertKeyword = db.prepare(
        'INSERT INTO terms (id, term, display, is_phrase, df, is_keyword) VALUES (?, ?, ?, ?, ?, 1)',
      );
      const { vocab } = keywords.corpus;
      for (let id = keywords.firstKeyword; id < vocab.terms.length; id++)
        insertKeyword.run(id, vocab.terms[id], vocab.display[id], vocab.isPhrase[id], vocab.df[id]);
    }
    for (const p of periods) insertPeriod.run(p.label, p.ordinal, p.papers);
    // Only non-zero cells: a term absent from a period reads as 0.
    for (let row = 0; row < termSeries.terms.length; row++) {
      const term = termSeries.terms[row];
      for (let p = 0; p < periodCount; p++) {
        const cell = row * periodCount + p;
        const count = termSeries.counts[cell];
        if (count > 0) insertTermPeriod.run(term, label(p), count, termSeries.shares[cell]);
      }
    }
    // Only the terms on a list: the rising and falling ones (all terms, phrases, subjects) and new subjects.
    for (const c of trends.listedChanges) {
      insertTrend.run(c.term, c.support, c.slope, c.recentShare, c.score, c.subjectScore, c.subjectRank, c.newRank);
    }
    termSeries.terms.forEach((term, row) =>
      setTermFacts.run(
        trends.specificity[row],
        trends.mainTopic[row] >= 0 ? trends.mainTopic[row] : null,
        trends.firstSeen[row] >= 0 ? label(trends.firstSeen[row]) : null,
        term,
      ),
    );
    for (const c of trends.topicChanges) {
      insertTopicTrend.run(c.term, c.slope, c.score, c.recentShare, c.earlierShare);
    }
    for (const b of trends.bursts) {
      insertBurst.run(
        b.term,
        label(b.start),
        label(b.end),
        b.strength,
        b.lift,
        b.score,
        b.rank,
        b.sameAs >= 0 ? b.sameAs : null,
      );
    }
    const { related } = trends;
    for (let i = 0; i < related.term.length; i++)
      insertRelated.run(related.term[i], related.rank[i], related.other[i], related.papers[i], related.npmi[i]);
    for (let t = 0; t < model.topics.length; t++) {
      for (let p = 0; p < periodCount; p++) {
        const cell = t * periodCount + p;
        insertTopicPeriod.run(t, label(p), topicSeries.counts[cell], topicSeries.shares[cell]);
      }
    }
  })();

  writeMeta(db, {
    granularity: trends.granularity,
    trends_dated_papers: trends.datedPapers,
    trends_undated_papers: trends.undatedPapers,
    trends_options: trends.options,
  });
}

/** What the topic model's tables need beside the model, computed by their stages. */
export interface TopicModelFacts {
  /** Occurrences of each topic's terms in its papers, row-aligned with `topic.terms` (countTopicTerms). */
  termCounts: number[][];
  /** Each topic's top authors, in the author index's ids (store id - 1; rankTopicAuthors). */
  topicAuthors: { author: number; papers: number }[][];
  /** The quality report's lines (qualityFigures). */
  quality: QualityFigure[];
}

/** Topics, their terms, tree, similarity, representatives and top authors; paper placements and
 * neighbours; the vocabulary; how k was chosen; the quality report. Paper ids = corpus paper ids;
 * model row r is the paper at index modelRows[r]. */
export function writeTopicModel(
  db: Database.Database,
  model: TopicModel,
  corpus: Corpus,
  modelRows: Int32Array,
  facts: TopicModelFacts,
): void {
  // Model rows are the papers with enough text to model; the others have no topic.
  const paperId = (row: number) => corpus.papers[modelRows[row]].id;
  const insertTopic = db.prepare(
    'INSERT INTO topics (id, label, size, x, y, node_id, coherence) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertTerm = db.prepare(
    'INSERT INTO topic_terms (topic_id, rank, term, weight, count, term_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertNode = db.prepare(
    'INSERT INTO topic_tree (node_id, parent_id, topic_id, height, size) VALUES (?, ?, ?, ?, ?)',
  );
  const insertSimilarity = db.prepare('INSERT INTO topic_similarity (topic_id, other_id, similarity) VALUES (?, ?, ?)');
  const insertRepresentative = db.prepare(
    'INSERT INTO topic_representatives (topic_id, rank, paper_id) VALUES (?, ?, ?)',
  );
  const insertTopicAuthor = db.prepare(
    'INSERT INTO topic_authors (topic_id, rank, author_id, papers) VALUES (?, ?, ?, ?)',
  );
  const insertSubtopic = db.prepare(
    'INSERT INTO subtopics (topic_id, id, label, size, x, y, terms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertVocab = db.prepare('INSERT INTO terms (id, term, display, is_phrase, df) VALUES (?, ?, ?, ?, ?)');
  const insertK = db.prepare('INSERT INTO k_scores (k, silhouette, chosen) VALUES (?, ?, ?)');
  const insertQuality = db.prepare('INSERT INTO quality (metric, value, note) VALUES (?, ?, ?)');
  const { termCounts, topicAuthors } = facts;
  const k = model.topics.length;
  const { papers: placements, quality } = model;

  db.transaction(() => {
    for (const t of model.topics) {
      insertTopic.run(t.id, t.label, t.size, t.x, t.y, t.id, quality.coherencePerTopic[t.id] ?? null);
      t.terms.forEach((term, rank) =>
        insertTerm.run(t.id, rank, term.term, term.weight, termCounts[t.id][rank], term.termId),
      );
      t.representatives.forEach((paper, rank) => insertRepresentative.run(t.id, rank, paperId(paper)));
      topicAuthors[t.id].forEach((a, rank) => insertTopicAuthor.run(t.id, rank, a.author + 1, a.papers));
    }
    for (const sub of model.subtopics) {
      insertSubtopic.run(
        sub.topic,
        sub.id,
        sub.label,
        sub.size,
        sub.x,
        sub.y,
        JSON.stringify(sub.terms.map((t) => [t.term, t.weight])),
      );
    }
    for (const node of model.tree) {
      insertNode.run(
        node.id,
        node.parent < 0 ? null : node.parent,
        node.id < k ? node.id : null,
        node.height,
        node.size,
      );
    }
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) if (a !== b) insertSimilarity.run(a, b, model.topicSimilarity[a * k + b]);
    }
    const m = placements.neighbours;
    // A row per paper, and several per paper for memberships and similar papers: many to a statement.
    const placementRows = new RowWriter(
      db,
      'paper_topics',
      ['paper_id', 'topic_id', 'distance', 'confidence', 'x', 'y', 'outlier', 'is_outlier', 'subtopic_id'],
      64,
    );
    const membershipRows = new RowWriter(db, 'paper_memberships', ['paper_id', 'rank', 'topic_id', 'weight'], 128);
    const similarRows = new RowWriter(db, 'similar_papers', ['paper_id', 'rank', 'similar_id', 'similarity'], 128);
    for (let i = 0; i < modelRows.length; i++) {
      placementRows.add(
        paperId(i),
        placements.topic[i],
        placements.distance[i],
        placements.confidence[i],
        placements.x[i],
        placements.y[i],
        placements.outlierScore[i],
        placements.outlier[i],
        placements.subtopic[i] < 0 ? null : placements.subtopic[i],
      );
      const { top, topics: near, weights } = placements.memberships;
      for (let r = 0; r < top; r++) {
        if (near[i * top + r] >= 0) membershipRows.add(paperId(i), r, near[i * top + r], weights[i * top + r]);
      }
      for (let r = 0; r < m; r++) {
        const other = placements.similar[i * m + r];
        if (other >= 0) similarRows.add(paperId(i), r, paperId(other), placements.similarity[i * m + r]);
      }
    }
    placementRows.flush();
    membershipRows.flush();
    similarRows.flush();
    const { vocab } = model.corpus;
    for (let id = 0; id < vocab.terms.length; id++) {
      // Terms of a single paper are never shown, searched for or trended.
      if (vocab.df[id] >= 2) insertVocab.run(id, vocab.terms[id], vocab.display[id], vocab.isPhrase[id], vocab.df[id]);
    }
    for (const s of model.kSelection.scores) insertK.run(s.k, s.silhouette, s.k === model.kSelection.chosen ? 1 : 0);
    for (const f of facts.quality) insertQuality.run(f.metric, f.value, f.note);
  })();

  writeMeta(db, {
    model_options: model.options,
    k_mode: model.kSelection.mode,
    k_cluster_sample: model.kSelection.clusterSample,
    k_silhouette_sample: model.kSelection.silhouetteSample,
    vocabulary_size: model.corpus.vocab.terms.length,
    topic_method: model.method,
  });
}
