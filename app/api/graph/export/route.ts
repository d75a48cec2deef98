/**
 * GET /api/graph/export?format=gexf&view=community&community=3&from=2015: the network a view
 * draws, as a file for Gephi (GEXF), VOSviewer (map and network files) or a spreadsheet (CSV of
 * nodes or links). The same parameters as the page; the map of communities exports communities.
 */
import { z } from 'zod';
import { COOCCURRENCE_KINDS, readCommunityMap, readCooccurrenceMap, readGraphLayout } from '@/lib/store/read';
import {
  formatNetwork,
  NETWORK_FORMAT_FILES,
  NETWORK_FORMATS,
  type ExportNetwork,
  type NetworkFormat,
} from '@/lib/viz/network-export';
import { groupColor, NEUTRAL_COLOR, topicColor } from '@/lib/viz/palette';
import { answer, parseQuery } from '../../_shared/respond';

const year = z.coerce.number().int().min(1000).max(3000).optional();
const schema = z.object({
  format: z.enum(NETWORK_FORMATS as [NetworkFormat, ...NetworkFormat[]]),
  view: z.enum(['communities', 'community', 'network', ...COOCCURRENCE_KINDS]).default('communities'),
  community: z.coerce.number().int().min(0).max(1e9).optional(),
  from: year,
  to: year,
  topic: z.coerce.number().int().min(0).max(1e9).optional(),
  joint: z.coerce.number().int().min(1).max(1000).default(1),
  size: z.enum(['authors', 'papers']).default('authors'),
  color: z.enum(['group', 'topic']).default('group'),
});

export function GET(request: Request): Response {
  const query = parseQuery(request, schema);
  if (!query.ok) return query.response;
  const q = query.data;
  if (q.view === 'community' && q.community === undefined) {
    return Response.json({ error: 'Bad request: community: required for the community view' }, { status: 400 });
  }
  return answer(() => {
    let network: ExportNetwork;
    let name: string;
    if (q.view !== 'communities' && q.view !== 'community' && q.view !== 'network') {
      const map = readCooccurrenceMap(q.view);
      if (!map) return Response.json({ error: `This build has no ${q.view} map` }, { status: 404 });
      network = {
        kind: q.view,
        nodeWeight: 'papers',
        linkWeight: 'papers together',
        nodes: map.items.map((item) => ({
          id: item.id,
          label: item.label,
          x: item.x,
          y: item.y,
          weight: item.papers,
          cluster: item.cluster,
          color: groupColor(item.cluster),
        })),
        links: map.links.map((l) => ({ source: l.source, target: l.target, weight: l.papers })),
      };
      name = `topicscope-${q.view}`;
    } else if (q.view === 'communities') {
      const map = readCommunityMap();
      network = {
        kind: 'community',
        nodeWeight: q.size,
        linkWeight: 'joint papers',
        nodes: map.communities.map((c) => ({
          id: c.id,
          label: c.topAuthors.map((a) => a.name).join(', ') + (c.topicLabel ? ` — ${c.topicLabel}` : ''),
          x: c.x,
          y: c.y,
          weight: q.size === 'papers' ? c.papers : c.size,
          cluster: c.id,
          color: q.color === 'topic' && c.topic !== null ? topicColor(c.topic) : groupColor(c.id),
        })),
        links: map.links.map((l) => ({ source: l.source, target: l.target, weight: l.papers })),
      };
      name = 'topicscope-communities';
    } else {
      const layout = readGraphLayout({
        community: q.view === 'community' ? (q.community ?? null) : null,
        from: q.from ?? null,
        to: q.to ?? null,
        topic: q.topic ?? null,
        minJoint: q.joint,
      });
      const { nodes } = layout;
      const local = layout.view === 'community';
      network = {
        kind: 'author',
        nodeWeight: 'papers',
        linkWeight: 'joint papers',
        nodes: nodes.id.map((id, i) => ({
          id,
          label: nodes.name[i],
          // Local positions are in the unit disc: scaled so they read like the network's units.
          x: local ? nodes.x[i] * 500 : nodes.x[i],
          y: local ? nodes.y[i] * 500 : nodes.y[i],
          weight: nodes.papers[i],
          cluster: local ? nodes.sub[i] : nodes.community[i],
          color:
            q.color === 'topic'
              ? nodes.topic[i] >= 0
                ? topicColor(nodes.topic[i])
                : NEUTRAL_COLOR
              : groupColor(local ? nodes.sub[i] : nodes.community[i]),
        })),
        links: layout.edges.source.map((s, e) => ({
          source: nodes.id[s],
          target: nodes.id[layout.edges.target[e]],
          weight: layout.edges.papers[e],
        })),
      };
      name = local ? `topicscope-community-${q.community}` : 'topicscope-network';
    }
    const file = NETWORK_FORMAT_FILES[q.format];
    return new Response(formatNetwork(network, q.format), {
      headers: {
        'Content-Type': file.type,
        'Content-Disposition': `attachment; filename="${name}${file.suffix}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
