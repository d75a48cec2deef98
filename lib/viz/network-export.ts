/**
 * A drawn network written for the tools people open it in: GEXF 1.3 for Gephi
 * (https://gexf.net/schema.html), VOSviewer's map and network files (tab-separated, as its manual
 * describes them: a map file with `id`, `label`, `x`, `y`, `cluster` and `weight<…>` columns, a
 * network file of `id1 id2 strength` lines), and CSV tables of the nodes and links.
 */
import { formatCsv } from './csv';

/** A network as drawn: positions, sizes, groups and colours of the nodes, weighted links. */
export interface ExportNetwork {
  /** What the nodes are (`author`, `community`): the label of the weight columns. */
  kind: string;
  nodes: {
    id: number;
    label: string;
    x: number;
    y: number;
    /** Drawn size (papers, authors). */
    weight: number;
    /** Group (community, sub-community), 0-based. */
    cluster: number;
    color: string;
  }[];
  links: { source: number; target: number; weight: number }[];
  /** Name of the link weight (`joint papers`). */
  linkWeight: string;
  /** Name of the node weight (`papers`, `authors`). */
  nodeWeight: string;
}

export type NetworkFormat = 'gexf' | 'vosviewer-map' | 'vosviewer-network' | 'nodes-csv' | 'links-csv';

export const NETWORK_FORMATS: readonly NetworkFormat[] = [
  'gexf',
  'vosviewer-map',
  'vosviewer-network',
  'nodes-csv',
  'links-csv',
];

/** File name extension and MIME type of each format. */
export const NETWORK_FORMAT_FILES: Record<NetworkFormat, { suffix: string; type: string }> = {
  gexf: { suffix: '.gexf', type: 'application/gexf+xml; charset=utf-8' },
  'vosviewer-map': { suffix: '-map.txt', type: 'text/tab-separated-values; charset=utf-8' },
  'vosviewer-network': { suffix: '-network.txt', type: 'text/tab-separated-values; charset=utf-8' },
  'nodes-csv': { suffix: '-nodes.csv', type: 'text/csv; charset=utf-8' },
  'links-csv': { suffix: '-links.csv', type: 'text/csv; charset=utf-8' },
};

/** Writes `network` in `format`. */
export function formatNetwork(network: ExportNetwork, format: NetworkFormat): string {
  switch (format) {
    case 'gexf':
      return formatGexf(network);
    case 'vosviewer-map':
      return formatVosviewerMap(network);
    case 'vosviewer-network':
      return formatVosviewerNetwork(network);
    case 'nodes-csv':
      return formatCsv(
        ['id', 'label', 'x', 'y', network.nodeWeight, 'cluster'],
        network.nodes.map((n) => [n.id, n.label, round(n.x), round(n.y), n.weight, n.cluster]),
      );
    case 'links-csv':
      return formatCsv(
        ['source', 'target', network.linkWeight],
        network.links.map((l) => [l.source, l.target, l.weight]),
      );
  }
}

function escapeXml(text: string): string {
  return text
    .replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

function rgb(color: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [138, 143, 152];
}

/** GEXF 1.3 with the viz module: positions (y up, as Gephi draws), sizes and colours. */
export function formatGexf(network: ExportNetwork): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `  <meta><creator>Topicscope</creator><description>${escapeXml(`${network.kind} network`)}</description></meta>`,
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    `      <attribute id="weight" title="${escapeXml(network.nodeWeight)}" type="double"/>`,
    '      <attribute id="cluster" title="cluster" type="integer"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of network.nodes) {
    const [r, g, b] = rgb(n.color);
    lines.push(
      `      <node id="${n.id}" label="${escapeXml(n.label)}">`,
      `        <attvalues><attvalue for="weight" value="${n.weight}"/><attvalue for="cluster" value="${n.cluster}"/></attvalues>`,
      `        <viz:position x="${round(n.x)}" y="${round(-n.y)}" z="0"/>`,
      `        <viz:size value="${round(Math.sqrt(Math.max(1, n.weight)) * 2)}"/>`,
      `        <viz:color r="${r}" g="${g}" b="${b}"/>`,
      '      </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  network.links.forEach((l, i) => {
    lines.push(`      <edge id="${i}" source="${l.source}" target="${l.target}" weight="${l.weight}"/>`);
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

/** Tab-separated cells: tabs and line breaks inside a label become spaces. */
function tsv(cells: readonly (string | number)[]): string {
  return cells.map((c) => String(c).replace(/[\t\r\n]+/g, ' ')).join('\t');
}

/** VOSviewer map file: one row per node; clusters are 1-based there. */
export function formatVosviewerMap(network: ExportNetwork): string {
  const degree = new Map<number, number>();
  const strength = new Map<number, number>();
  for (const l of network.links) {
    for (const id of [l.source, l.target]) {
      degree.set(id, (degree.get(id) ?? 0) + 1);
      strength.set(id, (strength.get(id) ?? 0) + l.weight);
    }
  }
  const rows = [
    tsv([
      'id',
      'label',
      'x',
      'y',
      'cluster',
      'weight<Links>',
      'weight<Total link strength>',
      `weight<${network.nodeWeight}>`,
    ]),
  ];
  for (const n of network.nodes) {
    rows.push(
      tsv([
        n.id,
        n.label,
        round(n.x),
        round(-n.y),
        n.cluster + 1,
        degree.get(n.id) ?? 0,
        round(strength.get(n.id) ?? 0),
        n.weight,
      ]),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** VOSviewer network file: `id1 id2 strength`, no header. */
export function formatVosviewerNetwork(network: ExportNetwork): string {
  return network.links.map((l) => tsv([l.source, l.target, round(l.weight)])).join('\r\n') + '\r\n';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
