/**
 * The overview, topics, search, paper, author and quality pages in real Chromium against
 * `next start` on the bundled corpus: each loads without a console error, search finds a known
 * title through the form, and the interactive bits (theme, relevance slider, CSV export) work.
 * Screenshots go to tests/browser/screenshots/ for review.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMapPoints, POINT_FLAG_OUTLIER } from '@/lib/viz/point-payload';
import { BASE_URL, launchBrowser, newPage, screenshot, visit } from './helpers';

const KNOWN_TITLE = 'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion';

let browser: Browser;
let paperId: number;
let topicId: number;
let authorId: number;

async function getJson<T>(pathname: string): Promise<T> {
  const response = await fetch(`${BASE_URL}${pathname}`);
  expect(response.status, pathname).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const search = await getJson<{ hits: { paper: { id: number; title: string; topicId: number | null } }[] }>(
    `/api/search?q=${encodeURIComponent(KNOWN_TITLE)}&size=1`,
  );
  paperId = search.hits[0].paper.id;
  topicId = search.hits[0].paper.topicId ?? 0;
  const authors = await getJson<{ authors: { id: number; name: string }[] }>('/api/authors?q=Rinon%20Gal');
  authorId = authors.authors[0].id;
});

afterAll(async () => {
  await browser?.close();
});

describe('every page loads cleanly', () => {
  const pages: [string, () => string, string][] = [
    ['overview', () => '/', 'papers in'],
    ['topics', () => '/topics', 'topics'],
    ['topic', () => `/topics/${topicId}`, ''],
    ['search', () => `/search?q=${encodeURIComponent('diffusion models')}`, 'Papers matching'],
    ['search-filters', () => `/search?from=2021&to=2023&page=2`, 'Papers'],
    ['paper', () => `/papers/${paperId}`, KNOWN_TITLE],
    ['author', () => `/authors/${authorId}`, 'Rinon Gal'],
    ['quality', () => '/quality', 'How far to trust'],
  ];
  for (const [name, url, heading] of pages) {
    it(`${name} has a heading and no console error`, async () => {
      const p = await newPage(browser);
      try {
        expect(await visit(p.page, url())).toBe(200);
        const h1 = (await p.page.locator('main h1').first().textContent()) ?? '';
        expect(h1.length).toBeGreaterThan(0);
        if (heading) expect(h1).toContain(heading);
        await screenshot(p.page, name);
        expect(p.errors).toEqual([]);
      } finally {
        await p.close();
      }
    });
  }

  it('the overview in the dark theme and at 1280×720 has no horizontal scroll', async () => {
    const p = await newPage(browser, { colorScheme: 'dark', width: 1280, height: 720 });
    try {
      await visit(p.page, '/');
      const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(p.page, 'overview-dark', false);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('interactions', () => {
  it('search for a known title through the form finds it first and opens it', async () => {
    const p = await newPage(browser);
    try {
      await visit(p.page, '/search');
      await p.page.fill('#q', KNOWN_TITLE);
      await Promise.all([p.page.waitForURL(/\/search\?q=/), p.page.press('#q', 'Enter')]);
      const first = p.page.locator('.paper-item .paper-title').first();
      await first.waitFor();
      expect(await first.textContent()).toBe(KNOWN_TITLE);
      expect(await p.page.locator('.paper-item mark').count()).toBeGreaterThan(0);
      await screenshot(p.page, 'search-known-title');
      await Promise.all([p.page.waitForURL(/\/papers\/\d+$/), first.click()]);
      expect(await p.page.locator('main h1').textContent()).toBe(KNOWN_TITLE);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('the theme toggle switches to dark and is remembered after a reload', async () => {
    const p = await newPage(browser);
    try {
      await visit(p.page, '/quality');
      await p.page.click('.theme-toggle');
      expect(await p.page.getAttribute('html', 'data-theme')).toBe('dark');
      await p.page.reload({ waitUntil: 'networkidle' });
      expect(await p.page.getAttribute('html', 'data-theme')).toBe('dark');
      const bg = await p.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(15, 18, 23)');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('the relevance slider puts λ in the URL and keeps it on reload', async () => {
    const p = await newPage(browser);
    try {
      await visit(p.page, `/topics/${topicId}`);
      await p.page.getByLabel('relevance', { exact: true }).check();
      await p.page.waitForURL(/lambda=0\.60/);
      await p.page.reload({ waitUntil: 'networkidle' });
      expect(await p.page.getByLabel('relevance', { exact: true }).isChecked()).toBe(true);
      await screenshot(p.page, 'topic-relevance');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('a term bar of a topic opens the search for that term within the topic', async () => {
    const p = await newPage(browser);
    try {
      await visit(p.page, `/topics/${topicId}`);
      const bar = p.page.locator('svg.chart a.chart-link').first();
      const term = (await bar.locator('rect title').textContent())!.split(':')[0];
      await Promise.all([p.page.waitForURL(/\/search\?/), bar.locator('rect').click()]);
      const url = new URL(p.page.url());
      expect([url.searchParams.get('q'), url.searchParams.get('topic')]).toEqual([term, String(topicId)]);
      const heading = (await p.page.locator('main h2').first().textContent()) ?? '';
      const count = Number(heading.replace(/,/g, '').replace(/[^\d].*$/s, ''));
      expect(count).toBeGreaterThan(0);
      expect(await p.page.locator('.paper-item mark').count()).toBeGreaterThan(0);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('exports search results as CSV with a header and quoted fields', async () => {
    const response = await fetch(`${BASE_URL}/api/search/export?q=${encodeURIComponent('textual inversion')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('id,title,title_derived,authors,year,date,venue,topic_id,topic,sources,url');
    expect(lines.some((l) => l.includes(KNOWN_TITLE))).toBe(true);
  });

  it('the API answers bad input with 400 and a JSON message, unknown ids with 404', async () => {
    const bad = await fetch(`${BASE_URL}/api/search?from=abc`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'from must be a whole number' });
    expect((await fetch(`${BASE_URL}/api/papers/abc`)).status).toBe(400);
    expect((await fetch(`${BASE_URL}/api/papers/99999999`)).status).toBe(404);
    expect((await fetch(`${BASE_URL}/api/authors?q=`)).status).toBe(400);
  });

  it('pages a search by cursor, keeps old page links, and answers a bad cursor with 400', async () => {
    const api = (query: string) => fetch(`${BASE_URL}/api/search?q=learning&size=5${query}`).then((r) => r.json());
    const first = (await api('')) as { next: string; hits: { paper: { id: number } }[] };
    const byCursor = (await api(`&page=2&after=${first.next}`)) as { page: number; hits: { paper: { id: number } }[] };
    const byNumber = (await api('&page=2')) as { hits: { paper: { id: number } }[] };
    const ids = (r: { hits: { paper: { id: number } }[] }) => r.hits.map((h) => h.paper.id);
    expect(byCursor.page).toBe(2);
    expect(ids(byCursor)).toHaveLength(5);
    expect(ids(byCursor)).toEqual(ids(byNumber));
    expect(ids(byCursor).some((id) => ids(first).includes(id))).toBe(false);
    for (const cursor of ['zzz', 'r1_2_3', 'n-4']) {
      const bad = await fetch(`${BASE_URL}/api/search?q=learning&after=${cursor}`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/^after is not a cursor of this search/);
    }
    // The page shows the first page and says why.
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/search?q=learning&after=zzz')).toBe(200);
      await expect.poll(() => p.page.getByRole('alert').first().textContent()).toContain('is not one of this search');
    } finally {
      await p.close();
    }
  });

  it('an unknown paper shows the not-found page', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/papers/99999999')).toBe(404);
      expect(await p.page.locator('main h1').textContent()).toBe('Not found');
    } finally {
      await p.close();
    }
  });

  it('says the bundled corpus has no reference lists, and which exports carry them', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/')).toBe(200);
      const note = (await p.page.locator('[data-testid=no-references]').textContent()) ?? '';
      expect(note).toContain('no reference lists');
      expect(note).toContain('Web of Science');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

/** The number at the start of a text: '1,338 papers · 21%' → 1338. */
function leadingCount(text: string | null): number {
  return Number((text ?? '').replace(/,/g, '').match(/\d+/)?.[0] ?? NaN);
}

describe('sub-topics, outliers and topic membership', () => {
  it('a large topic lists its sub-topics, a small one says why it has none', async () => {
    const p = await newPage(browser);
    try {
      await visit(p.page, '/topics');
      const links = p.page.locator('main table a[href^="/topics/"]');
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(2);
      // Listed largest first: the bundled corpus's largest topic is split, its smallest is not.
      const seen = { split: 0, empty: 0 };
      for (const href of [hrefs[0], hrefs[hrefs.length - 1]]) {
        expect(await visit(p.page, href)).toBe(200);
        const size = leadingCount(await p.page.locator('main .lede').first().textContent());
        // The outliers section says how many, or that there are none.
        const outliers = (await p.page.locator('[data-testid=topic-outliers]').textContent()) ?? '';
        expect(outliers).toMatch(/\d+ outliers? \(|No paper of this topic is an outlier/);
        const parts = p.page.locator('[data-testid=subtopic]');
        if (size >= 120) {
          const sizes = (await parts.locator('.part-value').allTextContents()).map(leadingCount);
          expect(sizes.length).toBeGreaterThanOrEqual(2);
          // The parts divide the topic: every paper in exactly one.
          expect(sizes.reduce((a, b) => a + b, 0)).toBe(size);
          expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
          await screenshot(p.page, 'topic-subtopics');
          // A part's papers: the search filtered to it finds exactly its size.
          await Promise.all([p.page.waitForURL(/\/search\?topic=\d+&sub=0$/), parts.first().locator('a').click()]);
          const heading = await p.page.locator('#results-title').textContent();
          expect(leadingCount(heading)).toBe(sizes[0]);
          expect(await p.page.locator('[aria-label="Active filters"] .chip').allTextContents()).toHaveLength(2);
          // Another topic chosen in the form leaves the sub-topic behind.
          const topicSelect = p.page.locator('select#topic');
          const other = await topicSelect
            .locator('option')
            .evaluateAll(
              (os, current) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v !== '' && v !== current),
              href.split('/').pop(),
            );
          await topicSelect.selectOption(other!);
          await Promise.all([
            p.page.waitForURL(new RegExp(`/search\\?topic=${other}$`)),
            p.page.getByRole('button', { name: 'Search', exact: true }).click(),
          ]);
          expect(await p.page.locator('[aria-label="Active filters"] .chip').allTextContents()).toHaveLength(1);
          seen.split++;
        } else {
          expect(await parts.count()).toBe(0);
          const empty = (await p.page.locator('[data-testid=subtopics-empty]').textContent()) ?? '';
          expect(empty).toContain('120 papers or more');
          expect(empty).toContain(`${size} paper`);
          seen.empty++;
        }
      }
      expect(seen).toEqual({ split: 1, empty: 1 });
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('a paper page shows its nearest topics with bars that add up to at most 100%, and an outlier says so', async () => {
    const response = await fetch(`${BASE_URL}/api/map/points`);
    const points = decodeMapPoints(await response.arrayBuffer());
    const flagged = Array.from(points.ids).filter((_, i) => points.flags[i] & POINT_FLAG_OUTLIER);
    expect(flagged.length).toBeGreaterThan(0);
    const p = await newPage(browser);
    try {
      for (const [id, outlier] of [
        [paperId, flagged.includes(paperId)],
        [flagged[0], true],
      ] as const) {
        await visit(p.page, `/papers/${id}`);
        const rows = p.page.locator('[data-testid=topic-membership] li[data-weight]');
        expect(await rows.count()).toBe(3);
        const weights = (await rows.evaluateAll((lis) =>
          lis.map((li) => Number(li.getAttribute('data-weight'))),
        )) as number[];
        const shown = (await rows.locator('.bar-value').allTextContents()).map(leadingCount);
        expect(weights.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
        expect(shown.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
        // Nearest first, three different topics. The nearest by the paper's own words is usually,
        // not always, the topic its neighbourhood gives it (an outlier's seldom is).
        expect(weights).toEqual([...weights].sort((a, b) => b - a));
        const hrefs = await rows.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        expect(hrefs.every((h) => /^\/topics\/\d+$/.test(h))).toBe(true);
        expect(new Set(hrefs).size).toBe(3);
        const topicHref = await p.page.locator('#topic-title + a').getAttribute('href');
        // Each bar is as wide as its weight.
        const fills = await rows
          .locator('.bar-fill')
          .evaluateAll((spans) => spans.map((s) => (s as HTMLElement).style.width));
        expect(fills.map((w) => Number.parseFloat(w) / 100)).toEqual(weights.map((w) => expect.closeTo(w, 6)));
        expect(await p.page.locator('[data-testid=outlier-note]').count()).toBe(outlier ? 1 : 0);
        if (outlier) {
          expect(await p.page.locator('[data-testid=outlier-note]').textContent()).toContain('nearest other topics');
          // The other topics, not its own.
          const others = await p.page
            .locator('[data-testid=outlier-note] a')
            .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          expect(others.length).toBeGreaterThan(0);
          expect(others).not.toContain(topicHref);
          await screenshot(p.page, 'paper-outlier');
        }
      }
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
