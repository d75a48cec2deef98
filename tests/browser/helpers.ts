/**
 * Shared pieces of the browser tests: launch Debian's Chromium through playwright-core, open pages
 * that record console errors and failed requests, and save screenshots for review.
 * The server under test is started by scripts/test-browser.ts, which sets TOPICSCOPE_BASE_URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';

export const BASE_URL = process.env.TOPICSCOPE_BASE_URL ?? 'http://localhost:3000';
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, 'screenshots');
/**
 * Starts a headless Chromium. WebGL there is SwiftShader's software renderer; `extraArgs` such as
 * `--disable-webgl` take it away.
 */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return launchChromium(extraArgs);
}

/** A page plus what went wrong on it: console errors, uncaught exceptions, failed requests. */
export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  /**
   * Console messages of type error, uncaught exceptions, and responses with status >= 400 named
   * by method and URL. Chromium's own console line for a failed request ("Failed to load
   * resource: …404") names no URL, so it is left to the response record, which does.
   */
  errors: string[];
  /**
   * Router prefetches the server answered with 404. The App Router prefetches the links in view
   * on its own schedule and treats a miss as "fetch it on navigation", so these are not page
   * errors; tests/browser/links.test.ts checks that every link on the pages resolves.
   */
  prefetchMisses: string[];
  close(): Promise<void>;
}

const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of \d+/;

/** True for the App Router's speculative requests: a route prefetch or a segment prefetch. */
function isRouterPrefetch(headers: Record<string, string>): boolean {
  return headers['next-router-prefetch'] !== undefined || headers['next-router-segment-prefetch'] !== undefined;
}

/**
 * A fresh context and page (1280×800 unless told otherwise, light or dark colour scheme) that
 * records every console error, uncaught exception and 4xx/5xx response into `errors`.
 */
export async function newPage(
  browser: Browser,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<RecordedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
    baseURL: BASE_URL,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const prefetchMisses: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !FAILED_RESOURCE.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    const status = response.status();
    if (status < 400) return;
    const request = response.request();
    if (status === 404 && isRouterPrefetch(request.headers())) prefetchMisses.push(response.url());
    else errors.push(`HTTP ${status}: ${request.method()} ${response.url()}`);
  });
  const close = async () => {
    // Shown in the log so a miss can be looked into, without failing the test.
    for (const url of prefetchMisses) process.stderr.write(`[browser] router prefetch answered 404: ${url}\n`);
    await context.close();
  };
  return { page, context, errors, prefetchMisses, close };
}

/** Saves a full-page screenshot as tests/browser/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  // caret: 'initial' keeps Playwright from styling inputs, which React would see as a hydration mismatch.
  await page.screenshot({ path: file, fullPage, caret: 'initial' });
  return file;
}

/** Navigates and waits until the network is quiet; returns the HTTP status. */
export async function visit(page: Page, url: string): Promise<number> {
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  return response?.status() ?? 0;
}
