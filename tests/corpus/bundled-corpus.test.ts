/**
 * The whole bundled corpus end to end. The numbers were checked by hand once, independently of
 * this code: `grep -c '^arXiv.org' 000_*` = 10; `grep -c '^tl;dr:' 001_*` = 393 of 434 records
 * (1261 lines = 434 author lines + 393 tl;dr + 434 abstracts); `grep -c 'authors$' 002_*` = 69;
 * 003 has 430 lines = 2 chrome + 214 title/abstract pairs; `grep -c '^#[0-9]' 004_*` = 25; and a
 * separate Python script comparing lower-cased alphanumeric titles and abstracts found exactly the
 * six cross-file duplicates pinned below (none of them involving the title-less ICLR 2021 file).
 */
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../lib/corpus/index';
import type { Corpus } from '../../lib/corpus/types';

const F000 = '000_6d73c46706f66cac.txt';
const F001 = '001_c35f2eccc1a5dad6.txt';
const F002 = '002_ed6fb4a3d9bf0ed0.txt';
const F003 = '003_53a3aabb3d732cd0.txt';
const F004 = '004_f3a7bdec2ab24c72.txt';

describe('readCorpus(["data/raw"])', async () => {
  const corpus: Corpus = await readCorpus(['data/raw']);

  it('reads each file in its own layout with the pinned counts', () => {
    expect(
      corpus.files.map((f) => [f.file, f.layout, f.recordsRead, f.papersKept, f.duplicatesMerged, f.rejected]),
    ).toEqual([
      [F000, 'arxiv-author-page', 10, 10, 0, 0],
      [F001, 'authors-tldr-abstract', 434, 434, 0, 0],
      [F002, 'hf-daily-papers', 69, 69, 0, 0],
      [F003, 'hf-papers-listing', 214, 209, 5, 0],
      [F004, 'numbered-listing', 25, 24, 1, 0],
    ]);
    expect(corpus.rejects).toEqual([]);
    expect(corpus.papers).toHaveLength(746);
    expect(corpus.papers.map((p) => p.id)).toEqual(Array.from({ length: 746 }, (_, i) => i + 1));
  });

  it('merges exactly the six papers listed twice, keeping every source', () => {
    const merged = corpus.papers.filter((p) => p.sources.length > 1);
    expect(merged.map((p) => [p.id, p.title, p.sources.map((s) => `${s.file}:${s.record}`)])).toEqual([
      [446, 'Compressing Features for Learning with Noisy Labels', [`${F002}:21`, `${F003}:105`]],
      [449, 'Sparsity-Constrained Optimal Transport', [`${F002}:45`, `${F004}:113`]],
      [459, "What's in a Prior? Learned Proximal Networks for Inverse Problems", [`${F002}:125`, `${F003}:331`]],
      [465, 'T-JEPA: Augmentation-Free Self-Supervised Learning for Tabular Data', [`${F002}:173`, `${F003}:377`]],
      [495, 'Transductive Few-Shot Learning: Clustering is All You Need?', [`${F002}:413`, `${F003}:173`]],
      [507, 'Cauchy-Schwarz Divergence Information Bottleneck for Regression', [`${F002}:509`, `${F003}:187`]],
    ]);
    // Authors from the ICLR 2023 listing, date and count from the daily-papers page, venue from the manifest.
    const sparse = merged[1];
    expect(sparse.authors.map((a) => a.name)).toEqual(['Tianlin Liu', 'Joan Puigcerver', 'Mathieu Blondel']);
    expect([sparse.authorCount, sparse.date, sparse.year, sparse.venue]).toEqual([3, '2022-09-30', 2022, 'ICLR 2023']);
  });

  it('credits every paper of the author page to Simon Lacoste-Julien', () => {
    const page = corpus.papers.filter((p) => p.sources[0].file === F000);
    expect(page).toHaveLength(10);
    expect(page.every((p) => p.authors.length === 1 && p.authors[0].name === 'Simon Lacoste-Julien')).toBe(true);
    expect(page.filter((p) => p.label === 'Machine Learning')).toHaveLength(2);
  });

  it('derives titles for ICLR 2021 and fixes the shouting and lower-case names', () => {
    const iclr = corpus.papers.filter((p) => p.sources[0].file === F001);
    expect(iclr.every((p) => p.titleDerived && p.year === 2021 && p.venue === 'ICLR 2021')).toBe(true);
    expect(iclr.filter((p) => p.tldr !== null)).toHaveLength(393);
    const yin = iclr.find((p) => p.authors[0]?.name === 'Yuan Yin');
    expect(yin?.authors.map((a) => a.name)).toEqual([
      'Yuan Yin',
      'Vincent Le Guen',
      'Jérémie Dona',
      'Emmanuel de Bezenac',
      'Ibrahim Ayed',
      'Nicolas Thome',
      'Patrick Gallinari',
    ]);
    expect(yin?.title).toBe(
      'We propose a new principled framework for combining physical models with deep data-driven networks, for which we provide…',
    );
    const yang = corpus.papers.find((p) => p.title.startsWith('Divide to Adapt'));
    expect(yang?.authors[0]).toEqual({ name: 'Jianfei Yang', key: 'jianfei yang' });
  });

  it('dates daily papers, putting dates without a year in 2025', () => {
    const daily = corpus.papers.filter((p) => p.sources[0].file === F002);
    expect(daily.every((p) => p.date !== null && p.authorCount !== null)).toBe(true);
    expect(daily.filter((p) => p.year === 2025)).toHaveLength(14);
    expect(daily.find((p) => p.title === 'Symbolic Discovery of Optimization Algorithms')?.date).toBe('2023-02-13');
    expect(daily[0]).toMatchObject({
      title: 'Level-S$^2$fM: Structure from Motion on Neural Level Set of Implicit Surfaces',
      date: '2022-11-22',
      authorCount: 4,
    });
    expect(corpus.papers.find((p) => p.sources[0].file === F003)?.title).toBe(
      'LegendreTron: Uprising Proper Multiclass Loss Learning',
    );
  });

  it('is deterministic', async () => {
    const again = await readCorpus(['data/raw']);
    expect(JSON.stringify(again)).toBe(JSON.stringify(corpus));
  });
});
