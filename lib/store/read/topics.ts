/**
 * Read questions about topics: the list, the merge tree, and one topic's terms (with what an
 * LDAvis-style relevance ranking needs), representative papers, share over time, related topics
 * and top authors.
 */
import type Database from 'better-sqlite3';
import { openBuild } from '../db';
import { readPaperListItems, type PaperListItem } from './papers';
import { selectAll, selectOne } from './statements';
import { maxOf } from '../../viz/extent';

/** A topic as a line in a list. */
export interface TopicSummary {
  id: number;
  label: string;
  /** Papers assigned. */
  size: number;
  /** size / all papers assigned to any topic. */
  share: number;
  coherence: number | null;
  /** The strongest few terms, strongest first. */
  topTerms: string[];
}

/**
 * One term of a topic with the two logs relevance is made of (Sievert & Shirley 2014, LDAvis):
 * relevance(λ) = λ·logPwt + (1-λ)·logLift.
 *
 * Approximation, since the build keeps counts for the top terms only: p(w|t) = count /
 * (sum of the stored terms' counts in the topic), p(w) = df / papers (document frequency, not
 * token frequency). logLift is null when the term is missing from the vocabulary table.
 */
export interface TopicTerm {
  rank: number;
  term: string;
  /** c-TF-IDF weight. */
  weight: number;
  count: number;
  logPwt: number;
  logLift: number | null;
}

export interface TopicPeriodShare {
  period: string;
  papers: number;
  /** Papers of the topic / papers of the period. */
  share: number;
}

export interface RelatedTopic {
  id: number;
  label: string;
  size: number;
  similarity: number;
}

/** Everything the topic page shows. */
export interface TopicDetail {
  topic: TopicSummary;
  terms: TopicTerm[];
  representatives: PaperListItem[];
  periods: TopicPeriodShare[];
  related: RelatedTopic[];
  topAuthors: { id: number; name: string; papers: number }[];
  /** Papers in the build (the denominator of p(w)). */
  corpusPapers: number;
}

/** A node of the topic merge tree; leaves carry a topic. */
export interface TopicTreeNode {
  nodeId: number;
  topicId: number | null;
  /** The topic's label at a leaf; at an inner node, the labels of its two largest topics. */
  label: string;
  height: number;
  size: number;
  /** Topics (leaves) under the node. */
  topics: number;
  children: TopicTreeNode[];
}

const TOP_TERMS_IN_LIST = 5;

/** Every topic with its size, share and strongest terms, largest first. */
export function listTopics(db: Database.Database = openBuild()): TopicSummary[] {
  const rows = selectAll<{ id: number; label: string; size: number; coherence: number | null }>(
    db,
    'SELECT id, label, size, coherence FROM topics ORDER BY size DESC, id',
  );
  const terms = selectAll<{ topic_id: number; term: string }>(
    db,
    'SELECT topic_id, term FROM topic_terms WHERE rank < ? ORDER BY topic_id, rank',
    TOP_TERMS_IN_LIST,
  );
  const byTopic = new Map<number, string[]>();
  for (const t of terms) {
    const list = byTopic.get(t.topic_id) ?? [];
    list.push(t.term);
    byTopic.set(t.topic_id, list);
  }
  const total = rows.reduce((sum, r) => sum + r.size, 0);
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    size: r.size,
    share: total > 0 ? r.size / total : 0,
    coherence: r.coherence,
    topTerms: byTopic.get(r.id) ?? [],
  }));
}

/** The topic page, or null when there is no such topic. */
export function getTopic(id: number, db: Database.Database = openBuild()): TopicDetail | null {
  const topic = listTopics(db).find((t) => t.id === id);
  if (!topic) return null;
  const corpusPapers = selectOne<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM papers')?.n ?? 0;
  const termRows = selectAll<{ rank: number; term: string; weight: number; count: number; df: number | null }>(
    db,
    `SELECT tt.rank AS rank, tt.term AS term, tt.weight AS weight, tt.count AS count,
            (SELECT df FROM terms WHERE id = tt.term_id) AS df
     FROM topic_terms tt WHERE tt.topic_id = ? ORDER BY tt.rank`,
    id,
  );
  const terms = buildTopicTerms(termRows, corpusPapers);
  const representatives = readPaperListItems(
    selectAll<{ paper_id: number }>(
      db,
      'SELECT paper_id FROM topic_representatives WHERE topic_id = ? ORDER BY rank',
      id,
    ).map((r) => r.paper_id),
    db,
  );
  const periods = selectAll<TopicPeriodShare>(
    db,
    `SELECT p.period AS period, COALESCE(tp.papers, 0) AS papers, COALESCE(tp.share, 0) AS share
     FROM periods p LEFT JOIN topic_periods tp ON tp.period = p.period AND tp.topic_id = ?
     ORDER BY p.ordinal`,
    id,
  );
  const related = selectAll<RelatedTopic>(
    db,
    `SELECT t.id AS id, t.label AS label, t.size AS size, s.similarity AS similarity
     FROM topic_similarity s JOIN topics t ON t.id = s.other_id
     WHERE s.topic_id = ? AND s.other_id != s.topic_id
     ORDER BY s.similarity DESC, t.id LIMIT 8`,
    id,
  );
  const topAuthors = selectAll<{ id: number; name: string; papers: number }>(
    db,
    `SELECT a.id AS id, a.name AS name, ta.papers AS papers
     FROM topic_authors ta JOIN authors a ON a.id = ta.author_id
     WHERE ta.topic_id = ? ORDER BY ta.rank LIMIT 12`,
    id,
  );
  return { topic, terms, representatives, periods, related, topAuthors, corpusPapers };
}

/**
 * The relevance ingredients of a topic's terms (see TopicTerm for the approximation). Pure; the
 * rows come in rank order with their document frequency (null when not in the vocabulary).
 */
export function buildTopicTerms(
  rows: readonly { rank: number; term: string; weight: number; count: number; df: number | null }[],
  corpusPapers: number,
): TopicTerm[] {
  const total = rows.reduce((sum, r) => sum + Math.max(0, r.count), 0);
  return rows.map((r) => {
    // A zero count would give log 0; half a count keeps the term rankable and last.
    const pwt = total > 0 ? Math.max(r.count, 0.5) / total : 0;
    const logPwt = pwt > 0 ? Math.log(pwt) : -Infinity;
    const pw = r.df != null && r.df > 0 && corpusPapers > 0 ? r.df / corpusPapers : null;
    return {
      rank: r.rank,
      term: r.term,
      weight: r.weight,
      count: r.count,
      logPwt,
      logLift: pw != null && Number.isFinite(logPwt) ? logPwt - Math.log(pw) : null,
    };
  });
}

/** The agglomerative merge tree of the topics as nested nodes; null when the build has none. */
export function getTopicTree(db: Database.Database = openBuild()): TopicTreeNode | null {
  const rows = selectAll<{
    node_id: number;
    parent_id: number | null;
    topic_id: number | null;
    height: number;
    size: number;
  }>(db, 'SELECT node_id, parent_id, topic_id, height, size FROM topic_tree ORDER BY node_id');
  const labels = new Map(
    selectAll<{ id: number; label: string; size: number }>(db, 'SELECT id, label, size FROM topics').map((t) => [
      t.id,
      t,
    ]),
  );
  return buildTopicTree(rows, labels);
}

/**
 * Nests topic_tree rows (pure). Children are ordered largest first; an inner node is labelled by
 * its two largest topics so a collapsed branch still says what is in it.
 */
export function buildTopicTree(
  rows: readonly { node_id: number; parent_id: number | null; topic_id: number | null; height: number; size: number }[],
  topics: ReadonlyMap<number, { label: string; size: number }>,
): TopicTreeNode | null {
  if (rows.length === 0) return null;
  const nodes = new Map<number, TopicTreeNode>();
  for (const r of rows) {
    nodes.set(r.node_id, {
      nodeId: r.node_id,
      topicId: r.topic_id,
      label: r.topic_id != null ? (topics.get(r.topic_id)?.label ?? `Topic ${r.topic_id}`) : '',
      height: r.height,
      size: r.size,
      topics: 0,
      children: [],
    });
  }
  const roots: TopicTreeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.node_id)!;
    const parent = r.parent_id != null ? nodes.get(r.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const finish = (node: TopicTreeNode): { topicId: number; size: number }[] => {
    node.children.sort((a, b) => b.size - a.size || a.nodeId - b.nodeId);
    const leaves: { topicId: number; size: number }[] =
      node.topicId != null ? [{ topicId: node.topicId, size: topics.get(node.topicId)?.size ?? node.size }] : [];
    for (const child of node.children) for (const leaf of finish(child)) leaves.push(leaf);
    node.topics = leaves.length;
    if (node.topicId == null) {
      const largest = [...leaves].sort((a, b) => b.size - a.size || a.topicId - b.topicId).slice(0, 2);
      node.label = largest.map((l) => topics.get(l.topicId)?.label ?? `Topic ${l.topicId}`).join(' · ');
    }
    return leaves;
  };
  for (const root of roots) finish(root);
  if (roots.length === 1) return roots[0];
  // Several roots (a forest): hang them under one synthetic root so the page has one tree.
  const root: TopicTreeNode = {
    nodeId: -1,
    topicId: null,
    label: 'All topics',
    height: maxOf(roots.map((r) => r.height)),
    size: roots.reduce((s, r) => s + r.size, 0),
    topics: roots.reduce((s, r) => s + r.topics, 0),
    children: roots.sort((a, b) => b.size - a.size),
  };
  return root;
}
