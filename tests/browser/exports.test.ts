/**
 * Pages of a build from database exports (tests/fixtures/corpus/cross-service: WoS, Scopus and
 * OpenAlex records of the same papers), served by scripts/test-browser.ts at TOPICSCOPE_EXPORTS_URL:
 * the paper page shows affiliations under the authors, DOI, times cited, keywords, references
 * resolved to corpus papers and which record gave each field; the author page shows affiliations
 * and identifiers.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, visit } from './helpers';

const EXPORTS_URL = process.env.TOPICSCOPE_EXPORTS_URL ?? 'http://localhost:3001';
let browser: Browser;

async function findPaper(title: string): Promise<number> {
  const response = await fetch(`${EXPORTS_URL}/api/search?q=${encodeURIComponent(title)}&size=1`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { hits: { paper: { id: number; title: string } }[] };
  expect(body.hits[0].paper.title).toBe(title);
  return body.hits[0].paper.id;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('a build from WoS, Scopus and OpenAlex exports', () => {
  it('the paper page shows affiliations, DOI, citations, keywords, resolved references and provenance', async () => {
    const id = await findPaper('Mapping collaboration networks in coastal ecology with bibliometric methods');
    const cited = await findPaper('Sediment transport under storm surges: a field study');
    const { page, errors, close } = await newPage(browser);
    expect(await visit(page, `${EXPORTS_URL}/papers/${id}`)).toBe(200);
    const affiliations = page.getByRole('list', { name: 'Affiliations' });
    await expect(affiliations.locator('li').allInnerTexts()).resolves.toEqual([
      '1 University of Bordeaux (France)',
      '2 University of Lagos (Nigeria)',
    ]);
    await expect(
      page.getByRole('link', { name: 'doi:10.2112/jcoastres-d-19-00001.1' }).getAttribute('href'),
    ).resolves.toBe('https://doi.org/10.2112/jcoastres-d-19-00001.1');
    await expect(page.getByText('cited 15 times (Scopus)').count()).resolves.toBe(1);
    const authorKeywords = page.getByRole('list', { name: 'Author keywords' });
    await expect(authorKeywords.locator('a').allInnerTexts()).resolves.toEqual([
      'co-authorship',
      'bibliometrics',
      'coastal ecology',
    ]);
    await expect(authorKeywords.getByRole('link', { name: 'bibliometrics' }).getAttribute('href')).resolves.toBe(
      '/search?q=%22bibliometrics%22',
    );
    const references = page.locator('.reference-list');
    await expect(
      references
        .getByRole('link', { name: 'Sediment transport under storm surges: a field study' })
        .first()
        .getAttribute('href'),
    ).resolves.toBe(`/papers/${cited}`);
    await expect(page.getByText('3 references; 2 of them in this corpus.').count()).resolves.toBe(1);
    // Outside the corpus: the title its Scopus reference writes, then author, year and source.
    await expect(references.locator('li').allInnerTexts()).resolves.toContain(
      'The structure of scientific collaboration networks · Newman M.E.J. (2001) Proceedings of the National Academy of Sciences 98, p. 404',
    );
    // The OpenAlex W-id resolved to a corpus paper is shown by its title, not as a bare URL.
    expect(await references.innerText()).not.toContain('https://openalex.org/');
    await expect(page.getByText('Which record gave each field').count()).resolves.toBe(1);
    await expect(page.locator('.id-list dt').allInnerTexts()).resolves.toEqual([
      'OpenAlex',
      'Scopus EID',
      'Web of Science',
    ]);
    await screenshot(page, 'exports-paper');
    expect(errors).toEqual([]);
    await close();
  });

  it('the cited paper lists the paper citing it', async () => {
    const cited = await findPaper('Sediment transport under storm surges: a field study');
    const { page, errors, close } = await newPage(browser);
    expect(await visit(page, `${EXPORTS_URL}/papers/${cited}`)).toBe(200);
    const citedBy = page.locator('[data-testid=corpus-cited-by]');
    expect(await citedBy.locator('h3').textContent()).toBe('Cited by 1 paper');
    expect(await citedBy.locator('li').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('the overview lists the foundations: the most cited paper of the corpus', async () => {
    const { page, errors, close } = await newPage(browser);
    expect(await visit(page, `${EXPORTS_URL}/`)).toBe(200);
    const cited = page.locator('[data-testid=most-cited-papers] li');
    expect(await cited.count()).toBeGreaterThan(0);
    expect(await cited.first().textContent()).toContain('Sediment transport under storm surges');
    await page.locator('[data-testid=foundations]').scrollIntoViewIfNeeded();
    await screenshot(page, 'exports-foundations');
    const csv = await fetch(`${EXPORTS_URL}/api/citations/foundations?format=csv`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toBe('rank,reference,title,doi,key,citing papers');
    expect(errors).toEqual([]);
    await close();
  });

  it('the author page lists the affiliations the author gave and their identifiers', async () => {
    const response = await fetch(`${EXPORTS_URL}/api/authors?q=Claire`);
    const { authors } = (await response.json()) as { authors: { id: number; name: string }[] };
    expect(authors.map((a) => a.name)).toEqual(['Claire Moreau']);
    const { page, errors, close } = await newPage(browser);
    expect(await visit(page, `${EXPORTS_URL}/authors/${authors[0].id}`)).toBe(200);
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Affiliations' }) });
    await expect(card.locator('.row-list li .grow').first().innerText()).resolves.toBe(
      'University of Bordeaux (France)',
    );
    await expect(card.getByRole('link', { name: '0000-0002-0000-0001' }).getAttribute('href')).resolves.toBe(
      'https://orcid.org/0000-0002-0000-0001',
    );
    await screenshot(page, 'exports-author');
    expect(errors).toEqual([]);
    await close();
  });
});
