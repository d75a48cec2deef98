/**
 * The topic map in real Chromium against `next start` on the bundled corpus: the canvas shows the
 * points, a click on a point opens that paper, filters and the lasso land in the URL, and the
 * selection is listed. Screenshots go to tests/browser/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeExtent, fitExtent, MAP_PADDING } from '@/lib/viz/map-scale';
import { decodeMapPoints, type MapPointColumns } from '@/lib/viz/point-payload';
import { BASE_URL, launchBrowser, newPage, screenshot, visit } from './helpers';

let browser: Browser;
let points: MapPointColumns;

beforeAll(async () => {
  browser = await launchBrowser();
  const response = await fetch(`${BASE_URL}/api/map/points`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/octet-stream');
  points = decodeMapPoints(await response.arrayBuffer());
});

afterAll(async () => {
  await browser?.close();
});

async function waitForMap(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=map-timing]', { timeout: 20_000 });
}

/** Canvas pixels that are not transparent (the background is the element's CSS colour). */
async function paintedPixels(page: Page, testId: string): Promise<number> {
  return page.evaluate(`(() => {
    const c = document.querySelector('[data-testid=${testId}]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  })()`) as Promise<number>;
}

describe('topic map', () => {
  it('draws every point on the canvas with no console error', async () => {
    const p = await newPage(browser);
    try {
      const started = Date.now();
      expect(await visit(p.page, '/map')).toBe(200);
      await waitForMap(p.page);
      const shownAfterMs = Date.now() - started;
      const status = (await p.page.locator('[data-testid=map-timing]').textContent()) ?? '';
      expect(status).toContain(`drawn ${points.ids.length.toLocaleString('en-US')} points`);
      expect(await paintedPixels(p.page, 'topic-map-canvas')).toBeGreaterThan(2000);
      expect(shownAfterMs).toBeLessThan(10_000);
      await screenshot(p.page, 'map');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('opens the paper of a clicked point', async () => {
    const p = await newPage(browser);
    try {
      await visit(p.page, '/map');
      await waitForMap(p.page);
      const box = (await p.page.locator('[data-testid=topic-map-canvas]').boundingBox())!;
      // The same fit the map uses, then the point farthest from its neighbours, well inside the view.
      const t = fitExtent(computeExtent(points.x, points.y), Math.floor(box.width), Math.floor(box.height), MAP_PADDING);
      const sx = Array.from(points.x, (x) => t.k * x + t.x);
      const sy = Array.from(points.y, (y) => t.k * y + t.y);
      let best = -1;
      let bestGap = 0;
      for (let i = 0; i < sx.length; i++) {
        if (sx[i] < 80 || sy[i] < 80 || sx[i] > box.width - 80 || sy[i] > box.height - 80) continue;
        let gap = Infinity;
        for (let j = 0; j < sx.length && gap > bestGap; j++) {
          if (j !== i) gap = Math.min(gap, Math.hypot(sx[i] - sx[j], sy[i] - sy[j]));
        }
        if (gap > bestGap) {
          bestGap = gap;
          best = i;
        }
      }
      expect(best).toBeGreaterThanOrEqual(0);
      expect(bestGap).toBeGreaterThan(3);
      await p.page.mouse.move(box.x + sx[best], box.y + sy[best]);
      await p.page.waitForSelector('[role=tooltip] strong', { timeout: 5000 });
      await p.page.mouse.click(box.x + sx[best], box.y + sy[best]);
      await p.page.waitForURL(`**/papers/${points.ids[best]}`, { timeout: 10_000 });
      expect(new URL(p.page.url()).pathname).toBe(`/papers/${points.ids[best]}`);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('keeps topic filters in the URL and lists a lasso selection', async () => {
    const p = await newPage(browser, { colorScheme: 'dark' });
    try {
      await visit(p.page, '/map?topic=0');
      await waitForMap(p.page);
      await expect.poll(() => p.page.locator('[aria-pressed=true]').count()).toBe(1);
      await p.page.locator('ul[aria-label="Topics (legend)"] button').nth(1).click();
      await p.page.waitForURL(/topic=0,1/, { timeout: 5000 });

      await p.page.getByLabel('Lasso select').check();
      const box = (await p.page.locator('[data-testid=topic-map-canvas]').boundingBox())!;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const r = Math.min(box.width, box.height) * 0.45;
      await p.page.mouse.move(cx + r, cy);
      await p.page.mouse.down();
      for (let a = 0; a <= 24; a++) {
        await p.page.mouse.move(cx + r * Math.cos((a / 24) * 2 * Math.PI), cy + r * Math.sin((a / 24) * 2 * Math.PI));
      }
      await p.page.mouse.up();
      await p.page.waitForURL(/sel=/, { timeout: 5000 });
      const items = p.page.locator('section[aria-label="Selected papers"] li');
      await expect.poll(() => items.count(), { timeout: 5000 }).toBeGreaterThan(0);
      await screenshot(p.page, 'map-lasso-dark');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
