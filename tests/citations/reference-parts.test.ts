/** Reading cited references back into their parts, on the forms the samples in ../shared/formats write. */
import { describe, expect, it } from 'vitest';
import { formatReferenceCitation, parseReferenceParts, pickReferenceTitle } from '@/lib/citations/reference-parts';

describe('reference parts', () => {
  it('reads an OpenAlex W-id, as a URL or bare', () => {
    const parts = parseReferenceParts('https://openalex.org/W1968924601', 'openalex:w1968924601');
    expect(parts).toMatchObject({ openalex: 'W1968924601', title: null, author: null, year: null });
    expect(formatReferenceCitation(parts)).toBe('OpenAlex W1968924601');
    expect(parseReferenceParts('w42').openalex).toBe('W42');
  });

  it('reads a WoS CR line: author, year, source, volume, page, no title', () => {
    const parts = parseReferenceParts('KAMADA T, 1989, INFORM PROCESS LETT, V31, P7, DOI 10.1016/0020-0190(89)90102-6');
    expect(parts).toMatchObject({
      title: null,
      author: 'KAMADA T',
      year: 1989,
      source: 'INFORM PROCESS LETT',
      volume: '31',
      page: '7',
    });
    expect(formatReferenceCitation(parts)).toBe('KAMADA T (1989) INFORM PROCESS LETT 31, p. 7');
    expect(formatReferenceCitation(parseReferenceParts('Scott J., 2000, SOCIAL NETWORK ANAL'))).toBe(
      'Scott J. (2000) SOCIAL NETWORK ANAL',
    );
  });

  it('reads the title of a Scopus reference, old and current layouts', () => {
    const old = parseReferenceParts(
      'Bach, P.B., Schrag, D., Survival of blacks and whites after a cancer diagnosis (2002) JAMA, 287, pp. 2106-2113',
    );
    expect(old).toMatchObject({
      title: 'Survival of blacks and whites after a cancer diagnosis',
      author: 'Bach, P.B.',
      year: 2002,
      source: 'JAMA',
    });
    const current = parseReferenceParts(
      'Smith J.; Doe A., Graphs of citations, Journal of Things, 12, pp. 45-67, (2019)',
    );
    expect(current).toMatchObject({ title: 'Graphs of citations', author: 'Smith J.', year: 2019 });
  });

  it('falls back on the key for author and year, and on PubMed for a PMID', () => {
    const parts = parseReferenceParts('something unreadable', 'scott|2000|socialnetworkanal');
    expect(parts).toMatchObject({ author: 'Scott', year: 2000, title: null });
    expect(formatReferenceCitation(parts)).toBe('Scott (2000)');
    expect(formatReferenceCitation(parseReferenceParts('J Mol Biol. 1990 Oct 5;215(3):403-10', 'pmid:2231712'))).toBe(
      'PubMed 2231712',
    );
    expect(formatReferenceCitation(parseReferenceParts('Garbage'))).toBeNull();
  });

  it('picks the first title any form writes', () => {
    expect(
      pickReferenceTitle(
        [
          'KAMADA T, 1989, INFORM PROCESS LETT, V31, P7',
          'Kamada, T., An algorithm for drawing general undirected graphs (1989) Inf Process Lett, 31, pp. 7-15',
        ],
        'kamada|1989|v31|p7',
      ),
    ).toBe('An algorithm for drawing general undirected graphs');
    expect(pickReferenceTitle(['https://openalex.org/W1'], 'openalex:w1')).toBeNull();
  });
});
