/**
 * Network files read back with a parser: GEXF through saxes (an XML parser that checks
 * well-formedness), VOSviewer files by their tab-separated columns.
 */
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { formatNetwork, type ExportNetwork } from '@/lib/viz/network-export';

const network: ExportNetwork = {
  kind: 'author',
  nodeWeight: 'papers',
  linkWeight: 'joint papers',
  nodes: [
    { id: 7, label: 'Ann "A" <Lee> & co', x: 10, y: 20, weight: 4, cluster: 0, color: '#0072B2' },
    { id: 9, label: 'Bo\tChen', x: -5.5, y: 0, weight: 1, cluster: 1, color: '#E69F00' },
    { id: 12, label: '=Cy', x: 0, y: 3, weight: 2, cluster: 1, color: 'not a colour' },
  ],
  links: [
    { source: 7, target: 9, weight: 3 },
    { source: 9, target: 12, weight: 1 },
  ],
};

function parseGexf(text: string) {
  const nodes: Record<string, string>[] = [];
  const edges: Record<string, string>[] = [];
  const positions: Record<string, string>[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    const attrs = Object.fromEntries(
      Object.entries(tag.attributes).map(([k, v]) => [k, typeof v === 'string' ? v : v.value]),
    );
    if (tag.local === 'node') nodes.push(attrs);
    if (tag.local === 'edge') edges.push(attrs);
    if (tag.local === 'position' && tag.uri === 'http://gexf.net/1.3/viz') positions.push(attrs);
  });
  parser.write(text).close();
  return { nodes, edges, positions };
}

describe('network export', () => {
  it('writes GEXF 1.3 that an XML parser reads back, with labels, positions and weights', () => {
    const text = formatNetwork(network, 'gexf');
    const { nodes, edges, positions } = parseGexf(text);
    expect(nodes.map((n) => [n.id, n.label])).toEqual([
      ['7', 'Ann "A" <Lee> & co'],
      ['9', 'Bo Chen'],
      ['12', '=Cy'],
    ]);
    expect(edges).toEqual([
      { id: '0', source: '7', target: '9', weight: '3' },
      { id: '1', source: '9', target: '12', weight: '1' },
    ]);
    expect(positions[0]).toMatchObject({ x: '10', y: '-20' });
  });

  it('writes VOSviewer map and network files by their columns', () => {
    const map = formatNetwork(network, 'vosviewer-map')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split('\t'));
    expect(map[0]).toEqual([
      'id',
      'label',
      'x',
      'y',
      'cluster',
      'weight<Links>',
      'weight<Total link strength>',
      'weight<papers>',
    ]);
    expect(map.slice(1)).toEqual([
      ['7', 'Ann "A" <Lee> & co', '10', '-20', '1', '1', '3', '4'],
      ['9', 'Bo Chen', '-5.5', '0', '2', '2', '4', '1'],
      ['12', '=Cy', '0', '-3', '2', '1', '1', '2'],
    ]);
    const links = formatNetwork(network, 'vosviewer-network')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split('\t'));
    expect(links).toEqual([
      ['7', '9', '3'],
      ['9', '12', '1'],
    ]);
  });

  it('writes CSV tables of nodes and links, guarding formula-like cells', () => {
    expect(formatNetwork(network, 'nodes-csv').split('\r\n')[0]).toBe('id,label,x,y,papers,cluster');
    expect(formatNetwork(network, 'nodes-csv')).toContain("'=Cy");
    expect(formatNetwork(network, 'links-csv')).toBe('source,target,joint papers\r\n7,9,3\r\n9,12,1\r\n');
  });
});
