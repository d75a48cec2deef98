/**
 * Read questions about topics: the list, the merge tree, and one topic's terms (with what an
 * LDAvis-style relevance ranking needs), representative papers, share over time, related topics,
 * top authors, sub-topics and the papers at its edge (outliers).
 */
import type Database from 'better-sqlite3';
import { SUBTOPIC_MIN_TOPIC } from '../../model/membership';
import { openBuild } from '../db';
import { readPaperListItems, type PaperListItem } from './papers';
import { cachedPerBuild, selectAll, selectOne } from './statements';
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

/** A part of a large topic: k-means inside the topic, labelled against its sibling parts. */
export interface TopicSubtopic {
  topicId: number;
  /** 0-based within the topic, largest first. */
  id: number;
  label: string;
  size: number;
  /** size / the topic's papers. */
  share: number;
  /** Top terms (up to 10), heaviest first, with their c-TF-IDF weight among the sibling parts. */
  terms: { term: string; weight: number }[];
  /** Mean map position of its papers. */
  x: number;
  y: number;
}

/** A paper at the edge of its topic, with the topic it leans to most after its own. */
export interface TopicOutlierPaper extends PaperListItem {
  /** Robust z-score of its distance to the topic (see the quality table's outlier_threshold). */
  score: number;
  /** Its nearest other topic by soft membership; null when the build keeps none. */
  nearestOther: { id: number; label: string; weight: number } | null;
}

/** A topic's outliers: how many, and the furthest ones. */
export interface TopicOutliers {
  count: number;
  /** The robust z-score above which a paper counts as an outlier; null when the build does not say. */
  threshold: number | null;
  /** The furthest first, at most TOPIC_OUTLIERS_SHOWN. */
  papers: TopicOutlierPaper[];
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
  /** Its sub-topics, largest first; empty when the topic is not split. */
  subtopics: TopicSubtopic[];
  /** The smallest topic the pipeline splits into sub-topics. */
  subtopicMinPapers: number;
  outliers: TopicOutliers;
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
/** Outlier papers listed on a topic's page; the rest are counted. */
export const TOPIC_OUTLIERS_SHOWN = 20;

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
export function readTopic(id: number, db: Database.Database = openBuild()): TopicDetail | null {
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
  return {
    topic,
    terms,
    representatives,
    periods,
    related,
    topAuthors,
    corpusPapers,
    subtopics: readTopicSubtopics(id, db),
    subtopicMinPapers: SUBTOPIC_MIN_TOPIC,
    outliers: readTopicOutliers(id, db),
  };
}

/** A topic's sub-topics, largest first (empty when it is not split). */
export function readTopicSubtopics(id: number, db: Database.Database = openBuild()): TopicSubtopic[] {
  const rows = selectAll<{ id: number; label: string; size: number; x: number; y: number; terms: string }>(
    db,
    'SELECT id, label, size, x, y, terms FROM subtopics WHERE topic_id = ? ORDER BY id',
    id,
  );
  const total = rows.reduce((sum, r) => sum + r.size, 0);
  return rows.map((r) => ({
    topicId: id,
    id: r.id,
    label: r.label,
    size: r.size,
    share: total > 0 ? r.size / total : 0,
    terms: parseSubtopicTerms(r.terms),
    x: r.x,
    y: r.y,
  }));
}

/** The subtopics.terms JSON ([[term, weight], ...]) as objects; malformed entries are skipped. */
export function parseSubtopicTerms(json: string): { term: string; weight: number }[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) =>
    Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number'
      ? [{ term: entry[0], weight: entry[1] }]
      : [],
  );
}

/**
 * A topic's outliers: the count, and the furthest TOPIC_OUTLIERS_SHOWN with the topic each leans
 * to most after its own (its best-ranked soft membership in another topic).
 */
export function readTopicOutliers(id: number, db: Database.Database = openBuild()): TopicOutliers {
  // Found by walking all of the topic's papers (no index has the outlier flag): once per build.
  return cachedPerBuild(db, `topic outliers ${id}`, () => findTopicOutliers(id, db));
}

function findTopicOutliers(id: number, db: Database.Database): TopicOutliers {
  const count =
    selectOne<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM paper_topics WHERE topic_id = ? AND is_outlier = 1', id)
      ?.n ?? 0;
  const threshold =
    selectOne<{ value: number | null }>(db, "SELECT value FROM quality WHERE metric = 'outlier_threshold'")?.value ??
    null;
  const rows = selectAll<{
    paper_id: number;
    score: number;
    other_id: number | null;
    other_label: string | null;
    other_weight: number | null;
  }>(
    db,
    `SELECT pt.paper_id AS paper_id, pt.outlier AS score,
            m.topic_id AS other_id, t.label AS other_label, m.weight AS other_weight
     FROM paper_topics pt
     LEFT JOIN paper_memberships m ON m.paper_id = pt.paper_id
       AND m.rank = (SELECT MIN(m2.rank) FROM paper_memberships m2
                     WHERE m2.paper_id = pt.paper_id AND m2.topic_id != pt.topic_id)
     LEFT JOIN topics t ON t.id = m.topic_id
     WHERE pt.topic_id = ? AND pt.is_outlier = 1
     ORDER BY pt.outlier DESC, pt.paper_id LIMIT ?`,
    id,
    TOPIC_OUTLIERS_SHOWN,
  );
  const items = new Map(
    readPaperListItems(
      rows.map((r) => r.paper_id),
      db,
    ).map((p) => [p.id, p]),
  );
  const papers = rows.flatMap((r) => {
    const item = items.get(r.paper_id);
    if (!item) return [];
    return [
      {
        ...item,
        score: r.score,
        nearestOther:
          r.other_id != null
            ? { id: r.other_id, label: r.other_label ?? `Topic ${r.other_id}`, weight: r.other_weight ?? 0 }
            : null,
      },
    ];
  });
  return { count, threshold, papers };
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
export function readTopicTree(db: Database.Database = openBuild()): TopicTreeNode | null {
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
