/**
 * The overview, topics, search, paper, author and quality pages in real Chromium against
 * `next start` on the bundled corpus: each loads without a console error, search finds a known
 * title through the form, and the interactive bits (theme, relevance slider, CSV export) work.
 * Screenshots go to tests/browser/screenshots/ for review.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
