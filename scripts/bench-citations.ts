/**
 * Bench part 'citations': the citation stage on 50,000 synthetic OpenAlex works in 40 planted
 * fields (scripts/synth-citations.ts): building the layer, the direct-citation and coupling graphs,
 * Louvain and the region layout, the cluster labels and the historiograph, each timed, with how
 * well the clusters find the planted fields (NMI over the clustered papers) from direct citations
 * and from coupling.
 */
import path from 'node:path';
import { buildHistoriograph } from '../lib/citations/historiograph';
import { buildCitationLayer } from '../lib/citations/index';
import {
  buildCitationNetwork,
  buildCouplingGraph,
  buildDirectCitationGraph,
  DEFAULT_CITATION_NETWORK_OPTIONS,
  labelClusters,
  type CitationNetwork,
} from '../lib/citations/network';
import { readCorpus } from '../lib/corpus/index';
import { normalizedMutualInfo } from '../lib/model/quality';
import { tokenizeCorpus } from '../lib/text/tokenize-corpus';
import type { BenchRow, PartResult } from './bench-parts';
import { writeSyntheticCitations } from './synth-citations';

const PAPERS = 50_000;
const FIELDS = 40;

function seconds(from: number): number {
  return (performance.now() - from) / 1000;
}

/** NMI of the clusters against the planted fields, over the papers in a cluster. */
function plantedNmi(network: CitationNetwork, fieldOf: Int32Array): number {
  const clusters: number[] = [];
  const fields: number[] = [];
  network.clusterOf.forEach((c, p) => {
    if (c < 0) return;
    clusters.push(c);
    fields.push(fieldOf[p]);
  });
  return normalizedMutualInfo(clusters, fields);
}

export async function benchCitations(work: string): Promise<PartResult> {
  const file = path.join(work, 'synthetic-citations.jsonl');
  let t = performance.now();
  const fieldOf = writeSyntheticCitations(PAPERS, file, FIELDS);
  const writeSeconds = seconds(t);
  const corpus = await readCorpus([file]);
  // Words for the labels, tokenized as the topic model would (its vocabulary, its phrases).
  const tokens = tokenizeCorpus(corpus.papers.map((p) => ({ title: p.title, text: p.abstract })));
  const rows: BenchRow[] = [];
  const row = (stage: string, s: number | null, figures: string) =>
    rows.push({ part: 'citations 50k', stage, seconds: s, peakRssMb: null, figures });

  t = performance.now();
  const layer = buildCitationLayer(corpus);
  row('layer', seconds(t), `${layer.citing.length} citations, ${layer.foundations.length} foundations`);
  t = performance.now();
  const direct = buildDirectCitationGraph(corpus.papers.length, layer);
  row('citation graph', seconds(t), `${direct.neighbors.length / 2} undirected links`);
  const noWords = () => null;
  const opts = DEFAULT_CITATION_NETWORK_OPTIONS;
  t = performance.now();
  const network = buildCitationNetwork(direct, layer.localCitedBy, noWords, tokens.vocab, opts);
  row(
    'louvain + layout',
    seconds(t),
    `${network.clusters.length} clusters, modularity ${network.modularity.toFixed(3)}, ${network.places.length} drawn; NMI vs ${FIELDS} planted fields ${plantedNmi(network, fieldOf).toFixed(3)}`,
  );
  t = performance.now();
  const names = labelClusters(network.clusterOf, network.clusters.length, (p) => tokens.docs[p], tokens.vocab);
  row('cluster labels', seconds(t), `e.g. "${names[0]?.label ?? ''}"`);
  t = performance.now();
  const history = buildHistoriograph(
    layer,
    corpus.papers.map((p) => p.year),
  );
  row('historiograph', seconds(t), `${history.nodes.length} papers, ${history.links.length} links`);
  t = performance.now();
  const coupling = buildCouplingGraph(corpus.referenceKeys, opts.couplingLinksPerPaper);
  row('coupling graph', seconds(t), `${coupling.neighbors.length / 2} links (used when citations are sparse)`);
  const byCoupling = buildCitationNetwork(coupling, layer.localCitedBy, noWords, tokens.vocab, opts);
  row(
    'coupling clusters',
    null,
    `${byCoupling.clusters.length} clusters, modularity ${byCoupling.modularity.toFixed(3)}; NMI vs planted fields ${plantedNmi(byCoupling, fieldOf).toFixed(3)}`,
  );
  rows.push({
    part: 'citations 50k',
    stage: 'peak',
    seconds: null,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    figures: `corpus written in ${writeSeconds.toFixed(1)} s (npx tsx scripts/synth-citations.ts ${PAPERS} FILE)`,
  });
  return { rows, notes: [] };
}
