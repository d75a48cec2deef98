/** The three-topic fixture (football, cooking, astronomy) as corpus papers, and the small model's options. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildBareBibliography, type Paper } from '../../lib/corpus/types';

export const threeTopicRecords = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../fixtures/model/three-topics.json'), 'utf8'),
) as { title: string; abstract: string; label: string }[];

export const threeTopicPapers: Paper[] = threeTopicRecords.map((r, i) => ({
  id: i + 1,
  title: r.title,
  titleDerived: false,
  abstract: r.abstract,
  abstractPlain: r.abstract,
  abstractLength: r.abstract.length,
  tldr: null,
  year: 2024,
  date: null,
  venue: null,
  label: r.label,
  externalId: null,
  authors: [],
  authorCount: null,
  sources: [],
  ...buildBareBibliography(),
}));

export const threeTopicOptions = { topics: 3, dims: 8, minDf: 2, maxDf: 0.9, seed: 7, neighbours: 5 } as const;
