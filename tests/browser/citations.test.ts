/**
 * The citation views in real Chromium. On the bundled corpus (no reference lists): the citation
 * group of the networks page and the empty states that say why. On the OpenAlex citation sample
 * (served by scripts/test-browser.ts at TOPICSCOPE_CITATIONS_URL when ../shared/formats is here):
 * the direct-citation network draws its papers and named clusters, a paper's ego view, the switch
 * to coupling, the historiograph with its CSV, and a paper page's citations both ways.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, visit } from './helpers';

const CITATIONS_URL = process.env.TOPICSCOPE_CITATIONS_URL ?? null;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('citation views on a corpus without references', () => {
  it('offers the citation views as one group and says why they are empty', async () => {
    const p = await newPage(browser);
    try {
      for (const net of ['citations', 'historiograph', 'coupling', 'cocitation']) {
        expect(await visit(p.page, `/graph?net=${net}`)).toBe(200);
        const group = p.page.locator('[data-testid=citation-nav] a');
        expect(await group.allTextContents()).toEqual([
          'Direct citation',
          'Coupling',
          'Co-citation of references',
          'Historiograph',
        ]);
        expect(await p.page.locator('[data-testid=citation-nav] a[aria-current=page]').getAttribute('href')).toBe(
          `/graph?net=${net}`,
        );
        const note = (await p.page.locator('[data-testid=no-references]').textContent()) ?? '';
        expect(note).toContain('This corpus has no reference lists');
        expect(await p.page.locator('canvas, [data-testid=historiograph]').count()).toBe(0);
      }
      await screenshot(p.page, 'citations-empty');
      // Its topics come from words alone, and the topics page says why.
      expect(await visit(p.page, '/topics')).toBe(200);
      expect(await p.page.locator('[data-testid=topic-method]').textContent()).toMatch(
        /^Made from words alone \(smoothed over similar papers\)\. Why: no paper has a citation link inside the corpus/,
      );
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe.skipIf(CITATIONS_URL === null)('citation views on the OpenAlex sample', () => {
  it('draws the direct-citation network with its named clusters, and a paper’s ego view', async () => {
    const p = await newPage(browser, { width: 1400, height: 950 });
    try {
      expect(await visit(p.page, `${CITATIONS_URL}/graph?net=citations`)).toBe(200);
      await p.page.waitForSelector('[data-testid=citation-network] canvas');
      const status = (await p.page.locator('[data-testid=citation-network-status]').textContent()) ?? '';
      expect(status).toMatch(/^([\d,]+) of \1 clustered papers drawn .*at most 1,500\), [\d,]+ citations among them/);
      const clusters = p.page.locator('[data-testid=citation-clusters] li');
      expect(await clusters.count()).toBeGreaterThanOrEqual(2);
      // Every cluster is named by words and sized.
      for (const text of await clusters.allTextContents()) expect(text).toMatch(/^[\p{L}].*\d+$/u);
      // The canvas drew something other than the background.
      const painted = await p.page.locator('[data-testid=citation-network] canvas').evaluate((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let inked = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0) inked++;
        return inked;
      });
      expect(painted).toBeGreaterThan(1000);
      await screenshot(p.page, 'citations-network', false);

      // Find a paper: its ego view lists what it cites and what cites it, and the URL keeps it.
      await p.page.locator('[data-testid=citation-search]').fill('Emicizumab');
      await p.page.locator('[role=option]').first().click();
      const panel = p.page.locator('[data-testid=citation-paper-panel]');
      await panel.waitFor({ timeout: 5000 });
      expect((await panel.locator('h3').allTextContents()).map((t) => t.replace(/\d+/g, 'N'))).toEqual([
        'Cites (N drawn)',
        'Cited by (N drawn)',
      ]);
      await p.page.waitForURL(/paper=\d+/, { timeout: 5000 });
      await p.page.getByRole('radio', { name: 'Year' }).check();
      await p.page.waitForURL(/color=year/, { timeout: 5000 });
      await screenshot(p.page, 'citations-ego', false);

      // The switch: coupling is one click away in the same group.
      await p.page.locator('[data-testid=citation-nav] a', { hasText: 'Coupling' }).click();
      await p.page.waitForURL(/net=coupling/);
      await p.page.waitForSelector('[data-testid=cooccurrence-map][data-map=coupling] circle');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('draws the historiograph on a time axis, each paper opening its page, with a CSV', async () => {
    const p = await newPage(browser, { width: 1400, height: 950 });
    try {
      expect(await visit(p.page, `${CITATIONS_URL}/graph?net=historiograph`)).toBe(200);
      const chart = p.page.locator('[data-testid=historiograph]');
      await chart.waitFor();
      expect(await chart.locator('a[data-paper] circle').count()).toBe(30);
      expect(await chart.locator('path[marker-end]').count()).toBeGreaterThan(10);
      const years = (await chart.locator('svg > g[aria-hidden] text').allTextContents()).map(Number);
      expect(years.length).toBeGreaterThan(3);
      expect(years).toEqual(years.slice().sort((a, b) => a - b));
      const csv = await (await fetch(`${CITATIONS_URL}/api/citations/historiograph?format=csv`)).text();
      expect(csv.split('\r\n')[0]).toBe(
        'rank,paper id,short name,year,title,citations in the corpus,citations in all,cites (ranks)',
      );
      expect(csv.trim().split('\r\n')).toHaveLength(31);
      await screenshot(p.page, 'citations-historiograph', false);
      const first = chart.locator('a[data-paper]').first();
      const id = await first.getAttribute('data-paper');
      await first.locator('circle').click();
      await p.page.waitForURL(new RegExp(`/papers/${id}$`));
      // The most cited paper's page: cited by and cites in this corpus, both counts beside each paper.
      const citedBy = p.page.locator('[data-testid=corpus-cited-by]');
      expect(await citedBy.locator('h3').textContent()).toMatch(/^Cited by [\d,]+ papers/);
      const counts = await citedBy.locator('[data-testid=citation-counts]').allTextContents();
      expect(counts.length).toBeGreaterThan(0);
      for (const text of counts) expect(text).toMatch(/^[\d,]+ here · [\d,]+ in all$/);
      // Most cited first.
      const locals = counts.map((text) => Number(text.split(' ')[0].replace(/,/g, '')));
      expect(locals).toEqual(locals.slice().sort((a, b) => b - a));
      expect(await p.page.locator('[data-testid=corpus-cites] h3').textContent()).toMatch(/^Cites [\d,]+ papers?/);
      expect(await p.page.locator('[data-testid=local-citations]').textContent()).toMatch(/^[\d,]+ in this corpus$/);
      expect(await p.page.locator('[data-testid=citation-cluster]').textContent()).toMatch(
        /It belongs to the citation cluster “[^”]+” \(see it in the citation network\)\.$/,
      );
      await screenshot(p.page, 'citations-paper', true);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('says its topics come from words and citations and why, and lists the most cited per period', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, `${CITATIONS_URL}/topics`)).toBe(200);
      const note = (await p.page.locator('[data-testid=topic-method]').textContent()) ?? '';
      expect(note).toMatch(
        /^Made from words and citations \(hybrid\)\. Why: [\d,]+ of [\d,]+ papers \(\d+%\) have a citation link/,
      );
      expect(await visit(p.page, `${CITATIONS_URL}/quality`)).toBe(200);
      expect(await p.page.locator('[data-testid=topics-method]').textContent()).toContain('citation links (hybrid)');
      expect(await p.page.locator('[data-testid=topics-method-reason]').textContent()).toMatch(
        /^Why this method: [\d,]+ of [\d,]+ papers/,
      );
      expect(await visit(p.page, `${CITATIONS_URL}/`)).toBe(200);
      const periods = p.page.locator('[data-testid=most-cited-by-period] h4');
      const names = await periods.allTextContents();
      expect(names.length).toBeGreaterThan(1);
      expect(names.length).toBeLessThanOrEqual(6);
      for (const name of names) expect(name).toMatch(/^\d{4}(\u2013\d{4})?$/);
      // Latest period first.
      expect(names.map((n) => Number(n.slice(0, 4)))).toEqual(
        names.map((n) => Number(n.slice(0, 4))).sort((a, b) => b - a),
      );
      await screenshot(p.page, 'citations-overview-periods', true);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
