/**
 * The co-author graph in real Chromium against `next start` on the bundled corpus: the map of
 * communities, a community opened with its members named, a period filter, the whole network as
 * regions, the note on papers without names, and an author search that flies to the author.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, newPage, screenshot, visit } from './helpers';

let browser: Browser;
let author: { id: number; name: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const layout = (await (await fetch(`${BASE_URL}/api/graph/layout`)).json()) as {
    nodes: { id: number[]; name: string[] };
  };
  expect(layout.nodes.id.length).toBeGreaterThan(0);
  // The layout lists the most prolific authors first.
  author = { id: layout.nodes.id[0], name: layout.nodes.name[0] };
});

afterAll(async () => {
  await browser?.close();
});

describe('co-author graph', () => {
  it('says how many papers have no author names', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/graph')).toBe(200);
      const note = (await p.page.locator('[data-testid=names-note]').textContent()) ?? '';
      expect(note).toMatch(/Only [\d,]+ of [\d,]+ papers list their authors by name/);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('finds an author by name and highlights them and their co-authors', async () => {
    const p = await newPage(browser);
    try {
      await visit(p.page, '/graph?view=network');
      await p.page.waitForSelector('[data-testid=coauthor-graph-canvas]');
      const input = p.page.locator('[data-testid=author-search]');
      await input.fill(author.name.slice(0, Math.max(4, author.name.length - 2)));
      const option = p.page.locator('[role=option]').filter({ hasText: author.name }).first();
      await option.waitFor({ timeout: 5000 });
      await option.click();
      await expect
        .poll(() => p.page.locator('[data-testid=ego-panel] h2').textContent(), { timeout: 5000 })
        .toBe(author.name);
      await expect
        .poll(() => p.page.locator('[data-testid=graph-area]').getAttribute('data-focus-author'))
        .toBe(author.name);
      await p.page.waitForURL(new RegExp(`author=${author.id}`), { timeout: 5000 });
      await p.page.waitForURL(/z=/, { timeout: 5000 }); // flew to the author
      await screenshot(p.page, 'graph-author');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('opens on the map of communities, named, and opens a community with its members', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/graph')).toBe(200);
      await p.page.waitForSelector('[data-testid=community-map] circle[data-community]');
      const names = p.page.locator('[data-testid=community-labels] text');
      expect(await names.count()).toBeGreaterThan(0);
      await screenshot(p.page, 'graph-communities');
      const first = await p.page.locator('[data-testid=community-map] circle[data-community]').first();
      const id = await first.getAttribute('data-community');
      await first.click();
      await p.page.waitForURL(new RegExp(`view=community&community=${id}`), { timeout: 5000 });
      await p.page.waitForSelector('[data-testid=coauthor-graph-canvas]');
      await expect.poll(() => p.page.locator('[data-testid=graph-area]').getAttribute('data-view')).toBe('community');
      expect(await p.page.locator('[data-testid=community-panel] h2').textContent()).not.toBe('');
      await screenshot(p.page, 'graph-community');
      // A period filter fades authors without papers in it and keeps everyone in place.
      const years = await p.page.locator('select[aria-label="From year"] option').allTextContents();
      const middle = years.filter((y) => /^\d{4}$/.test(y))[0];
      if (middle) {
        await p.page.selectOption('select[aria-label="From year"]', middle);
        await p.page.waitForURL(new RegExp(`from=${middle}`), { timeout: 5000 });
        await expect.poll(() => p.page.locator('[data-testid=graph-status]').textContent()).toMatch(/faded/);
        await screenshot(p.page, 'graph-community-period');
      }
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('draws the whole network with each community in its own region', async () => {
    const p = await newPage(browser);
    try {
      await visit(p.page, '/graph?view=network');
      await p.page.waitForSelector('[data-testid=coauthor-graph-canvas]');
      await expect.poll(() => p.page.locator('[data-testid=graph-area]').getAttribute('data-view')).toBe('network');
      await screenshot(p.page, 'graph-network');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('maps the subject terms and opens a term with its papers', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/graph?net=terms')).toBe(200);
      await p.page.waitForSelector('[data-testid=cooccurrence-map] circle[data-item]');
      expect(await p.page.locator('[data-testid=cooccurrence-labels] text').count()).toBeGreaterThan(5);
      await p.page.locator('[data-testid=cooccurrence-map] circle[data-item="0"]').click();
      await p.page.waitForURL(/item=0/, { timeout: 5000 });
      await p.page.waitForSelector('[data-testid=item-panel] ol li a');
      expect(await p.page.locator('[data-testid=item-panel] h2').textContent()).not.toBe('');
      await screenshot(p.page, 'graph-terms');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
