/**
 * Every link on the app's pages leads somewhere, and every page has one <main>: the
 * server-rendered HTML of each page type on the bundled corpus is read, and every in-app href in
 * it (pages, filters, API exports) is fetched and must answer 200. The router's own prefetches of
 * these links are not relied on for this (see `prefetchMisses` in helpers.ts): this check is
 * deterministic.
 */
import { describe, expect, it } from 'vitest';
import { BASE_URL } from './helpers';

const KNOWN_TITLE = 'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion';

async function html(pathname: string): Promise<string> {
  const response = await fetch(`${BASE_URL}${pathname}`);
  expect(response.status, pathname).toBe(200);
  return response.text();
}

/** The in-app hrefs of a page's HTML, entities decoded, static assets left out. */
function internalLinks(page: string): string[] {
  const links = new Set<string>();
  for (const match of page.matchAll(/\shref="(\/[^"]*)"/g)) {
    const href = match[1].replaceAll('&amp;', '&');
    if (!href.startsWith('/_next/')) links.add(href);
  }
  return [...links];
}

describe('links', () => {
  it('every in-app link on every page type answers 200', async () => {
    const search = (await (
      await fetch(`${BASE_URL}/api/search?q=${encodeURIComponent(KNOWN_TITLE)}&size=1`)
    ).json()) as {
      hits: { paper: { id: number; topicId: number | null } }[];
    };
    const paper = search.hits[0].paper;
    const authors = (await (await fetch(`${BASE_URL}/api/authors?q=Rinon%20Gal`)).json()) as {
      authors: { id: number }[];
    };
    const start = [
      '/',
      '/topics',
      `/topics/${paper.topicId ?? 0}`,
      '/search',
      `/search?q=${encodeURIComponent(KNOWN_TITLE)}`,
      '/search?q=learning&page=2',
      `/papers/${paper.id}`,
      `/authors/${authors.authors[0].id}`,
      '/map',
      '/graph',
      '/trends',
      '/quality',
    ];
    const links = new Set<string>();
    const mains: string[] = [];
    for (const pathname of start) {
      const page = await html(pathname);
      // One landmark per page: the layout's <main>; a page's own wrapper is not a second one.
      if ((page.match(/<main[\s>]/g) ?? []).length !== 1) mains.push(pathname);
      for (const link of internalLinks(page)) links.add(link);
    }
    expect(mains).toEqual([]);
    expect(links.size).toBeGreaterThan(100);

    const broken: string[] = [];
    for (const link of links) {
      const response = await fetch(`${BASE_URL}${link}`);
      if (response.status !== 200) broken.push(`${response.status} ${link}`);
      await response.arrayBuffer();
    }
    expect(broken).toEqual([]);
  }, 120_000);
});
