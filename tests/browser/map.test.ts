/**
 * The topic map in real Chromium against `next start` on the bundled corpus: the canvas shows the
 * points, a click on a point opens that paper, filters, the outlier toggle, the lasso and the
 * rectangle brush land in the URL, and the selection is listed. Screenshots go to tests/browser/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount } from '@/lib/viz/format';
import { selectInPolygon } from '@/lib/viz/lasso';
import { buildActiveMask } from '@/lib/viz/map-filter';
import { computeExtent, fitExtent, MAP_PADDING } from '@/lib/viz/map-scale';
import { decodeMapPoints, POINT_FLAG_OUTLIER, type MapPointColumns } from '@/lib/viz/point-payload';
import { parseMapState } from '@/lib/viz/map-state';
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

/** The map's fit of the data into the canvas box (the same as MapEngine's at the fitted view). */
function fitOf(box: { width: number; height: number }) {
  return fitExtent(computeExtent(points.x, points.y), Math.floor(box.width), Math.floor(box.height), MAP_PADDING);
}

/** The alpha of the canvas pixel at each CSS-pixel position. */
async function alphaAt(page: Page, at: [number, number][]): Promise<number[]> {
  return page.evaluate(`(() => {
    const c = document.querySelector('[data-testid=topic-map-canvas]');
    const k = c.width / c.getBoundingClientRect().width;
    const ctx = c.getContext('2d');
    return ${JSON.stringify(at)}.map(([x, y]) => ctx.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data[3]);
  })()`) as Promise<number[]>;
}

/**
 * The renderer drew the points: the canvas is opaque at the positions of 40 papers spread over the
 * map, and transparent in its empty corner (inside the padding, where no point can be).
 */
async function expectPointsPainted(page: Page): Promise<void> {
  const box = (await page.locator('[data-testid=topic-map-canvas]').boundingBox())!;
  const t = fitOf(box);
  const at: [number, number][] = [];
  for (let j = 0; j < 40; j++) {
    const i = Math.floor((j * points.ids.length) / 40);
    at.push([t.k * points.x[i] + t.x, t.k * points.y[i] + t.y]);
  }
  const alphas = await alphaAt(page, at);
  expect(alphas.filter((a) => a > 0)).toHaveLength(40);
  expect(await alphaAt(page, [[2, 2]])).toEqual([0]);
}

/** The index of the point farthest from its neighbours on screen, well inside the view, and its position. */
function loneliestPoint(box: { width: number; height: number }): { index: number; x: number; y: number; gap: number } {
  const t = fitOf(box);
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
  return { index: best, x: sx[best], y: sy[best], gap: bestGap };
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
      expect(await visit(p.page, '/map')).toBe(200);
      await waitForMap(p.page);
      const status = (await p.page.locator('[data-testid=map-timing]').textContent()) ?? '';
      expect(status).toContain(`drawn ${points.ids.length.toLocaleString('en-US')} points`);
      expect(await paintedPixels(p.page, 'topic-map-canvas')).toBeGreaterThan(2000);
      // Chromium's software WebGL (SwiftShader) draws them.
      expect(await p.page.locator('[data-testid=topic-map-canvas]').getAttribute('data-renderer')).toBe('webgl');
      await expectPointsPainted(p.page);
      await screenshot(p.page, 'map');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('draws with Canvas 2D when the URL asks for it, whatever the URL becomes after', async () => {
    const p = await newPage(browser);
    try {
      expect(await visit(p.page, '/map?renderer=canvas')).toBe(200);
      await waitForMap(p.page);
      expect(await p.page.locator('[data-testid=topic-map-canvas]').getAttribute('data-renderer')).toBe('canvas');
      await expectPointsPainted(p.page);
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
      const { index: best, x, y, gap: bestGap } = loneliestPoint(box);
      expect(best).toBeGreaterThanOrEqual(0);
      expect(bestGap).toBeGreaterThan(3);
      await p.page.mouse.move(box.x + x, box.y + y);
      await p.page.waitForSelector('[role=tooltip] strong', { timeout: 5000 });
      await p.page.mouse.click(box.x + x, box.y + y);
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

  it('brushes a rectangle: the filtered papers inside are listed, shared in the URL, cleared by Escape outside the form fields', async () => {
    const p = await newPage(browser);
    try {
      await visit(p.page, '/map?topic=0');
      await waitForMap(p.page);
      const mask = buildActiveMask(points, { topics: [0], years: null, sources: [] });
      const canvas = p.page.locator('[data-testid=topic-map-canvas]');
      const box = (await canvas.boundingBox())!;
      // A rectangle a quarter of the view wide and high, centred on topic 0's median point.
      const t = fitExtent(
        computeExtent(points.x, points.y),
        Math.floor(box.width),
        Math.floor(box.height),
        MAP_PADDING,
      );
      const inTopic = Array.from(mask.keys()).filter((i) => mask[i]);
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const cx = t.k * median(inTopic.map((i) => points.x[i])) + t.x;
      const cy = t.k * median(inTopic.map((i) => points.y[i])) + t.y;
      const half = { x: box.width / 8, y: box.height / 8 };
      const clampX = (x: number) => Math.min(box.width - 2, Math.max(2, x));
      const clampY = (y: number) => Math.min(box.height - 2, Math.max(2, y));
      const from = { x: Math.round(clampX(cx - half.x)), y: Math.round(clampY(cy - half.y)) };
      const to = { x: Math.round(clampX(cx + half.x)), y: Math.round(clampY(cy + half.y)) };

      // The tool is a radio group: reached and switched with the keyboard.
      await p.page.getByLabel('Pan & zoom').focus();
      await p.page.keyboard.press('ArrowDown');
      expect(await p.page.getByLabel('Rectangle brush').isChecked()).toBe(true);
      await p.page.mouse.move(box.x + from.x, box.y + from.y);
      await p.page.mouse.down();
      await p.page.mouse.move(box.x + to.x, box.y + to.y, { steps: 12 });
      await p.page.mouse.up();
      await p.page.waitForURL(/sel=/, { timeout: 5000 });

      // The URL holds the rectangle's four corners in data coordinates: the drag's corners through the fit.
      const area = parseMapState(new URL(p.page.url()).searchParams).area!;
      expect(area).toHaveLength(4);
      const [left, right] = [(from.x - t.x) / t.k, (to.x - t.x) / t.k];
      const [top, bottom] = [(from.y - t.y) / t.k, (to.y - t.y) / t.k];
      const corners = [
        [left, top],
        [right, top],
        [right, bottom],
        [left, bottom],
      ];
      area.forEach(([x, y], i) => {
        expect(Math.abs(x - corners[i][0]) * t.k).toBeLessThan(1.5);
        expect(Math.abs(y - corners[i][1]) * t.k).toBeLessThan(1.5);
      });
      const items = p.page.locator('section[aria-label="Selected papers"] li');
      await expect.poll(() => items.count(), { timeout: 5000 }).toBeGreaterThan(0);
      await screenshot(p.page, 'map-brush');

      // The shared link selects exactly the papers of topic 0 inside the URL's rectangle.
      const expected = selectInPolygon(points.x, points.y, area, (i) => mask[i] === 1).length;
      expect(expected).toBeGreaterThan(0);
      await visit(p.page, p.page.url());
      await waitForMap(p.page);
      await expect
        .poll(() => p.page.locator('[aria-live=polite]').first().textContent(), { timeout: 5000 })
        .toContain(`${formatCount(expected)} selected`);
      await expect.poll(() => items.count(), { timeout: 5000 }).toBe(Math.min(expected, 100));

      // Escape in a year dropdown belongs to the dropdown: the selection stays.
      await p.page.getByLabel('First year').focus();
      await p.page.keyboard.press('Escape');
      await p.page.waitForTimeout(300);
      expect(new URL(p.page.url()).searchParams.has('sel')).toBe(true);
      expect(await items.count()).toBe(Math.min(expected, 100));

      await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await p.page.keyboard.press('Escape');
      await p.page.waitForURL((url) => !url.searchParams.has('sel'), { timeout: 5000 });
      expect(await items.count()).toBe(0);
      expect(new URL(p.page.url()).searchParams.get('topic')).toBe('0');

      // The canvas's keys still move the view: + zooms in, and the zoom lands in the URL.
      await canvas.focus();
      await p.page.keyboard.press('+');
      await p.page.waitForURL(/z=1\.5,/, { timeout: 5000 });
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('counts the outliers in the legend, and hides them through the URL', async () => {
    const outliers = Array.from(points.flags).filter((f) => f & POINT_FLAG_OUTLIER).length;
    expect(outliers).toBeGreaterThan(0);
    // A topic with an outlier, so hiding them changes its count.
    const topic = points.topic[points.flags.findIndex((f) => (f & POINT_FLAG_OUTLIER) !== 0)];
    const p = await newPage(browser);
    try {
      await visit(p.page, `/map?topic=${topic}`);
      await waitForMap(p.page);
      const legend = p.page.locator('[data-testid=outlier-legend]');
      expect(await legend.textContent()).toContain(`${formatCount(outliers)} papers far from their topic`);
      expect(await p.page.getByLabel('Show apart', { exact: true }).isChecked()).toBe(true);
      const status = p.page.locator('[aria-live=polite]').first();
      const inTopic = buildActiveMask(points, { topics: [topic], years: null, sources: [] }).filter(
        (v) => v === 1,
      ).length;
      await expect.poll(() => status.textContent()).toContain(`${formatCount(inTopic)} of`);

      await p.page.getByLabel('Hide', { exact: true }).check();
      await p.page.waitForURL(/outliers=hide/, { timeout: 5000 });
      // The other filters stay; the hidden outliers leave the count and the drawing.
      expect(new URL(p.page.url()).searchParams.get('topic')).toBe(String(topic));
      const kept = buildActiveMask(points, { topics: [topic], years: null, sources: [], hideOutliers: true }).filter(
        (v) => v === 1,
      ).length;
      expect(kept).toBeLessThan(inTopic);
      await expect.poll(() => status.textContent()).toContain(`${formatCount(kept)} of`);
      const timing = p.page.locator('[data-testid=map-timing]');
      await expect
        .poll(() => timing.textContent())
        .toContain(`drawn ${formatCount(points.ids.length - outliers)} points`);
      await screenshot(p.page, 'map-outliers-hidden');

      // A reload keeps the choice; "Show apart" takes it out of the URL again.
      await visit(p.page, p.page.url());
      await waitForMap(p.page);
      expect(await p.page.getByLabel('Hide', { exact: true }).isChecked()).toBe(true);
      await p.page.getByLabel('Show apart', { exact: true }).check();
      await p.page.waitForURL((url) => !url.searchParams.has('outliers'), { timeout: 5000 });
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('topic map without WebGL', () => {
  let plain: Browser;

  beforeAll(async () => {
    plain = await launchBrowser(['--disable-webgl']);
  });

  afterAll(async () => {
    await plain?.close();
  });

  it('falls back to Canvas 2D: every point drawn, hover shows the card, a brush selects and lists', async () => {
    const p = await newPage(plain);
    try {
      await visit(p.page, '/map');
      await waitForMap(p.page);
      const canvas = p.page.locator('[data-testid=topic-map-canvas]');
      expect(await canvas.getAttribute('data-renderer')).toBe('canvas');
      await expect
        .poll(() => p.page.locator('[data-testid=map-timing]').textContent())
        .toContain(`drawn ${formatCount(points.ids.length)} points`);
      await expectPointsPainted(p.page);

      const box = (await canvas.boundingBox())!;
      const lone = loneliestPoint(box);
      await p.page.mouse.move(box.x + lone.x, box.y + lone.y);
      await p.page.waitForSelector('[role=tooltip] strong', { timeout: 5000 });
      const cards = (await (await fetch(`${BASE_URL}/api/map/papers?ids=${points.ids[lone.index]}`)).json()) as {
        papers: { title: string }[];
      };
      expect(await p.page.locator('[role=tooltip] strong').textContent()).toBe(cards.papers[0].title);

      await p.page.getByLabel('Rectangle brush').check();
      await p.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
      await p.page.mouse.down();
      await p.page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7, { steps: 8 });
      await p.page.mouse.up();
      await p.page.waitForURL(/sel=/, { timeout: 5000 });
      const area = parseMapState(new URL(p.page.url()).searchParams).area!;
      const expected = selectInPolygon(points.x, points.y, area, () => true).length;
      expect(expected).toBeGreaterThan(0);
      await expect
        .poll(() => p.page.locator('[aria-live=polite]').first().textContent(), { timeout: 5000 })
        .toContain(`${formatCount(expected)} selected`);
      await expect
        .poll(() => p.page.locator('section[aria-label="Selected papers"] li').count(), { timeout: 5000 })
        .toBe(Math.min(expected, 100));
      await screenshot(p.page, 'map-canvas-fallback');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
