/**
 * Writing the analytics of a build: the topic model, the co-author graph and the trends, each
 * straight from its stage's result into the tables of lib/store/schema.ts.
 */
import type Database from 'better-sqlite3';
import type { Corpus } from '../corpus/types';
import type { Historiograph } from '../citations/historiograph';
import type { CitationLayer } from '../citations/index';
import type { CitationNetwork } from '../citations/network';
import type { BuiltCooccurrenceMap } from '../graph/cooccurrence-maps';
import type { CoauthorGraph } from '../graph/types';
import type { TopicModel } from '../model/types';
import type { TopicEvolution } from '../trends/evolution';
import { specificityWeight } from '../trends/subjects';
import type { Trends } from '../trends/types';
import type { KeywordTerms } from '../trends/keywords';
import { getAuthorTable, RowWriter, writeMeta } from './write';

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
  const laidOutComponents = new Set<number>();
  for (const m of map.members) laidOutComponents.add(graph.authors[m.author].component);

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
    for (const c of graph.components) insertComponent.run(c.id, c.size, laidOutComponents.has(c.id) ? 1 : 0);
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
      clustered: network.clusters.reduce((s, c) => s + c.size, 0),
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
    // Rising and falling lists are the terms with enough papers in the recent windows, by score:
    // the lists over all terms and over phrases only, so the app can show either.
    const listed = new Set<number>([
      ...trends.rising,
      ...trends.falling,
      ...trends.phraseRising,
      ...trends.phraseFalling,
      ...trends.subjectRising,
      ...trends.subjectFalling,
      ...trends.newTerms,
    ]);
    const newRank = new Map(trends.newTerms.map((t, i) => [t, i]));
    const subjectRank = new Map([
      ...trends.subjectRising.map((t, i): [number, number] => [t, i]),
      ...trends.subjectFalling.map((t, i): [number, number] => [t, i]),
    ]);
    trends.changes.forEach((c, row) => {
      const weighted = c.score * specificityWeight(trends.specificity[row]);
      if (listed.has(c.term)) {
        insertTrend.run(
          c.term,
          c.support,
          c.slope,
          c.recentShare,
          c.score,
          weighted,
          subjectRank.get(c.term) ?? null,
          newRank.get(c.term) ?? null,
        );
      }
    });
    termSeries.terms.forEach((term, row) =>
      setTermFacts.run(
        Math.round(trends.specificity[row] * 1e4) / 1e4,
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
        Math.round(b.lift * 1e4) / 1e4,
        b.score,
        b.rank,
        b.sameAs >= 0 ? b.sameAs : null,
      );
    }
    writeRelatedTerms(trends, insertRelated);
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

/** One related-terms list per term: the NPMI ranking first (what goes with the term more than
 * chance), topped up from the co-occurrence ranking for terms with few strong associations. */
function writeRelatedTerms(trends: Trends, insert: Database.Statement): void {
  const limit = trends.options.relatedTopK;
  const lists = new Map<number, { other: number; papers: number; npmi: number }[]>();
  const collect = (r: Trends['relatedByNpmi']) => {
    for (let i = 0; i < r.term.length; i++) {
      let list = lists.get(r.term[i]);
      if (!list) lists.set(r.term[i], (list = []));
      if (list.length < limit && !list.some((e) => e.other === r.other[i])) {
        list.push({ other: r.other[i], papers: r.papers[i], npmi: r.npmi[i] });
      }
    }
  };
  collect(trends.relatedByNpmi);
  collect(trends.relatedByPapers);
  for (const term of [...lists.keys()].sort((a, b) => a - b)) {
    lists.get(term)!.forEach((e, rank) => insert.run(term, rank, e.other, e.papers, e.npmi));
  }
}

/** Occurrences of each topic's top terms in the topic's papers (titles weighted in as tokenized),
 * row-aligned with `topic.terms`; the app's relevance slider needs p(term | topic). */
export function buildTopicTermCounts(model: TopicModel): number[][] {
  const wanted = model.topics.map((t) => new Map(t.terms.map((term, i) => [term.termId, i])));
  const counts = model.topics.map((t) => new Array<number>(t.terms.length).fill(0));
  const { docs } = model.corpus;
  for (let p = 0; p < docs.length; p++) {
    const topic = model.papers.topic[p];
    const index = wanted[topic];
    const row = counts[topic];
    const doc = docs[p];
    for (let i = 0; i < doc.length; i++) {
      const at = index.get(doc[i]);
      if (at !== undefined) row[at]++;
    }
  }
  return counts;
}

/** Authors kept per topic in topic_authors (the topic page lists 12). */
export const TOPIC_AUTHORS_KEPT = 20;

/**
 * The authors with most papers in each topic, most first, at most `keep` per topic; ties by name
 * in SQLite's BINARY order (UTF-8 bytes), then by id. `paperAuthors[p]` are the author ids of the
 * paper at index p, `paperTopics[p]` its topic (-1: none). Pure.
 */
export function buildTopicAuthors(
  paperTopics: ArrayLike<number>,
  paperAuthors: readonly ArrayLike<number>[],
  topicCount: number,
  nameOf: (author: number) => string,
  keep: number,
): { author: number; papers: number }[][] {
  const counts = Array.from({ length: topicCount }, () => new Map<number, number>());
  for (let p = 0; p < paperAuthors.length; p++) {
    if (paperTopics[p] < 0) continue;
    const topic = counts[paperTopics[p]];
    const authors = paperAuthors[p];
    for (let i = 0; i < authors.length; i++) topic.set(authors[i], (topic.get(authors[i]) ?? 0) + 1);
  }
  return counts.map((topic) => {
    // Only authors with at least the keep-th largest count can make the list: names are looked up
    // and compared for those few, not for the tens of thousands with a paper or two.
    const authorsWithCount = new Map<number, number>();
    for (const n of topic.values()) authorsWithCount.set(n, (authorsWithCount.get(n) ?? 0) + 1);
    let threshold = 0;
    let atOrAbove = 0;
    for (const n of [...authorsWithCount.keys()].sort((a, b) => b - a)) {
      threshold = n;
      atOrAbove += authorsWithCount.get(n)!;
      if (atOrAbove >= keep) break;
    }
    const candidates: { author: number; papers: number; name: Buffer }[] = [];
    for (const [author, papers] of topic) {
      if (papers >= threshold) candidates.push({ author, papers, name: Buffer.from(nameOf(author)) });
    }
    candidates.sort((a, b) => b.papers - a.papers || Buffer.compare(a.name, b.name) || a.author - b.author);
    return candidates.slice(0, keep).map(({ author, papers }) => ({ author, papers }));
  });
}

/** How each clustering option finds topics, in words for the quality page. */
const CLUSTER_WORDS: Record<TopicModel['options']['cluster'], string> = {
  smoothed: 'k-means on LSA vectors smoothed over the similar-papers graph',
  hybrid: 'k-means on LSA vectors smoothed over the similar-papers graph and the citation links (hybrid)',
  kmeans: 'k-means on LSA vectors',
  'kmeans-reference': 'ml-kmeans on LSA vectors',
};

/** Topics, their terms, tree, similarity, representatives and top authors; paper placements and
 * neighbours; the vocabulary; how k was chosen; the quality report. Paper ids = corpus paper ids.
 * Top authors are ranked by the names writeCorpus stores (both come from getAuthorTable). */
export function writeTopicModel(
  db: Database.Database,
  model: TopicModel,
  corpus: Corpus,
  modelRows: Int32Array = Int32Array.from(corpus.papers, (_p, i) => i),
  paperTopics: Int32Array = model.papers.topic,
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
  const termCounts = buildTopicTermCounts(model);
  const k = model.topics.length;
  const { papers: placements, quality } = model;
  // In the author index's ids (store id - 1): the order of ids, and so the ranking, is the same.
  const authors = getAuthorTable(corpus);
  const topicAuthors = buildTopicAuthors(
    paperTopics,
    authors.paperAuthors,
    k,
    (author) => authors.names[author],
    TOPIC_AUTHORS_KEPT,
  );

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
    const figures: [string, number | null, string][] = [
      [
        'topics',
        k,
        `${model.kSelection.mode === 'auto' ? 'chosen by silhouette' : 'fixed by option'}; ${CLUSTER_WORDS[model.options.cluster]}`,
      ],
      [
        'silhouette',
        quality.silhouette,
        `mean silhouette on a sample of ${quality.silhouetteSample} papers (the space the topics were clustered in)`,
      ],
      ['coherence', quality.coherence, 'mean NPMI of top-10 term pairs over paper co-occurrence'],
      ['diversity', quality.diversity, "share of unique terms among the topics' top-10 terms"],
      [
        'ari',
        quality.ari,
        `adjusted Rand index vs the source labels (${quality.labelledPapers} papers, ${quality.labelCount} labels)`,
      ],
      ['nmi', quality.nmi, 'normalized mutual information vs the source labels'],
      ['nmi_inliers', quality.nmiInliers, 'NMI vs the source labels over the papers that are not outliers'],
      [
        'outliers',
        quality.outliers,
        `papers far from their topic (robust z-score of the distance above ${quality.outlierThreshold}); kept in it, shown apart`,
      ],
      [
        'outlier_share',
        model.papers.topic.length > 0 ? Math.round((quality.outliers / model.papers.topic.length) * 1e6) / 1e6 : 0,
        `${quality.outliers} of ${model.papers.topic.length} papers have a robust z-score of their distance to the topic above ${quality.outlierThreshold}`,
      ],
      ['outlier_threshold', quality.outlierThreshold, 'robust z-score above which a paper is an outlier'],
      [
        'knn_space',
        quality.knnAccuracySpace,
        `10-NN accuracy of the vectors the topics were clustered on, 5-fold, first ${quality.knnPapers} papers`,
      ],
      [
        'knn_tfidf',
        quality.knnAccuracyTfidf,
        `10-NN accuracy of the TF-IDF vectors, 5-fold, first ${quality.knnPapers} papers`,
      ],
      [
        'knn_lsa',
        quality.knnAccuracyLsa,
        `10-NN accuracy of the LSA vectors, 5-fold, first ${quality.knnPapers} papers`,
      ],
      [
        'map_neighbour_preservation',
        quality.mapNeighbourPreservation,
        "share of a paper's 10 nearest LSA neighbours among its 10 nearest on the map",
      ],
      [
        'neighbour_recall',
        quality.neighbourRecall,
        `recall of similar papers vs exact search on ${quality.neighbourRecallSample} papers`,
      ],
      ['explained_variance', quality.explainedVariance, 'share of TF-IDF variance kept by LSA'],
    ];
    for (const [metric, value, note] of figures) insertQuality.run(metric, value, note);
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
