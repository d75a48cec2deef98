import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePipelineArgs } from '../../scripts/pipeline';

describe('pipeline arguments', () => {
  it('defaults to data/raw into data/build with automatic topics', () => {
    const { options, quiet } = parsePipelineArgs([], '/repo');
    expect(options.inputs).toEqual([path.join('/repo', 'data', 'raw')]);
    expect(options.outDir).toBe(path.join('/repo', 'data', 'build'));
    expect(options.model.topics).toBe('auto');
    expect(options.seed).toBe(42);
    expect(quiet).toBe(false);
  });

  it('reads every option', () => {
    const { options } = parsePipelineArgs([
      '--input',
      'a.jsonl',
      '--input',
      'b.csv',
      '--out',
      'out',
      '--topics',
      '12',
      '--dims',
      '50',
      '--min-df',
      '3',
      '--max-df',
      '0.4',
      '--field-map',
      'title=T, abstract=Summary',
      '--year',
      '2019',
      '--max-authors',
      '10',
      '--min-support',
      '5',
      '--seed',
      '7',
      '--k-min',
      '4',
      '--k-max',
      '20',
      '--citation-network',
      '800',
      '--historiograph',
      '50',
    ]);
    expect(options.inputs.map((p) => path.basename(p))).toEqual(['a.jsonl', 'b.csv']);
    expect(options.model).toMatchObject({ topics: 12, dims: 50, minDf: 3, maxDf: 0.4, kRange: [4, 20] });
    expect(options.ingest).toEqual({ fieldMap: { title: 'T', abstract: 'Summary' }, year: 2019 });
    expect(options.graph.maxAuthorsPerPaper).toBe(10);
    expect(options.trends.minSupport).toBe(5);
    expect(options.seed).toBe(7);
    expect(options.citations).toEqual({ networkPapers: 800, historiograph: 50 });
  });

  it('rejects bad values with a message', () => {
    expect(() => parsePipelineArgs(['--topics', 'many'])).toThrow('--topics expects a number, got "many"');
    expect(() => parsePipelineArgs(['--topics', '1'])).toThrow('--topics must be at least 2');
    expect(() => parsePipelineArgs(['--field-map', 'title'])).toThrow('--field-map expects ours=theirs pairs');
    expect(() => parsePipelineArgs(['--bogus'])).toThrow(/bogus/);
    expect(() => parsePipelineArgs(['--historiograph', '500'])).toThrow('--historiograph must be at most 200');
  });
});
