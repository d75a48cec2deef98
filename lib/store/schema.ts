/**
 * The one schema of a Topicscope build (`data/build/analytics.db`): the pipeline writes it, the
 * app reads it. Bump SCHEMA_VERSION on any change; a reader that finds another version refuses
 * the file and says how to rebuild.
 *
 * Conventions: ids are 1-based INTEGERs except topics and communities, which are 0-based as the
 * model numbers them; periods are 'YYYY' or 'YYYY-MM' strings ordered by `periods.ordinal`;
 * JSON columns hold small arrays only.
 */

export const SCHEMA_VERSION = 9;

/** The file name of the database inside the build folder. */
export const DATABASE_FILE = 'analytics.db';

export const TABLES_SQL = `
-- key/value facts about the build: schema_version, build_id, options, granularity, modularity, ...
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- one row per input file: how it was read and what became of its records
CREATE TABLE source_files (
  file              TEXT PRIMARY KEY,
  layout            TEXT NOT NULL,
  venue             TEXT,
  year              INTEGER,
  notes             TEXT,
  records_read      INTEGER NOT NULL,
  papers_kept       INTEGER NOT NULL,
  duplicates_merged INTEGER NOT NULL,
  rejected          INTEGER NOT NULL,
  reject_reasons    TEXT NOT NULL,          -- JSON object: reason -> count
  merged_by         TEXT NOT NULL,          -- JSON object: {doi, id, title, abstract} -> merges
  merged_with       TEXT NOT NULL,          -- JSON object: file whose paper a duplicate joined -> count
  without_abstract  INTEGER NOT NULL,       -- kept papers first seen here that have no abstract
  warnings          TEXT NOT NULL,          -- JSON array of notes (an encoding guessed, ...)
  papers            INTEGER NOT NULL DEFAULT 0 -- papers with a record from this file (merged ones too)
) WITHOUT ROWID;

-- every record that could not be used, with why
CREATE TABLE rejected_records (
  file   TEXT NOT NULL,
  record INTEGER NOT NULL,                  -- line number or record ordinal in the file
  reason TEXT NOT NULL
);

CREATE TABLE papers (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,
  title_derived INTEGER NOT NULL,           -- 1: derived from the tl;dr or first sentence
  abstract      TEXT NOT NULL,              -- LaTeX kept, for rendering
  tldr          TEXT,
  year          INTEGER,
  date          TEXT,                       -- 'YYYY-MM-DD', 'YYYY-MM' or NULL
  venue         TEXT,
  label         TEXT,                       -- category/label as given by the source
  external_id   TEXT,                       -- e.g. arXiv id
  author_count  INTEGER,                    -- number of authors, named or only counted
  authors_text  TEXT NOT NULL,              -- 'A, B, C': for display and full-text search
  doi           TEXT,                       -- lower case, no resolver prefix; unique where present
  cited_by      INTEGER,                    -- highest times-cited count a source reported
  cited_by_source TEXT,                     -- the format that reported it ('wos', 'scopus-csv', ...)
  doc_type      TEXT,                       -- 'Article', 'Conference Paper', 'journal-article', ...
  volume        TEXT,
  first_page    TEXT
);
CREATE UNIQUE INDEX papers_doi ON papers(doi) WHERE doi IS NOT NULL;
CREATE INDEX papers_year ON papers(year);
-- each paper's year and date by id in a few pages: search's year filter probes it once per match,
-- and an author's newest papers are sorted on it, where the papers rows (abstracts and all) lie all
-- over the file
CREATE INDEX papers_id_year ON papers(id, year, date);
-- search without a query lists papers newest first: walking this index in order reads one page of
-- rows instead of sorting the whole table (the expressions must match the query's ORDER BY)
CREATE INDEX papers_browse ON papers(year IS NULL, year DESC, date DESC, id);

CREATE TABLE authors (
  id   INTEGER PRIMARY KEY,
  key  TEXT NOT NULL,                       -- identity key merging spelling variants (unique)
  name TEXT NOT NULL                        -- most frequent spelling
);
CREATE UNIQUE INDEX authors_key ON authors(key);
CREATE INDEX authors_name ON authors(name COLLATE NOCASE);

CREATE TABLE paper_authors (
  paper_id  INTEGER NOT NULL REFERENCES papers(id),
  author_id INTEGER NOT NULL REFERENCES authors(id),
  position  INTEGER NOT NULL,               -- 0-based order in the author list
  PRIMARY KEY (paper_id, position)
) WITHOUT ROWID;
CREATE INDEX paper_authors_author ON paper_authors(author_id, paper_id);

CREATE TABLE paper_sources (
  paper_id INTEGER NOT NULL REFERENCES papers(id),
  file     TEXT NOT NULL,
  record   INTEGER NOT NULL
);
CREATE INDEX paper_sources_paper ON paper_sources(paper_id);
CREATE INDEX paper_sources_file ON paper_sources(file, paper_id);

-- identifiers of a paper other than its DOI (WoS UT, Scopus EID, PMID, OpenAlex W-id, ...)
CREATE TABLE paper_ids (
  paper_id INTEGER NOT NULL,
  scheme   TEXT NOT NULL,                   -- wos, scopus, pmid, pmcid, openalex, s2, arxiv, lens, ieee, mag, ...
  value    TEXT NOT NULL
);
CREATE INDEX paper_ids_paper ON paper_ids(paper_id);
CREATE INDEX paper_ids_value ON paper_ids(scheme, value);

-- keywords as the sources give them, by kind: author (the authors' own), indexed (a database's
-- terms: Keywords Plus, Index Keywords), mesh (MeSH headings), concept (OpenAlex concepts, ...)
CREATE TABLE paper_keywords (
  paper_id INTEGER NOT NULL,
  keyword  TEXT NOT NULL,
  kind     TEXT NOT NULL
);
CREATE INDEX paper_keywords_paper ON paper_keywords(paper_id);
CREATE INDEX paper_keywords_keyword ON paper_keywords(keyword COLLATE NOCASE, kind);

CREATE TABLE affiliations (
  id      INTEGER PRIMARY KEY,              -- 1-based
  name    TEXT NOT NULL,                    -- as the source writes it (unique)
  country TEXT,                             -- when the record names one
  ext_id  TEXT                              -- OpenAlex I-id or ROR when given
);
CREATE INDEX affiliations_country ON affiliations(country);

-- which affiliation each author of a paper gave; position is NULL when the source does not say whose
CREATE TABLE author_affiliations (
  paper_id       INTEGER NOT NULL,
  position       INTEGER,                   -- 0-based, as paper_authors.position
  affiliation_id INTEGER NOT NULL
);
CREATE INDEX author_affiliations_paper ON author_affiliations(paper_id, position);
CREATE INDEX author_affiliations_affiliation ON author_affiliations(affiliation_id);

-- identifiers of an author (scopus, openalex, orcid, s2, researcherid) where sources give them
CREATE TABLE author_ids (
  author_id INTEGER NOT NULL,
  scheme    TEXT NOT NULL,
  value     TEXT NOT NULL
);
CREATE INDEX author_ids_author ON author_ids(author_id);

-- every cited reference as the source gave it, its normalized key, and the corpus paper it cites
CREATE TABLE paper_references (
  paper_id       INTEGER NOT NULL,
  position       INTEGER NOT NULL,          -- 0-based order in the paper's list
  ref_key        TEXT,                      -- doi:..., openalex:w..., surname|year|vVOL|pPAGE; NULL: too little to match
  raw            TEXT NOT NULL,
  doi            TEXT,
  cited_paper_id INTEGER,                   -- papers.id when it resolves to a corpus paper
  PRIMARY KEY (paper_id, position)
) WITHOUT ROWID;
CREATE INDEX paper_references_cited ON paper_references(cited_paper_id) WHERE cited_paper_id IS NOT NULL;
CREATE INDEX paper_references_key ON paper_references(ref_key);

-- direct citations inside the corpus (resolved references, no self-citations)
CREATE TABLE citations (
  citing_id INTEGER NOT NULL,
  cited_id  INTEGER NOT NULL,
  PRIMARY KEY (citing_id, cited_id)
) WITHOUT ROWID;
CREATE INDEX citations_cited ON citations(cited_id, citing_id);

-- the field's foundations: references outside the corpus cited by two or more of its papers
CREATE TABLE cited_references (
  rank      INTEGER PRIMARY KEY,            -- 0 = most cited
  ref_key   TEXT NOT NULL,                  -- as paper_references.ref_key
  citations INTEGER NOT NULL,               -- corpus papers citing it
  raw       TEXT NOT NULL,                  -- the most common way the sources wrote it
  doi       TEXT,
  title     TEXT                            -- the cited work's title, when any source's reference writes it
);
CREATE INDEX cited_references_key ON cited_references(ref_key);

-- citation-based clusters: Louvain on the direct citations (or on bibliographic coupling when too few
-- papers cite each other: meta.citation_network.network), named from their papers' words
CREATE TABLE citation_clusters (
  id     INTEGER PRIMARY KEY,               -- 0 = largest
  label  TEXT NOT NULL,                     -- two or three terms (c-TF-IDF); '' when its papers have no text
  size   INTEGER NOT NULL,                  -- papers
  terms  TEXT NOT NULL,                     -- JSON: its ten heaviest terms, in order of relevance
  x      REAL NOT NULL,                     -- its region in the network view
  y      REAL NOT NULL,
  radius REAL NOT NULL,
  drawn  INTEGER NOT NULL                   -- of its papers, drawn in the network view
);

-- a paper's citation cluster (papers without a link, or in a group too small, have none)
CREATE TABLE paper_citation_clusters (
  paper_id   INTEGER PRIMARY KEY,
  cluster_id INTEGER NOT NULL
);
CREATE INDEX paper_citation_clusters_cluster ON paper_citation_clusters(cluster_id);

-- the papers the citation network view draws (each cluster's best connected), at their places
CREATE TABLE citation_network (
  paper_id   INTEGER PRIMARY KEY,
  cluster_id INTEGER NOT NULL,
  rank       INTEGER NOT NULL,              -- 0 = the cluster's best connected paper
  x          REAL NOT NULL,
  y          REAL NOT NULL
);

-- the historiograph: the most locally cited papers on a time axis (links: citations among them)
CREATE TABLE historiograph (
  rank            INTEGER PRIMARY KEY,      -- 0 = most locally cited
  paper_id        INTEGER NOT NULL UNIQUE,
  year            INTEGER NOT NULL,
  lane            INTEGER NOT NULL,         -- row of the drawing, 0 = top
  local_citations INTEGER NOT NULL
);

-- other versions of a paper the sources name (Crossref's relation: a preprint and its article):
-- two DOIs stay two papers, linked here; linked_paper_id when the other version is in the corpus
CREATE TABLE paper_links (
  paper_id        INTEGER NOT NULL,
  kind            TEXT NOT NULL,            -- is-preprint-of, has-preprint, is-version-of, has-version
  doi             TEXT NOT NULL,
  linked_paper_id INTEGER
);
CREATE INDEX paper_links_paper ON paper_links(paper_id);

-- for a paper from several records: which record gave each field kept
CREATE TABLE paper_field_sources (
  paper_id INTEGER NOT NULL,
  field    TEXT NOT NULL,                   -- title, abstract, authors, date, venue, doi, cited_by, ...
  file     TEXT NOT NULL,
  record   INTEGER NOT NULL
);
CREATE INDEX paper_field_sources_paper ON paper_field_sources(paper_id);

-- full text over title, abstract and author names: see FTS_SQL below

-- ---------------------------------------------------------------- topic model
CREATE TABLE topics (
  id        INTEGER PRIMARY KEY,            -- 0-based
  label     TEXT NOT NULL,                  -- short label: top 2-3 distinct terms
  size      INTEGER NOT NULL,               -- papers assigned
  x         REAL NOT NULL,                  -- centroid on the map
  y         REAL NOT NULL,
  node_id   INTEGER NOT NULL,               -- this topic's leaf in topic_tree
  coherence REAL                            -- NPMI of its top-10 terms
);

CREATE TABLE topic_terms (
  topic_id INTEGER NOT NULL,
  rank     INTEGER NOT NULL,                -- 0 = strongest
  term     TEXT NOT NULL,                   -- as the topic's papers write it (terms.display may differ)
  weight   REAL NOT NULL,                   -- c-TF-IDF weight
  count    INTEGER NOT NULL,                -- occurrences in the topic
  term_id  INTEGER NOT NULL,                -- the vocabulary's term: terms.id (terms keeps df >= 2)
  PRIMARY KEY (topic_id, rank)
) WITHOUT ROWID;

-- agglomerative merging of topic centroids; leaves carry topic_id
CREATE TABLE topic_tree (
  node_id   INTEGER PRIMARY KEY,
  parent_id INTEGER,                        -- NULL at the root
  topic_id  INTEGER,                        -- NULL for internal nodes
  height    REAL NOT NULL,                  -- merge distance (0 for leaves)
  size      INTEGER NOT NULL                -- papers under the node
);

CREATE TABLE topic_similarity (
  topic_id   INTEGER NOT NULL,
  other_id   INTEGER NOT NULL,
  similarity REAL NOT NULL,                 -- cosine of centroids
  PRIMARY KEY (topic_id, other_id)
) WITHOUT ROWID;

-- the authors with most papers in each topic, counted once by the pipeline instead of over all
-- the topic's papers and their authors at every request
CREATE TABLE topic_authors (
  topic_id  INTEGER NOT NULL,
  rank      INTEGER NOT NULL,               -- 0 = most papers; ties by name, then id
  author_id INTEGER NOT NULL,
  papers    INTEGER NOT NULL,               -- papers of the topic the author is on
  PRIMARY KEY (topic_id, rank)
) WITHOUT ROWID;

CREATE TABLE topic_representatives (
  topic_id INTEGER NOT NULL,
  rank     INTEGER NOT NULL,
  paper_id INTEGER NOT NULL,
  PRIMARY KEY (topic_id, rank)
) WITHOUT ROWID;

CREATE TABLE paper_topics (
  paper_id   INTEGER PRIMARY KEY,
  topic_id   INTEGER NOT NULL,
  distance   REAL NOT NULL,                 -- to the topic centroid (LSA space)
  confidence REAL NOT NULL,                 -- 0..1
  x          REAL NOT NULL,                 -- position on the map
  y          REAL NOT NULL,
  outlier    REAL NOT NULL DEFAULT 0,       -- robust z-score of its distance within the topic
  is_outlier INTEGER NOT NULL DEFAULT 0,    -- 1 when outlier > the quality table's outlier_threshold
  subtopic_id INTEGER                       -- subtopics.id within its topic; NULL when not split
);
CREATE INDEX paper_topics_topic ON paper_topics(topic_id, distance);

-- the topic map's point payload (lib/viz/point-payload.ts) as the map's API sends it, made when
-- the build is written: the server's first answer is a read, not a walk over every paper
CREATE TABLE map_payload (
  encoding TEXT PRIMARY KEY,                -- 'gzip'
  version  INTEGER NOT NULL,                -- the payload layout's version (MAP_PAYLOAD_VERSION)
  points   INTEGER NOT NULL,                -- mapped papers
  year_min INTEGER,                         -- their years' span (NULL when none is dated)
  year_max INTEGER,
  undated  INTEGER NOT NULL,                -- mapped papers without a year
  outliers INTEGER NOT NULL,                -- mapped papers marked as outliers of their topic
  bytes    BLOB NOT NULL
);

-- the large topics split into parts (k-means inside the topic, labels by c-TF-IDF among the parts)
CREATE TABLE subtopics (
  topic_id INTEGER NOT NULL,
  id       INTEGER NOT NULL,                -- 0-based within the topic, largest first
  label    TEXT NOT NULL,
  size     INTEGER NOT NULL,
  x        REAL NOT NULL,                   -- mean map position of its papers
  y        REAL NOT NULL,
  terms    TEXT NOT NULL,                   -- JSON [[term, weight], ...]: 10 heaviest, by relevance in the topic
  PRIMARY KEY (topic_id, id)
) WITHOUT ROWID;

-- soft membership: each paper's nearest topics with fuzzy c-means weights (m = 1.5)
CREATE TABLE paper_memberships (
  paper_id INTEGER NOT NULL,
  rank     INTEGER NOT NULL,                -- 0 = nearest
  topic_id INTEGER NOT NULL,
  weight   REAL NOT NULL,                   -- share of membership over all topics, 0..1
  PRIMARY KEY (paper_id, rank)
) WITHOUT ROWID;

CREATE TABLE similar_papers (
  paper_id   INTEGER NOT NULL,
  rank       INTEGER NOT NULL,
  similar_id INTEGER NOT NULL,
  similarity REAL NOT NULL,                 -- cosine on LSA vectors
  PRIMARY KEY (paper_id, rank)
) WITHOUT ROWID;

-- how the number of topics was chosen: silhouette per candidate k
CREATE TABLE k_scores (
  k          INTEGER PRIMARY KEY,
  silhouette REAL NOT NULL,
  chosen     INTEGER NOT NULL
);

-- the quality report: silhouette, coherence, diversity, ari, nmi, knn_tfidf, knn_lsa, ...
CREATE TABLE quality (
  metric TEXT PRIMARY KEY,
  value  REAL,
  note   TEXT
) WITHOUT ROWID;

-- the vocabulary: stemmed key, display form, phrase flag, document frequency
CREATE TABLE terms (
  id        INTEGER PRIMARY KEY,
  term      TEXT NOT NULL,
  display   TEXT NOT NULL,
  is_phrase INTEGER NOT NULL,
  df        INTEGER NOT NULL,
  is_keyword INTEGER NOT NULL DEFAULT 0,    -- 1: a keyword the sources give (trends only), not a word of the abstracts
  specificity REAL,                         -- 0..1: how concentrated in topics (trend terms only; see lib/trends/subjects.ts)
  topic_id   INTEGER,                       -- the topic most of its papers are in (trend terms only)
  first_period TEXT                         -- first period with two or more of its papers (trend terms only)
);
CREATE INDEX terms_display ON terms(display COLLATE NOCASE);
CREATE INDEX terms_df ON terms(df DESC);

-- ---------------------------------------------------------------- trends
CREATE TABLE periods (
  period  TEXT PRIMARY KEY,                 -- 'YYYY' or 'YYYY-MM' (see meta.granularity)
  ordinal INTEGER NOT NULL UNIQUE,
  papers  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE term_periods (
  term_id INTEGER NOT NULL,
  period  TEXT NOT NULL,
  papers  INTEGER NOT NULL,                 -- papers in the period containing the term
  share   REAL NOT NULL,                    -- papers / periods.papers
  PRIMARY KEY (term_id, period)
) WITHOUT ROWID;

CREATE TABLE term_trends (
  term_id      INTEGER PRIMARY KEY,
  support      INTEGER NOT NULL,            -- dated papers containing the term
  slope        REAL NOT NULL,               -- change of smoothed share per period, recent window
  recent_share REAL NOT NULL,
  score        REAL NOT NULL,               -- rising > 0 > falling
  subject_score REAL NOT NULL,              -- score weighted by the term's specificity: subjects first
  subject_rank INTEGER,                     -- place in the subjects-first rising (score > 0) or falling list, one term per subject first
  new_rank     INTEGER                      -- rank among new subjects (first seen late, taking off), else NULL
);
CREATE INDEX term_trends_score ON term_trends(score);
CREATE INDEX term_trends_subject ON term_trends(subject_score);

CREATE TABLE term_bursts (
  term_id  INTEGER NOT NULL,
  start    TEXT NOT NULL,                   -- first period of the burst
  end      TEXT NOT NULL,                   -- last period of the burst
  strength REAL NOT NULL,                   -- Kleinberg weight
  lift     REAL NOT NULL,                   -- share of papers in the burst over the share outside it
  score    REAL NOT NULL,                   -- subject score: strength, lift and specificity (lib/trends/subjects.ts)
  rank     INTEGER NOT NULL,                -- place in the subject list: new subjects first
  same_as  INTEGER                          -- the term this burst repeats as one subject (grouped under it)
);
CREATE INDEX term_bursts_rank ON term_bursts(rank);
CREATE INDEX term_bursts_term ON term_bursts(term_id);
CREATE INDEX term_bursts_strength ON term_bursts(strength DESC);
CREATE INDEX term_bursts_score ON term_bursts(score DESC);

CREATE TABLE term_related (
  term_id  INTEGER NOT NULL,
  rank     INTEGER NOT NULL,
  other_id INTEGER NOT NULL,
  papers   INTEGER NOT NULL,                -- papers containing both
  npmi     REAL NOT NULL,
  PRIMARY KEY (term_id, rank)
) WITHOUT ROWID;

CREATE TABLE topic_periods (
  topic_id INTEGER NOT NULL,
  period   TEXT NOT NULL,
  papers   INTEGER NOT NULL,
  share    REAL NOT NULL,                   -- papers / periods.papers
  PRIMARY KEY (topic_id, period)
) WITHOUT ROWID;

-- emerging and fading topics: the change of each topic's share over the recent periods
CREATE TABLE topic_trends (
  topic_id      INTEGER PRIMARY KEY,
  slope         REAL NOT NULL,
  score         REAL NOT NULL,              -- emerging > 0 > fading
  recent_share  REAL NOT NULL,
  earlier_share REAL NOT NULL
);

-- topic evolution: topics fitted per window of periods, linked window to window
CREATE TABLE evolution_windows (
  window       INTEGER PRIMARY KEY,         -- 0 = earliest
  first_period TEXT NOT NULL,
  last_period  TEXT NOT NULL,
  papers       INTEGER NOT NULL
);

CREATE TABLE evolution_nodes (
  id     INTEGER PRIMARY KEY,
  window INTEGER NOT NULL,
  label  TEXT NOT NULL,                     -- its class-based TF-IDF terms within the window
  size   INTEGER NOT NULL                   -- papers
);

CREATE TABLE evolution_links (
  source     INTEGER NOT NULL,              -- node of window w
  target     INTEGER NOT NULL,              -- node of window w + 1
  similarity REAL NOT NULL,                 -- cosine of the centroids (LSA)
  value      REAL NOT NULL,                 -- the source's papers carried along (its size shared by similarity)
  PRIMARY KEY (source, target)
) WITHOUT ROWID;

-- a node's papers, closest to its centroid first (at most 30)
CREATE TABLE evolution_papers (
  node_id  INTEGER NOT NULL,
  rank     INTEGER NOT NULL,
  paper_id INTEGER NOT NULL,
  PRIMARY KEY (node_id, rank)
) WITHOUT ROWID;

-- ---------------------------------------------------------------- co-author graph
CREATE TABLE author_stats (
  author_id       INTEGER PRIMARY KEY,
  papers          INTEGER NOT NULL,
  coauthors       INTEGER NOT NULL,
  first_year      INTEGER,
  last_year       INTEGER,
  degree          INTEGER NOT NULL,
  weighted_degree REAL NOT NULL,
  betweenness     REAL NOT NULL,            -- normalized; sampled on large graphs (meta)
  community_id    INTEGER,
  component_id    INTEGER NOT NULL,
  main_topics     TEXT NOT NULL             -- JSON [[topic_id, papers], ...], strongest first
);
CREATE INDEX author_stats_papers ON author_stats(papers DESC);
CREATE INDEX author_stats_degree ON author_stats(degree DESC);

-- undirected: source < target
CREATE TABLE coauthor_edges (
  source INTEGER NOT NULL,
  target INTEGER NOT NULL,
  papers INTEGER NOT NULL,                  -- joint papers
  weight REAL NOT NULL,                     -- fractional: sum of 1/(n-1) over joint papers
  PRIMARY KEY (source, target)
) WITHOUT ROWID;
CREATE INDEX coauthor_edges_target ON coauthor_edges(target, source);

-- Louvain communities, largest first; the drawn ones (mapped = 1) are discs of the network view
CREATE TABLE communities (
  id              INTEGER PRIMARY KEY,      -- 0 = largest
  size            INTEGER NOT NULL,         -- authors
  papers          INTEGER NOT NULL,         -- papers with at least one member
  topic_id        INTEGER,                  -- the topic most of those papers are in
  topic_share     REAL NOT NULL,            -- share of the papers in it
  top_authors     TEXT NOT NULL,            -- JSON [author_id, ...]: up to 3, most papers first
  mapped          INTEGER NOT NULL,         -- 1 when drawn on the community map
  x               REAL,                     -- centre of its region in the network view
  y               REAL,
  radius          REAL,
  detail          INTEGER NOT NULL,         -- members laid out for its detail view
  network         INTEGER NOT NULL,         -- of those, drawn in the network view
  sub_communities INTEGER NOT NULL          -- sub-communities among the laid-out members
);
CREATE INDEX communities_mapped ON communities(mapped, id);

-- collaboration between drawn communities (source < target); each keeps its 8 strongest links
CREATE TABLE community_links (
  source   INTEGER NOT NULL,
  target   INTEGER NOT NULL,
  papers   INTEGER NOT NULL,                -- joint papers summed over the crossing author pairs
  weight   REAL NOT NULL,                   -- fractional weight summed likewise
  strength REAL NOT NULL,                   -- association strength (1 = as chance gives)
  PRIMARY KEY (source, target)
) WITHOUT ROWID;

CREATE TABLE components (
  id       INTEGER PRIMARY KEY,             -- 0 = largest
  size     INTEGER NOT NULL,
  laid_out INTEGER NOT NULL                 -- 1 when some of its authors have a layout
);

-- co-occurrence maps (VOSviewer-style): map = terms | keywords | institutions | countries
CREATE TABLE cooccurrence_items (
  map     TEXT NOT NULL,
  id      INTEGER NOT NULL,                 -- 0 = the item in most papers
  label   TEXT NOT NULL,
  papers  INTEGER NOT NULL,
  cluster INTEGER NOT NULL,                 -- Louvain on association strength, 0 = largest
  x       REAL NOT NULL,
  y       REAL NOT NULL,
  PRIMARY KEY (map, id)
) WITHOUT ROWID;

CREATE TABLE cooccurrence_links (
  map      TEXT NOT NULL,
  source   INTEGER NOT NULL,
  target   INTEGER NOT NULL,                -- source < target
  papers   INTEGER NOT NULL,                -- papers with both items
  strength REAL NOT NULL,                   -- association strength (1 = as chance gives)
  PRIMARY KEY (map, source, target)
) WITHOUT ROWID;

-- an item's papers, most cited first (at most 200 per item)
CREATE TABLE cooccurrence_papers (
  map      TEXT NOT NULL,
  item_id  INTEGER NOT NULL,
  rank     INTEGER NOT NULL,
  paper_id INTEGER NOT NULL,
  PRIMARY KEY (map, item_id, rank)
) WITHOUT ROWID;

-- the laid-out members of the drawn communities, ready to draw
CREATE TABLE author_layout (
  author_id     INTEGER PRIMARY KEY,
  community_id  INTEGER NOT NULL,
  rank          INTEGER NOT NULL,           -- 0 = the community's most connected member
  sub_community INTEGER NOT NULL,           -- Louvain inside the community, 0 = largest
  local_x       REAL NOT NULL,              -- position in the community's detail view (unit disc)
  local_y       REAL NOT NULL,
  x             REAL NOT NULL,              -- position in the network view
  y             REAL NOT NULL,
  in_network    INTEGER NOT NULL            -- 1 when the network view draws this author
);
CREATE INDEX author_layout_community ON author_layout(community_id, rank);
`;

/** Row types as the app reads them (snake_case columns map 1:1). */
export interface PaperRow {
  id: number;
  title: string;
  title_derived: number;
  abstract: string;
  tldr: string | null;
  year: number | null;
  date: string | null;
  venue: string | null;
  label: string | null;
  external_id: string | null;
  author_count: number | null;
  authors_text: string;
}

export interface TopicRow {
  id: number;
  label: string;
  size: number;
  x: number;
  y: number;
  node_id: number;
  coherence: number | null;
}

/** How the full-text index cuts text into tokens. The read module marks up search hits in a
 * scratch index that must tokenize exactly as the build's does, so both take it from here. */
export const FTS_TOKENIZE = 'unicode61 remove_diacritics 2';

/** Full text over title, abstract and author names (external content: the papers table). */
export const FTS_SQL = `
CREATE VIRTUAL TABLE papers_fts USING fts5(
  title, abstract, authors_text,
  content='papers', content_rowid='id',
  tokenize='${FTS_TOKENIZE}'
);
`;

/** FTS5 settings for a bulk build: no incremental merging while loading (one 'optimize' at the
 * end instead) and larger leaf pages. */
export const FTS_BULK_SQL = `
INSERT INTO papers_fts (papers_fts, rank) VALUES ('automerge', 0);
INSERT INTO papers_fts (papers_fts, rank) VALUES ('crisismerge', 1000);
INSERT INTO papers_fts (papers_fts, rank) VALUES ('pgsz', 16000);
`;

/** The FTS5 shadow tables of papers_fts, with the order that makes a copy deterministic. */
export const FTS_SHADOW_TABLES: readonly [string, string][] = [
  ['papers_fts_data', 'id'],
  ['papers_fts_idx', 'segid, term'],
  ['papers_fts_docsize', 'id'],
  ['papers_fts_config', 'k'],
];

/** Secondary indexes are created after the bulk load: building them once is faster than
 * maintaining them row by row. */
export function splitIndexes(sql: string): { tables: string; indexes: string } {
  const statements = sql.split(/;\s*\n/);
  const isIndex = (st: string) => /^\s*(--[^\n]*\n\s*)*CREATE (UNIQUE )?INDEX/.test(st);
  return {
    tables: statements.filter((st) => !isIndex(st)).join(';\n'),
    indexes: statements
      .filter(isIndex)
      .map((st) => `${st.trim()};`)
      .join('\n'),
  };
}

/** The whole schema, tables, full-text index and indexes, as one script. */
export const SCHEMA_SQL = `${TABLES_SQL}\n${FTS_SQL}`;
