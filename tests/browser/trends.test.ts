/**
 * Keyword trends in real Chromium against `next start` on the bundled corpus: picking two terms
 * through the autocomplete draws two lines; a shared URL shows the same comparison.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, newPage, screenshot, visit } from './helpers';

let browser: Browser;
let terms: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  terms = [];
  for (const q of ['neural', 'graph', 'language', 'learning', 'model', 'data']) {
    const found = (await (await fetch(`${BASE_URL}/api/trends/terms?q=${q}`)).json()) as {
      terms: { display: string }[];
    };
    const first = found.terms.find((t) => !terms.includes(t.display));
    if (first) terms.push(first.display);
    if (terms.length === 2) break;
  }
  expect(terms).toHaveLength(2);
});

afterAll(async () => {
  await browser?.close();
});

const lines = '[data-testid=term-trend-chart] path.recharts-line-curve';

describe('keyword trends', () => {
  it('compares two picked terms as two lines', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/trends')).toBe(200);
      const input = p.page.locator('[data-testid=term-search]');
      for (const term of terms) {
        await input.fill(term);
        const option = p.page
          .locator('[role=option]')
          .filter({ has: p.page.getByText(term, { exact: true }) })
          .first();
        await option.waitFor({ timeout: 5000 });
        await option.click();
      }
      await expect.poll(() => p.page.locator(lines).count(), { timeout: 10_000 }).toBe(2);
      // The URL follows the view after a short debounce.
      await expect
        .poll(() => new URL(p.page.url()).searchParams.get('terms')?.split(','), { timeout: 5000 })
        .toEqual(terms);
      await screenshot(p.page, 'trends-compare');

      // Every rising, falling and bursting term is shown whole at this width, its slope or burst
      // period beside it notwithstanding.
      const names = await p.page.evaluate(() => {
        const spans = Array.from(
          document.querySelectorAll('[data-testid$=-terms] li button > span > span:first-child'),
        );
        return {
          count: spans.length,
          clipped: spans.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
        };
      });
      expect(names.count).toBe(await p.page.locator('[data-testid$=-terms] li').count());
      expect(await p.page.locator('[data-testid=bursting-terms] li').count()).toBeGreaterThan(0);
      expect(names.clipped).toEqual([]);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('renders a shared comparison and the streamgraph straight from the URL', async () => {
    const p = await newPage(browser, { colorScheme: 'dark' });
    try {
      const query = new URLSearchParams({ terms: terms.join(','), stack: 'stream' });
      expect(await visit(p.page, `/trends?${query}`)).toBe(200);
      await expect.poll(() => p.page.locator(lines).count(), { timeout: 10_000 }).toBe(2);
      expect(await p.page.getByLabel('Papers (streamgraph)').isChecked()).toBe(true);
      await screenshot(p.page, 'trends-stream-dark');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('lists phrases only when asked, from the URL and back', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/trends?movers=phrases')).toBe(200);
      expect(await p.page.getByLabel('Phrases only').isChecked()).toBe(true);
      const listed = () =>
        p.page.locator('[data-testid$=-terms] li button > span > span:first-child').allTextContents();
      const phrases = await listed();
      expect(phrases.length).toBeGreaterThan(0);
      for (const term of phrases) expect(term).toContain(' ');
      await p.page.getByLabel('All words').check();
      await expect.poll(() => new URL(p.page.url()).searchParams.get('movers'), { timeout: 5000 }).toBe('all');
      expect((await listed()).some((term) => !term.includes(' '))).toBe(true);
      // Subjects first is the default, and leaves the URL clean.
      await p.page.getByLabel('Subjects first').check();
      await expect.poll(() => new URL(p.page.url()).searchParams.has('movers'), { timeout: 5000 }).toBe(false);
      expect((await listed()).length).toBeGreaterThan(0);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('shows the burst timeline, filters it by topic, and draws one chart per topic', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/trends')).toBe(200);
      const rows = p.page.locator('[data-testid=burst-timeline] svg g[data-term]');
      const before = await rows.count();
      expect(before).toBeGreaterThan(0);
      await screenshot(p.page, 'trends-bursts');
      // A topic filter keeps only terms of that topic.
      const options = await p.page.locator('select[aria-label="Bursts of the terms of a topic"] option').count();
      expect(options).toBeGreaterThan(1);
      const answer = p.page.waitForResponse((r) => r.url().includes('/api/trends/bursts?'));
      await p.page.selectOption('select[aria-label="Bursts of the terms of a topic"]', { index: 1 });
      const picked = Number(await p.page.locator('select[aria-label="Bursts of the terms of a topic"]').inputValue());
      const body = (await (await answer).json()) as { bursts: { topic: number | null }[] };
      for (const b of body.bursts) expect(b.topic).toBe(picked);
      await expect.poll(() => rows.count(), { timeout: 5000 }).toBe(body.bursts.length);
      // Topics over time: every topic has its own small chart, no "other" band.
      const topics = await p.page.locator('[data-testid=topic-multiples] > a').count();
      const legend = await p.page.locator('table caption', { hasText: 'Papers per topic and period' }).count();
      expect(legend).toBe(1);
      expect(topics).toBeGreaterThan(1);
      expect(await p.page.locator('[data-testid=emerging-topics] li').count()).toBeGreaterThan(0);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('draws the topic evolution and opens a topic of a window with its papers', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/trends')).toBe(200);
      const nodes = p.page.locator('[data-testid=topic-evolution] g[data-node]');
      await nodes.first().waitFor();
      expect(await nodes.count()).toBeGreaterThan(2);
      expect(await p.page.locator('[data-testid=topic-evolution] svg path').count()).toBeGreaterThan(0);
      await nodes.first().click();
      await p.page.waitForSelector('[data-testid=evolution-papers] li a');
      // The picked topic and the burst filter live in the URL.
      await p.page.waitForURL(/evo=\d+/, { timeout: 5000 });
      expect(await p.page.locator('[data-testid=evolution-papers] h3').textContent()).toMatch(/papers/);
      await p.page.locator('[data-testid=topic-evolution]').scrollIntoViewIfNeeded();
      await screenshot(p.page, 'trends-evolution');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('keeps topics over time readable with 40 topics: one chart each, no "other" band', async () => {
    const base = process.env.TOPICSCOPE_40_TOPICS_URL;
    expect(base, 'scripts/test-browser.ts serves a 40-topic build').toBeTruthy();
    const p = await newPage(browser);
    try {
      const response = await p.page.goto(`${base}/trends`, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      const charts = p.page.locator('[data-testid=topic-multiples] > a');
      expect(await charts.count()).toBe(40);
      expect(await p.page.getByText(/other topics/).count()).toBe(0);
      await p.page.locator('[data-testid=topic-multiples]').scrollIntoViewIfNeeded();
      await screenshot(p.page, 'trends-40-topics');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
