/**
 * The co-author graph's drawing engine: the pipeline's precomputed layout on a <canvas>, edges
 * then nodes in batches per colour, D3 zoom and pan, hover and click on nodes (d3-quadtree), an
 * ego network highlighted over a dimmed graph, names placed without collisions, and an animated
 * "fly to" an author. Owned by the CoauthorGraph component through a ref; zoom, layer and redraws
 * come from ZoomCanvas.
 */
import { quadtree, type Quadtree } from 'd3';
import { buildNodeRadius } from '@/lib/viz/graph-view';
import { labelBudget, placeLabels } from '@/lib/viz/label-placement';
import type { Affine } from '@/lib/viz/map-scale';
import { mixColor } from '@/lib/viz/raster';
import { ZoomCanvas, type ZoomCanvasCallbacks } from './zoom-canvas';
import { maxOf } from '@/lib/viz/extent';

export interface GraphData {
  id: number[];
  name: string[];
  x: number[];
  y: number[];
  papers: number[];
  color: string[];
  edgeSource: number[];
  edgeTarget: number[];
  edgePapers: number[];
  /** Group of each node (the network view's communities): links between groups are drawn fainter. */
  group?: number[];
  /** Community regions of the network view: faint discs named at low zoom. */
  regions?: GraphRegion[];
  /** An ego view lights only the focused node's own links (a paper's citations), not every link
   * among its neighbours, which around a much cited paper would light half the graph. */
  spokes?: boolean;
}

export interface GraphRegion {
  x: number;
  y: number;
  r: number;
  label: string;
  color: string;
  size: number;
}

/** The network view draws single-paper links from this zoom on. */
const WEAK_LINKS_ZOOM = 1.5;

/** Region names give way to author names beyond this zoom. */
const REGION_LABEL_MAX_ZOOM = 2.5;

/** onDraw's report, `thinned`: single-paper links were left out at this zoom. */
export interface GraphCallbacks extends ZoomCanvasCallbacks<boolean> {
  onHover(index: number | null, at: { x: number; y: number } | null): void;
  onSelect(index: number): void;
}

interface Theme {
  edge: string;
  text: string;
  halo: string;
  highlight: string;
  accent: string;
}

/** Above this many single-paper links in view, they are not drawn (see drawLayer). */
const MAX_SINGLE_EDGES = 15_000;

export class GraphEngine extends ZoomCanvas<Theme, boolean> {
  private data: GraphData | null = null;
  private visible: Uint8Array = new Uint8Array(0);
  private radius: (papers: number) => number = () => 2;
  private tree: Quadtree<number> | null = null;
  private ego: Set<number> | null = null;
  private focus = -1;
  private hover = -1;
  /** Nodes faded toward the background, per colour, for the background they were mixed with. */
  private readonly fadedColors = new Map<string, string>();
  private fadedOn = '';

  constructor(
    canvas: HTMLCanvasElement,
    private readonly callbacks: GraphCallbacks,
  ) {
    super(canvas, callbacks, {
      scaleExtent: [0.3, 60],
      padding: 30,
      theme: { edge: '#9aa2ae', text: '#16191f', halo: '#ffffff', highlight: '#d55e00', accent: '#1f5fbf' },
    });
    this.listen(canvas, 'pointermove', (e) => {
      const pe = e as PointerEvent;
      if (pe.buttons) return;
      const [sx, sy] = this.pointerPos(pe);
      this.setHover(this.nearest(sx, sy));
    });
    this.listen(canvas, 'pointerleave', () => this.setHover(-1));
    this.listen(canvas, 'click', (e) => {
      const [sx, sy] = this.pointerPos(e as MouseEvent);
      const index = this.nearest(sx, sy);
      if (index >= 0) this.callbacks.onSelect(index);
    });
  }

  setData(data: GraphData): void {
    this.data = data;
    this.radius = buildNodeRadius(maxOf(data.papers, 1));
    this.fitData(data.x, data.y);
  }

  setVisible(visible: Uint8Array): void {
    if (!this.data) return;
    this.visible = visible;
    const { x, y } = this.data;
    const shown: number[] = [];
    for (let i = 0; i < visible.length; i++) if (visible[i]) shown.push(i);
    this.tree = quadtree<number>()
      .x((i) => x[i])
      .y((i) => y[i])
      .addAll(shown);
    this.request(true);
  }

  /** Highlights an ego network (node indices) around `focus`; null clears it. */
  setEgo(focus: number, members: Set<number> | null): void {
    this.focus = focus;
    this.ego = members;
    this.request(true);
  }

  /** Animated zoom that centres node `index` at scale ≥ 3. */
  flyTo(index: number): void {
    if (!this.data) return;
    this.centreOn(this.data.x[index], this.data.y[index], 3, 900);
  }

  /** Screen position (CSS px) of node `index` under the current view. */
  screenOf(index: number): { x: number; y: number } {
    return this.toScreen(this.data!.x[index], this.data!.y[index]);
  }

  // ------------------------------------------------------------------ internals

  protected readTheme(css: (name: string, fallback: string) => string, current: Theme): Theme {
    return {
      edge: css('--chart-axis', current.edge),
      text: css('--fg', current.text),
      halo: css('--bg-elevated', current.halo),
      highlight: css('--chart-highlight', current.highlight),
      accent: css('--accent', current.accent),
    };
  }

  /** Node radius on screen: grows with zoom, but slower than the layout does. */
  private nodeRadius(papers: number): number {
    return this.radius(papers) * Math.sqrt(Math.max(0.5, this.zoomT.k));
  }

  protected drawLayer(t: Affine): boolean | null {
    const data = this.data;
    if (!data) return null;
    const ctx = this.layerCtx;
    const w = this.width;
    const h = this.height;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const ego = this.ego;
    const { x, y } = data;
    const sx = (i: number) => t.k * x[i] + t.x;
    const sy = (i: number) => t.k * y[i] + t.y;
    // Regions under everything: a faint disc per community.
    for (const region of data.regions ?? []) {
      const cx = t.k * region.x + t.x;
      const cy = t.k * region.y + t.y;
      const r = t.k * region.r;
      if (cx + r < 0 || cy + r < 0 || cx - r > w || cy - r > h) continue;
      ctx.beginPath();
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
      ctx.globalAlpha = 0.07;
      ctx.fillStyle = region.color;
      ctx.fill();
      ctx.globalAlpha = 0.25;
      ctx.strokeStyle = region.color;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    // Edges: three strength classes, one path each, so thousands of lines cost three strokes.
    // When very many single-paper links are in view they are left out (drawn again on zooming
    // in): at that density they only grey the picture and cost most of the frame.
    const inView: number[] = [];
    let singles = 0;
    for (let e = 0; e < data.edgeSource.length; e++) {
      const a = data.edgeSource[e];
      const b = data.edgeTarget[e];
      if (!this.visible[a] || !this.visible[b]) continue;
      const ax = sx(a);
      const bx = sx(b);
      if ((ax < 0 && bx < 0) || (ax > w && bx > w)) continue;
      const ay = sy(a);
      const by = sy(b);
      if ((ay < 0 && by < 0) || (ay > h && by > h)) continue;
      inView.push(e);
      if (data.edgePapers[e] === 1) singles++;
    }
    // In the network view single-paper links wait for a closer zoom: at overview scale they only
    // grey the regions.
    const skipSingles = singles > MAX_SINGLE_EDGES || (data.group !== undefined && t.k < WEAK_LINKS_ZOOM);
    const classes = [1, 2, 3].map(() => new Path2D());
    const egoPath = new Path2D();
    const across = new Path2D();
    const group = data.group;
    for (const e of inView) {
      const a = data.edgeSource[e];
      const b = data.edgeTarget[e];
      const inEgo =
        ego !== null &&
        ego.has(a) &&
        ego.has(b) &&
        (!data.spokes || this.focus < 0 || a === this.focus || b === this.focus);
      if (skipSingles && !inEgo && data.edgePapers[e] === 1) continue;
      const path = inEgo
        ? egoPath
        : group && group[a] !== group[b]
          ? across
          : classes[data.edgePapers[e] >= 3 ? 2 : data.edgePapers[e] === 2 ? 1 : 0];
      path.moveTo(sx(a), sy(a));
      path.lineTo(sx(b), sy(b));
    }
    ctx.strokeStyle = this.theme.edge;
    // Links between communities: the faintest, so regions stay readable.
    ctx.globalAlpha = ego ? 0.03 : 0.07;
    ctx.lineWidth = 0.6;
    ctx.stroke(across);
    [0.18, 0.32, 0.5].forEach((alpha, c) => {
      ctx.globalAlpha = ego ? alpha * 0.4 : alpha;
      ctx.lineWidth = 0.6 + c * 0.5;
      ctx.stroke(classes[c]);
    });
    ctx.globalAlpha = 1;
    // Nodes: one path per colour. With an ego network, the rest fade toward the background and
    // are drawn first, then the ego links and nodes on top.
    const back = new Map<string, Path2D>();
    const front = new Map<string, Path2D>();
    for (let i = 0; i < data.id.length; i++) {
      if (!this.visible[i]) continue;
      const px = sx(i);
      const py = sy(i);
      const r = this.nodeRadius(data.papers[i]);
      if (px < -r || py < -r || px > w + r || py > h + r) continue;
      const inFront = ego !== null && ego.has(i);
      const color = ego && !inFront ? this.faded(data.color[i]) : data.color[i];
      const group = inFront ? front : back;
      let path = group.get(color);
      if (!path) group.set(color, (path = new Path2D()));
      path.moveTo(px + r, py);
      path.arc(px, py, r, 0, Math.PI * 2);
    }
    for (const [color, path] of back) {
      ctx.fillStyle = color;
      ctx.fill(path);
    }
    if (ego) {
      ctx.strokeStyle = this.theme.accent;
      ctx.lineWidth = 1.6;
      ctx.stroke(egoPath);
    }
    for (const [color, path] of front) {
      ctx.fillStyle = color;
      ctx.fill(path);
      ctx.strokeStyle = this.theme.halo;
      ctx.lineWidth = 1;
      ctx.stroke(path);
    }
    return skipSingles;
  }

  private faded(color: string): string {
    if (this.fadedOn !== this.theme.halo) {
      this.fadedColors.clear();
      this.fadedOn = this.theme.halo;
    }
    let out = this.fadedColors.get(color);
    if (!out) this.fadedColors.set(color, (out = mixColor(color, this.theme.halo, 0.75)));
    return out;
  }

  /** Rings on the focused and hovered authors, then names. */
  protected drawOverlay(t: Affine): void {
    const ctx = this.ctx;
    for (const index of [this.focus, this.hover]) {
      if (index < 0 || !this.data) continue;
      const { x, y } = this.screenOf(index);
      const r = this.nodeRadius(this.data.papers[index]) + 3;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = this.theme.halo;
      ctx.stroke();
      ctx.lineWidth = 2;
      ctx.strokeStyle = this.theme.highlight;
      ctx.stroke();
    }
    this.drawLabels(t);
  }

  private drawLabels(t: Affine): void {
    const data = this.data;
    if (!data) return;
    const ctx = this.ctx;
    const fontSize = 11;
    ctx.font = `500 ${fontSize}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
    const candidates = [];
    const regionNames = !this.ego && this.zoomT.k < REGION_LABEL_MAX_ZOOM;
    if (regionNames) {
      (data.regions ?? []).forEach((region, i) => {
        const px = t.k * region.x + t.x;
        const py = t.k * (region.y - region.r) + t.y - 8;
        if (px < 0 || py < 0 || px > this.width || py > this.height || region.label === '') return;
        candidates.push({ id: -1 - i, text: region.label, x: px, y: py, priority: 1e9 + region.size });
      });
    }
    for (let i = 0; i < data.id.length; i++) {
      if (!this.visible[i]) continue;
      if (this.ego && !this.ego.has(i)) continue;
      const px = t.k * data.x[i] + t.x;
      const py = t.k * data.y[i] + t.y;
      if (px < 0 || py < 0 || px > this.width || py > this.height) continue;
      // The focused author always wins; then the most prolific.
      const priority = i === this.focus ? Infinity : data.papers[i];
      candidates.push({ id: i, text: data.name[i], x: px, y: py - this.nodeRadius(data.papers[i]) - 8, priority });
    }
    const placed = placeLabels(candidates, {
      width: this.width,
      height: this.height,
      fontSize,
      measure: (text) => this.measureLabel(text),
      padding: 2,
      maxLabels: this.ego ? 60 : labelBudget(this.zoomT.k, candidates.length) * 2 + (regionNames ? 40 : 0),
    });
    this.fillLabels(placed, { text: this.theme.text, halo: this.theme.halo, haloWidth: 3.5 });
  }

  private nearest(sx: number, sy: number): number {
    if (!this.tree || !this.data) return -1;
    const [x, y] = this.toData(sx, sy);
    const found = this.tree.find(x, y, 10 / this.full().k);
    return found ?? -1;
  }

  private setHover(index: number): void {
    if (index === this.hover) return;
    this.hover = index;
    this.canvas.style.cursor = index >= 0 ? 'pointer' : 'grab';
    this.callbacks.onHover(index >= 0 ? index : null, index >= 0 ? this.screenOf(index) : null);
    this.request(false);
  }
}
