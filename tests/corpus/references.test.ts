/**
 * Resolving references to corpus papers, worked by hand: by DOI, by identifier, by author-year-
 * volume-page, by title, with the later lookups after a miss, a self-citation and an ambiguous key;
 * the key ids the later stages share; and the keys of real exports as resolution reads them.
 */
import { describe, expect, it } from 'vitest';
import { referenceKey } from '@/lib/corpus/bib-fields';
import { readCorpus } from '@/lib/corpus/index';
import { buildReferenceKeys, buildReferenceTargets } from '@/lib/corpus/references';
import type { Paper, PaperIdentifier, PaperReference } from '@/lib/corpus/types';
import { makePaper } from '../fixtures/graph/papers';
import { SAMPLES_DIR } from './formats/samples';

/** A reference keyed as ingestion keys it (referenceKey). */
const ref = (
  raw: string,
  parts: { doi?: string; ids?: PaperIdentifier[]; partsKey?: string; titleKey?: string },
): PaperReference => {
  const doi = parts.doi ?? null;
  const ids = parts.ids ?? [];
  const partsKey = parts.partsKey ?? null;
  return {
    raw,
    key: referenceKey(doi, ids, partsKey),
    doi,
    ids,
    partsKey,
    titleKey: parts.titleKey ?? null,
  };
};

/** Papers 0..4: a DOI, an OpenAlex id, a WoS-style author/volume/page, a title, and paper 4
 * sharing paper 0's DOI (so that DOI is ambiguous). */
function corpus(): Paper[] {
  const papers = [0, 1, 2, 3, 4].map((i) => makePaper(i + 1, [[i === 2 ? 'Ann Okafor' : `Bo Lee${i}`, `a${i}`]], 2018));
  papers[0].doi = '10.1/zero';
  papers[1].ids = [{ scheme: 'openalex', value: 'W111' }];
  papers[2].volume = '210';
  papers[2].firstPage = '1';
  papers[3].title = 'Sediment transport in braided rivers';
  papers[4].doi = '10.1/four';
  papers[4].ids = [{ scheme: 'openalex', value: 'W444' }];
  return papers;
}

describe('buildReferenceTargets', () => {
  it('resolves by DOI, identifier, parts and title, after a miss too, and counts what resolved', () => {
    const papers = corpus();
    papers[0].references = [
      ref('by id', { ids: [{ scheme: 'openalex', value: 'W111' }] }),
      ref('by parts', { partsKey: 'okafor|2018|v210|p1' }),
      ref('by title', { titleKey: 'sedimenttransportinbraidedrivers' }),
      // The DOI is not in the corpus (the key's lookup misses): the W-id after it resolves.
      ref('DOI missing, id found', { doi: '10.9/elsewhere', ids: [{ scheme: 'openalex', value: 'w444' }] }),
      // The first id misses, the second resolves.
      ref('second id', {
        ids: [
          { scheme: 'openalex', value: 'W999' },
          { scheme: 'openalex', value: 'W111' },
        ],
      }),
      ref('itself', { doi: '10.1/zero' }),
      ref('outside', { doi: '10.9/nowhere' }),
      ref('garbage', {}),
    ];
    papers[1].references = [
      ref('by DOI', { doi: '10.1/zero' }),
      // An identifier with an empty value gives no key: the parts key is the key, after the id's lookup.
      ref('empty id', { ids: [{ scheme: 'openalex', value: '' }], partsKey: 'okafor|2018|v210|p1' }),
      ref('DOI found', { doi: '10.1/four' }),
      ref('id in capitals', { ids: [{ scheme: 'openalex', value: 'W444' }] }),
      ref('non-ASCII id', { ids: [{ scheme: 'wos', value: 'Ä1' }] }),
    ];
    const { targets, references, resolved, keys } = buildReferenceTargets(papers);
    expect(targets.map((t) => Array.from(t))).toEqual([[1, 2, 3, 4, 1, -1, -1, -1], [0, 2, 4, 4, -1], [], [], []]);
    expect([references, resolved]).toEqual([13, 9]);
    expect(keys.ids.length).toBe(13);
  });

  it('leaves a key two corpus papers share unresolved', () => {
    const papers = corpus();
    papers[4].doi = '10.1/zero';
    papers[1].references = [ref('ambiguous', { doi: '10.1/zero' }), ref('ambiguous again', { doi: '10.1/zero' })];
    const { targets, resolved } = buildReferenceTargets(papers);
    expect(Array.from(targets[1])).toEqual([-1, -1]);
    expect(resolved).toBe(0);
  });

  it('gives every paper one shared empty list when no paper has references', () => {
    const { targets, keys, references } = buildReferenceTargets(corpus());
    expect(targets.every((t) => t === targets[0] && t.length === 0)).toBe(true);
    expect([references, keys.keys, Array.from(keys.start)]).toEqual([0, [], [0, 0, 0, 0, 0, 0]]);
  });
});

describe('buildReferenceKeys', () => {
  it('numbers the distinct keys in the order first met, -1 for a reference without one', () => {
    const keys = buildReferenceKeys([
      { references: [{ key: 'doi:10.1/a' }, { key: null }, { key: 'smith|2001|v5|p10' }] },
      { references: [] },
      { references: [{ key: 'smith|2001|v5|p10' }, { key: 'doi:10.1/a' }, { key: 'openalex:w1' }] },
    ]);
    expect(keys.keys).toEqual(['doi:10.1/a', 'smith|2001|v5|p10', 'openalex:w1']);
    expect(Array.from(keys.start)).toEqual([0, 3, 3, 6]);
    expect(Array.from(keys.ids)).toEqual([0, -1, 1, 1, 0, 2]);
  });
});

describe.runIf(SAMPLES_DIR !== null)('the references of the real export samples', () => {
  it('are keyed from their DOI, identifiers and parts key, as resolution reads them', async () => {
    const corpus = await readCorpus([SAMPLES_DIR!]);
    const references = corpus.papers.flatMap((p) => p.references);
    expect(references.length).toBeGreaterThan(10_000);
    const misfits = references.filter((r) => r.key !== referenceKey(r.doi, r.ids, r.partsKey));
    expect(misfits).toEqual([]);
  });
});
