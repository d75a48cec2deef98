import { describe, expect, it } from 'vitest';
import { formatSearchQuery, parseSearchQuery } from '@/lib/viz/search-state';

describe('search query', () => {
  it('validates and normalizes the URL', () => {
    const ok = parseSearchQuery({ q: ' graph ', from: '2024', to: '2019', page: '2', topic: '' });
    expect(ok).toEqual({
      ok: true,
      query: { q: 'graph', from: 2019, to: 2024, page: 2, topic: undefined, source: undefined, author: undefined },
    });
    const bad = parseSearchQuery(new URLSearchParams('from=abc&page=0'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toBe('from must be a whole number; page must be between 1 and 100000');
    expect(formatSearchQuery({ q: 'a b', page: 1, topic: 3 })).toBe('q=a+b&topic=3');
  });

  it('takes a sub-topic only with its topic', () => {
    const ok = parseSearchQuery({ topic: '4', sub: '2' });
    expect(ok.ok && [ok.query.topic, ok.query.sub]).toEqual([4, 2]);
    expect(formatSearchQuery({ topic: 4, sub: 2 })).toBe('topic=4&sub=2');
    expect(parseSearchQuery({ sub: '2' })).toEqual({ ok: false, error: 'sub needs a topic' });
    expect(parseSearchQuery({ topic: '4', sub: 'x' })).toEqual({ ok: false, error: 'sub must be a whole number' });
  });

  it('writes commas readably and reads them back', () => {
    const query = formatSearchQuery({ q: 'graph, neural', source: 'a.json' });
    expect(query).toBe('q=graph,+neural&source=a.json');
    const back = parseSearchQuery(new URLSearchParams(query));
    expect(back.ok && back.query.q).toBe('graph, neural');
  });
});
