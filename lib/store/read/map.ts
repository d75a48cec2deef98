/**
 * Read questions for the topic map: the points of every paper (compact, parallel arrays), the
 * topics, sub-topics and sources that colour, label and filter them, and the cards shown on hover
 * or selection.
 */
import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import { encodeMapPoints, MAP_PAYLOAD_VERSION, POINT_FLAG_OUTLIER } from '../../viz/point-payload';
import { openBuild } from '../db';
import { prepareCached } from './statements';

/** One input file as a map filter; `index` is what the point payload carries. */
export interface MapSource {
  index: number;
  file: string;
  label: string;
  papers: number;
}

export interface MapTopic {
  id: number;
  label: string;
  size: number;
  x: number;
  y: number;
}

/** A part of a large topic, labelled on the map once the view is zoomed in far enough. */
export interface MapSubtopic {
  topicId: number;
  /** 0-based within the topic, largest first. */
  id: number;
  label: string;
  size: number;
  /** Mean map position of its papers. */
  x: number;
  y: number;
}

/** Everything the map page needs besides the points. */
export interface MapMeta {
  papers: number;
  topics: MapTopic[];
  /** Sub-topics of every split topic, by topic then id. */
  subtopics: MapSubtopic[];
  /** Mapped papers far from their topic (the point flag POINT_FLAG_OUTLIER), and the score that cuts them. */
  outliers: { count: number; threshold: number | null };
  sources: MapSource[];
  /** Smallest and largest year among mapped papers; null when no paper has a year. */
  years: [number, number] | null;
  /** Mapped papers without a year (they pass any year filter only when it is open). */
  undated: number;
}

/**
 * Every mapped paper as parallel typed arrays, in paper-id order. year 0 = unknown; flags is a bit
 * set (POINT_FLAG_OUTLIER of lib/viz/point-payload).
 */
export interface MapPoints {
  ids: Int32Array;
  x: Float32Array;
  y: Float32Array;
  topic: Uint16Array;
  year: Uint16Array;
  source: Uint8Array;
  flags: Uint8Array;
}

/** What a hover card or the selection list shows about a paper. */
export interface MapPaperCard {
  id: number;
  title: string;
  authors: string;
  year: number | null;
  venue: string | null;
  topicId: number | null;
  topicLabel: string | null;
  /** The part of its topic it falls in, when the topic is split. */
  subtopicLabel: string | null;
  /** True when it sits far from its topic's typical paper. */
  outlier: boolean;
  source: string | null;
}

/** Source index 255 means "another source" when a corpus has more files than a byte holds. */
export const OTHER_SOURCE_INDEX = 255;

const pointCache = new WeakMap<Database.Database, MapPoints>();
const metaCache = new WeakMap<Database.Database, MapMeta>();
const payloadCache = new WeakMap<Database.Database, Map<MapPayloadEncoding, Uint8Array<ArrayBuffer>>>();

/** How the point payload travels: gzipped, or as it is. */
export type MapPayloadEncoding = 'gzip' | 'identity';

/**
 * A short name for an input file: its venue (with the year when the venue does not say it), else
 * how it was read (its layout), else the file name without extension.
 */
export function formatSourceLabel(
  file: string,
  venue: string | null,
  year: number | null,
  layout?: string | null,
): string {
  if (venue) return year && !venue.includes(String(year)) ? `${venue} ${year}` : venue;
  if (layout) return layout;
  return file.replace(/\.(txt|csv|tsv|json|jsonl|bib|gz)$/i, '');
}

/** Topics, sources and the year span of the map; cached for the life of the connection. */
export function readMapMeta(db: Database.Database = openBuild()): MapMeta {
  const cached = metaCache.get(db);
  if (cached) return cached;
  const topics = prepareCached(db, 'SELECT id, label, size, x, y FROM topics ORDER BY id').all() as MapTopic[];
  const files = prepareCached(db, 'SELECT file, venue, year, layout, papers FROM source_files ORDER BY file').all() as {
    file: string;
    venue: string | null;
    year: number | null;
    layout: string | null;
    papers: number;
  }[];
  const sources: MapSource[] = files.map((f, i) => ({
    index: Math.min(i, OTHER_SOURCE_INDEX),
    file: f.file,
    label: formatSourceLabel(f.file, f.venue, f.year, f.layout),
    papers: f.papers,
  }));
  // The mapped papers' count, years and outliers as the build stored them with the payload; counted
  // over every mapped paper (a second at a million) only while the build is being written.
  const stored = prepareCached(
    db,
    'SELECT points AS n, year_min AS lo, year_max AS hi, undated, outliers FROM map_payload WHERE version = ? LIMIT 1',
  ).get(MAP_PAYLOAD_VERSION) as
    { n: number; lo: number | null; hi: number | null; undated: number; outliers: number } | undefined;
  const span =
    stored ??
    (prepareCached(
      db,
      `SELECT COUNT(*) AS n, MIN(p.year) AS lo, MAX(p.year) AS hi, SUM(p.year IS NULL) AS undated,
              (SELECT COUNT(*) FROM paper_topics WHERE is_outlier = 1) AS outliers
       FROM paper_topics pt JOIN papers p ON p.id = pt.paper_id`,
    ).get() as { n: number; lo: number | null; hi: number | null; undated: number | null; outliers: number });
  const subtopics = prepareCached(
    db,
    'SELECT topic_id AS topicId, id, label, size, x, y FROM subtopics ORDER BY topic_id, id',
  ).all() as MapSubtopic[];
  const threshold = prepareCached(db, "SELECT value FROM quality WHERE metric = 'outlier_threshold'").get() as
    { value: number | null } | undefined;
  const outliers = { count: span.outliers, threshold: threshold?.value ?? null };
  const meta: MapMeta = {
    papers: span.n,
    topics,
    subtopics,
    outliers,
    sources,
    years: span.lo != null && span.hi != null ? [span.lo, span.hi] : null,
    undated: span.undated ?? 0,
  };
  metaCache.set(db, meta);
  return meta;
}

/**
 * Every mapped paper's position, topic, year, first source and flags. Cached per connection: the
 * build is immutable until the pipeline swaps the file, which gives a new connection.
 */
export function readMapPoints(db: Database.Database = openBuild()): MapPoints {
  const cached = pointCache.get(db);
  if (cached) return cached;
  const { sources } = readMapMeta(db);
  const sourceIndex = new Map(sources.map((s) => [s.file, s.index]));
  const n = (prepareCached(db, 'SELECT COUNT(*) AS n FROM paper_topics').get() as { n: number }).n;
  const points: MapPoints = {
    ids: new Int32Array(n),
    x: new Float32Array(n),
    y: new Float32Array(n),
    topic: new Uint16Array(n),
    year: new Uint16Array(n),
    source: new Uint8Array(n),
    flags: new Uint8Array(n),
  };
  const rows = prepareCached(
    db,
    `SELECT pt.paper_id AS id, pt.x AS x, pt.y AS y, pt.topic_id AS topic, p.year AS year,
              (SELECT MIN(ps.file) FROM paper_sources ps WHERE ps.paper_id = pt.paper_id) AS file,
              pt.is_outlier AS outlier
       FROM paper_topics pt JOIN papers p ON p.id = pt.paper_id
       ORDER BY pt.paper_id`,
  )
    .raw()
    .iterate() as IterableIterator<[number, number, number, number, number | null, string | null, number]>;
  let i = 0;
  for (const [id, x, y, topic, year, file, outlier] of rows) {
    if (i >= n) break;
    points.ids[i] = id;
    points.x[i] = x;
    points.y[i] = y;
    points.topic[i] = topic;
    points.year[i] = year ?? 0;
    points.source[i] = file != null ? (sourceIndex.get(file) ?? OTHER_SOURCE_INDEX) : OTHER_SOURCE_INDEX;
    points.flags[i] = outlier === 1 ? POINT_FLAG_OUTLIER : 0;
    i++;
  }
  pointCache.set(db, points);
  return points;
}

/** Hover and selection cards for the given papers, in the order asked; unknown ids are skipped. */
export function readMapPaperCards(ids: readonly number[], db: Database.Database = openBuild()): MapPaperCard[] {
  if (ids.length === 0) return [];
  const out = new Map<number, MapPaperCard>();
  const stmt = prepareCached(
    db,
    `SELECT p.id AS id, p.title AS title, p.authors_text AS authors, p.year AS year, p.venue AS venue,
            pt.topic_id AS topicId, t.label AS topicLabel, s.label AS subtopicLabel, pt.is_outlier AS outlier,
            (SELECT MIN(ps.file) FROM paper_sources ps WHERE ps.paper_id = p.id) AS source
     FROM json_each(?) j
     JOIN papers p ON p.id = j.value
     LEFT JOIN paper_topics pt ON pt.paper_id = p.id
     LEFT JOIN topics t ON t.id = pt.topic_id
     LEFT JOIN subtopics s ON s.topic_id = pt.topic_id AND s.id = pt.subtopic_id`,
  );
  // json_each keeps one statement for any number of ids without building SQL by hand.
  for (const row of stmt.all(JSON.stringify(ids)) as (Omit<MapPaperCard, 'outlier'> & { outlier: number | null })[]) {
    out.set(row.id, { ...row, outlier: row.outlier === 1 });
  }
  return ids.flatMap((id) => {
    const card = out.get(id);
    return card ? [card] : [];
  });
}

/** gzip at level 6 squeezes the payload within 1% of brotli's and of its own slowest settings (the
 * quantized positions are the bulk and near random), ~0.2 s for a million points. */
const PAYLOAD_GZIP_LEVEL = 6;

/** The payload gzipped, encoded from the build's tables (what the pipeline stores in map_payload). */
export function encodeMapPayload(db: Database.Database): Uint8Array<ArrayBuffer> {
  return new Uint8Array(zlib.gzipSync(encodeMapPoints(readMapPoints(db)), { level: PAYLOAD_GZIP_LEVEL }));
}

/**
 * The encoded point payload (lib/viz/point-payload.ts), gzipped or not: the gzipped form the
 * pipeline stored in map_payload (or, for a build whose payload has another layout version,
 * encoded from the tables), the plain one inflated from it; each made once per connection and kept.
 */
export function readMapPayload(
  encoding: MapPayloadEncoding,
  db: Database.Database = openBuild(),
): Uint8Array<ArrayBuffer> {
  let forms = payloadCache.get(db);
  if (!forms) payloadCache.set(db, (forms = new Map()));
  let gzip = forms.get('gzip');
  if (!gzip) {
    const stored = prepareCached(db, "SELECT bytes FROM map_payload WHERE encoding = 'gzip' AND version = ?").get(
      MAP_PAYLOAD_VERSION,
    ) as { bytes: Buffer } | undefined;
    gzip = stored ? new Uint8Array(stored.bytes) : encodeMapPayload(db);
    forms.set('gzip', gzip);
  }
  if (encoding === 'gzip') return gzip;
  let identity = forms.get('identity');
  if (!identity) forms.set('identity', (identity = new Uint8Array(zlib.gunzipSync(gzip))));
  return identity;
}
