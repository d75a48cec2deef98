import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { createRandom, shuffledIndices } from '../random';
import type { CoauthorLayout, LayoutNode } from './types';

/** Options of `buildLayout`. */
export interface LayoutOptions {
  maxNodes: number;
  minComponentSize: number;
  ticks: number;
  seed: number;
}

interface SimNode extends SimulationNodeDatum {
  author: number;
}

/** Rest length of a link, in layout units. */
const LINK_DISTANCE = 30;
/** d3-force's initial phyllotaxis arrangement. */
const INITIAL_RADIUS = 10;
const INITIAL_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Space kept around each packed component. */
const MARGIN = 20;

/** Offline force layout of the largest components, seeded and run for a fixed number of ticks so a
 * build is byte-identical (d3-force, https://d3js.org/d3-force). Components are taken largest
 * first while they fit in `maxNodes`; if the largest alone exceeds it, its `maxNodes`
 * best-connected authors (degree desc, id asc) are laid out. Each component gets its own
 * simulation, cooled over exactly `ticks` steps; the results are packed in rows, largest first, and rounded to 0.1. */
export function buildLayout(
  offsets: Int32Array,
  neighbors: Int32Array,
  componentOf: Int32Array,
  componentSizes: number[],
  opts: LayoutOptions,
): CoauthorLayout {
  const n = offsets.length - 1;
  const members: number[][] = componentSizes.map(() => []);
  for (let v = 0; v < n; v++) members[componentOf[v]].push(v);

  const chosen: number[][] = [];
  let budget = opts.maxNodes;
  let truncated = false;
  for (let c = 0; c < componentSizes.length && budget > 0; c++) {
    const size = componentSizes[c];
    if (size < opts.minComponentSize) break;
    if (size <= budget) {
      chosen.push(members[c]);
      budget -= size;
    } else if (c === 0) {
      const degree = (v: number) => offsets[v + 1] - offsets[v];
      const core = [...members[c]].sort((a, b) => degree(b) - degree(a) || a - b).slice(0, budget);
      chosen.push(core.sort((a, b) => a - b));
      truncated = true;
      budget = 0;
    }
  }

  const random = createRandom(opts.seed);
  const local = new Int32Array(n).fill(-1);
  const boxes = chosen.map((authors) => {
    authors.forEach((v, i) => (local[v] = i));
    // d3's phyllotaxis start, with authors dealt to its slots in a seeded order: the seed then
    // matters (d3 itself only draws random numbers to separate coincident nodes).
    const slots = shuffledIndices(authors.length, random);
    const nodes: SimNode[] = authors.map((author, i) => {
      const radius = INITIAL_RADIUS * Math.sqrt(0.5 + slots[i]);
      const angle = slots[i] * INITIAL_ANGLE;
      return { author, x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
    });
    const links: { source: number; target: number }[] = [];
    for (const v of authors) {
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = neighbors[e];
        if (w > v && local[w] >= 0) links.push({ source: local[v], target: local[w] });
      }
    }
    forceSimulation(nodes)
      .randomSource(random)
      // Cool from alpha 1 to d3's alphaMin (0.001) in exactly `ticks` steps.
      .alphaDecay(1 - Math.pow(0.001, 1 / Math.max(1, opts.ticks)))
      .force('link', forceLink<SimNode, { source: number; target: number }>(links).distance(LINK_DISTANCE))
      // A coarser Barnes-Hut criterion than d3's 0.9: a third less work, no visible change at
      // overview scale.
      .force('charge', forceManyBody<SimNode>().strength(-30).theta(1.2))
      .force('x', forceX<SimNode>(0).strength(0.05))
      .force('y', forceY<SimNode>(0).strength(0.05))
      .stop()
      .tick(opts.ticks);
    for (const v of authors) local[v] = -1;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const node of nodes) {
      minX = Math.min(minX, node.x!);
      minY = Math.min(minY, node.y!);
      maxX = Math.max(maxX, node.x!);
      maxY = Math.max(maxY, node.y!);
    }
    return { nodes, minX, minY, width: maxX - minX + 2 * MARGIN, height: maxY - minY + 2 * MARGIN };
  });

  // Shelf packing: rows no wider than the widest box or the side of a square of the total area.
  const area = boxes.reduce((sum, box) => sum + box.width * box.height, 0);
  const rowWidth = Math.max(Math.sqrt(area) * 1.2, ...boxes.map((box) => box.width), 0);
  const placed: LayoutNode[] = [];
  let cursorX = 0;
  let cursorY = 0;
  let rowHeight = 0;
  let width = 0;
  for (const box of boxes) {
    if (cursorX > 0 && cursorX + box.width > rowWidth) {
      cursorX = 0;
      cursorY += rowHeight;
      rowHeight = 0;
    }
    const dx = cursorX + MARGIN - box.minX;
    const dy = cursorY + MARGIN - box.minY;
    for (const node of box.nodes) {
      placed.push({ author: node.author, x: round(node.x! + dx), y: round(node.y! + dy) });
    }
    cursorX += box.width;
    width = Math.max(width, cursorX);
    rowHeight = Math.max(rowHeight, box.height);
  }
  placed.sort((a, b) => a.author - b.author);
  return {
    nodes: placed,
    width: round(width),
    height: round(cursorY + rowHeight),
    components: chosen.length,
    truncated,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
