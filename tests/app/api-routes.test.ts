/**
 * The map, graph and trends route handlers called directly: 400 with a JSON `{ error }` on bad
 * input, 503 with a message when there is no build, and the payloads on a small real build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBuild } from '@/lib/store/db';
import { decodeMapPoints } from '@/lib/viz/point-payload';
import { createSmallBuild } from '../fixtures/store/small-build';
import { GET as getPoints } from '@/app/api/map/points/route';
import { GET as getCards, POST as postCards } from '@/app/api/map/papers/route';
import { GET as getEgo } from '@/app/api/graph/ego/route';
import { GET as getLayout } from '@/app/api/graph/layout/route';
import { GET as getExport } from '@/app/api/graph/export/route';
import { GET as getTerms } from '@/app/api/trends/terms/route';
import { GET as getSeries } from '@/app/api/trends/series/route';
import { GET as getAuthors } from '@/app/api/authors/route';

let empty: string;
let built: string;
const previous = process.env.TOPICSCOPE_BUILD;

function req(url: string, init?: RequestInit): Request {
  return new Request(`http://localhost${url}`, init);
}

beforeAll(() => {
  empty = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-api-empty-'));
  built = fs.mkdtempSync(path.join(os.tmpdir(), 'topicscope-api-built-'));
  const build = createSmallBuild({ granularity: 'year', build_id: 'test' }, path.join(built, 'analytics.db'));
  build.insert('source_files', {
    file: 'a.txt',
    layout: 'x',
    records_read: 2,
    papers_kept: 2,
    duplicates_merged: 0,
    rejected: 0,
    reject_reasons: '{}',
    merged_by: '{}',
    merged_with: '{}',
    without_abstract: 0,
    warnings: '[]',
  });
  build.insert('papers', [
    {
      id: 1,
      title: 'One',
      title_derived: 0,
      abstract: '',
      year: 2020,
      author_count: 2,
      authors_text: 'Ann Lee, Bo Chen',
    },
    { id: 2, title: 'Two', title_derived: 0, abstract: '', year: 2021, author_count: 1, authors_text: 'Ann Lee' },
  ]);
  build.insert('paper_sources', [
    { paper_id: 1, file: 'a.txt', record: 1 },
    { paper_id: 2, file: 'a.txt', record: 2 },
  ]);
  build.insert('topics', { id: 0, label: 't', size: 2, x: 0, y: 0, node_id: 0, coherence: null });
  build.insert('paper_topics', [
    { paper_id: 1, topic_id: 0, distance: 0, confidence: 1, x: 1.5, y: -2 },
    { paper_id: 2, topic_id: 0, distance: 0, confidence: 1, x: -1, y: 3 },
  ]);
  build.insert('authors', [
    { id: 1, key: 'lee', name: 'Ann Lee' },
    { id: 2, key: 'chen', name: 'Bo Chen' },
  ]);
  build.insert('paper_authors', [
    { paper_id: 1, author_id: 1, position: 0 },
    { paper_id: 1, author_id: 2, position: 1 },
    { paper_id: 2, author_id: 1, position: 0 },
  ]);
  const stats = { coauthors: 1, degree: 1, weighted_degree: 1, betweenness: 0, community_id: 0, component_id: 0 };
  build.insert('author_stats', [
    { author_id: 1, papers: 2, first_year: 2020, last_year: 2021, main_topics: '[]', ...stats },
    { author_id: 2, papers: 1, first_year: 2020, last_year: 2020, main_topics: '[]', ...stats },
  ]);
  build.insert('coauthor_edges', { source: 1, target: 2, papers: 1, weight: 1 });
  const layout = { community_id: 0, sub_community: 0, local_y: 0, in_network: 1 };
  build.insert('author_layout', [
    { author_id: 1, rank: 0, local_x: -1, x: 0, y: 0, ...layout },
    { author_id: 2, rank: 1, local_x: 1, x: 1, y: 1, ...layout },
  ]);
  build.insert('terms', { id: 1, term: 'neural', display: 'neural', is_phrase: 0, df: 2 });
  build.insert('periods', [
    { period: '2020', ordinal: 0, papers: 1 },
    { period: '2021', ordinal: 1, papers: 1 },
  ]);
  build.insert('term_periods', [
    { term_id: 1, period: '2020', papers: 1, share: 1 },
    { term_id: 1, period: '2021', papers: 1, share: 1 },
  ]);
  build.db.close();
});

afterAll(() => {
  closeBuild();
  if (previous === undefined) delete process.env.TOPICSCOPE_BUILD;
  else process.env.TOPICSCOPE_BUILD = previous;
  fs.rmSync(empty, { recursive: true, force: true });
  fs.rmSync(built, { recursive: true, force: true });
});

describe('bad input', () => {
  it('answers 400 with a JSON error and no stack trace', async () => {
    process.env.TOPICSCOPE_BUILD = built;
    const cases: [Response | Promise<Response>, string][] = [
      [getCards(req('/api/map/papers?ids=1,x')), 'ids must be'],
      [getCards(req('/api/map/papers')), 'ids'],
      [getEgo(req('/api/graph/ego?author=-3')), 'author'],
      [getAuthors(req('/api/authors?q=')), 'q'],
      [getLayout(req('/api/graph/layout?joint=0')), 'joint'],
      [getLayout(req('/api/graph/layout?from=2020&to=2019')), 'from must not be after to'],
      [getLayout(req('/api/graph/layout?community=x')), 'community'],
      [getExport(req('/api/graph/export?format=svg')), 'format'],
      [getExport(req('/api/graph/export?format=gexf&view=community')), 'community'],
      [getTerms(req(`/api/trends/terms?q=${'x'.repeat(101)}`)), 'q'],
      [getSeries(req('/api/trends/series?terms=a,b,c,d,e,f,g,h,i')), 'at most 8 terms'],
      [postCards(req('/api/map/papers', { method: 'POST', body: 'not json' })), 'not JSON'],
      [postCards(req('/api/map/papers', { method: 'POST', body: JSON.stringify({ ids: [] }) })), 'ids'],
    ];
    for (const [pending, message] of cases) {
      const response = await pending;
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string };
      expect(body.error).toContain(message);
      expect(body.error).not.toMatch(/\bat \S+ \(/); // no stack frames
    }
  });
});

describe('no build', () => {
  it('answers 503 with how to make one', async () => {
    process.env.TOPICSCOPE_BUILD = empty;
    const response = await getTerms(req('/api/trends/terms?q=neu'));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toContain('npm run pipeline');
    expect((await getPoints(req('/api/map/points'))).status).toBe(503);
    // One respond module: every route gives the reason and is never cached.
    for (const r of [await getTerms(req('/api/trends/terms?q=neu')), await getAuthors(req('/api/authors?q=ann'))]) {
      expect(r.status).toBe(503);
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(((await r.json()) as { reason: string }).reason).toBe('missing');
    }
  });

  it('answers a bad author query with a 400 naming the parameter', async () => {
    for (const url of ['/api/authors', '/api/authors?q=', '/api/authors?q=ann&limit=500']) {
      const r = await getAuthors(req(url));
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: string }).error).toMatch(/^Bad request: (q: q is required|limit: )/);
    }
  });
});

describe('with a build', () => {
  it('serves the map points as a binary payload, with an ETag that short-circuits', async () => {
    process.env.TOPICSCOPE_BUILD = built;
    const response = await getPoints(req('/api/map/points'));
    expect(response.status).toBe(200);
    const points = decodeMapPoints(await response.arrayBuffer());
    expect(Array.from(points.ids)).toEqual([1, 2]);
    expect(Array.from(points.x)).toEqual([1.5, -1]);
    expect(Array.from(points.year)).toEqual([2020, 2021]);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    const etag = response.headers.get('etag')!;
    expect((await getPoints(req('/api/map/points', { headers: { 'If-None-Match': etag } }))).status).toBe(304);
    // Gzipped on request, the same payload inside, under its own ETag.
    const raw = new Uint8Array(await (await getPoints(req('/api/map/points'))).arrayBuffer());
    const gz = await getPoints(req('/api/map/points?encoding=gzip'));
    expect(gz.headers.get('content-type')).toBe('application/gzip');
    expect(gz.headers.get('etag')).not.toBe(etag);
    expect(new Uint8Array(zlib.gunzipSync(new Uint8Array(await gz.arrayBuffer())))).toEqual(raw);
    const bad = await getPoints(req('/api/map/points?encoding=br'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^Bad request: encoding: /);
  });

  it('serves cards, ego networks, authors and term series', async () => {
    process.env.TOPICSCOPE_BUILD = built;
    const cards = (await (await getCards(req('/api/map/papers?ids=2,1'))).json()) as { papers: { id: number }[] };
    expect(cards.papers.map((p) => p.id)).toEqual([2, 1]);
    const ego = (await (await getEgo(req('/api/graph/ego?author=2'))).json()) as {
      coauthors: { name: string; joint: number }[];
    };
    expect(ego.coauthors).toMatchObject([{ name: 'Ann Lee', joint: 1 }]);
    expect((await getEgo(req('/api/graph/ego?author=99'))).status).toBe(404);
    const authors = (await (await getAuthors(req('/api/authors?q=lee'))).json()) as {
      authors: { name: string }[];
    };
    expect(authors.authors.map((a) => a.name)).toEqual(['Ann Lee']);
    const links = await getExport(req('/api/graph/export?format=links-csv&view=network'));
    expect(links.headers.get('content-disposition')).toContain('topicscope-network-links.csv');
    expect(await links.text()).toBe('source,target,joint papers\r\n1,2,1\r\n');
    const series = (await (await getSeries(req('/api/trends/series?terms=Neural,nothing'))).json()) as {
      periods: string[];
      series: { display: string; papers: number[] }[];
      missing: string[];
    };
    expect(series.periods).toEqual(['2020', '2021']);
    expect(series.series.map((s) => [s.display, s.papers])).toEqual([['neural', [1, 1]]]);
    expect(series.missing).toEqual(['nothing']);
  });
});
