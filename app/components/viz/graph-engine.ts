/**
 * The co-author graph's drawing engine: the pipeline's precomputed layout on a <canvas>, edges
 * then nodes in batches per colour, D3 zoom and pan, hover and click on nodes (d3-quadtree), an
 * ego network highlighted over a dimmed graph, names placed without collisions, and an animated
 * "fly to" an author. Owned by the CoauthorGraph component through a ref.
 */
import { quadtree, select, transition, zoom, zoomIdentity, type Quadtree, type ZoomBehavior, type ZoomTransform } from 'd3';
import { buildNodeRadius } from '@/lib/viz/graph-view';
import { labelBudget, placeLabels } from '@/lib/viz/label-placement';
import { composeAffine, computeExtent, fitExtent, type Affine } from '@/lib/viz/map-scale';
import { mixColor } from '@/lib/viz/raster';

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
}

export interface GraphCallbacks {
  onHover(index: number | null, at: { x: number; y: number } | null): void;
  onSelect(index: number): void;
  onZoomEnd(t: Affine): void;
  /** `thinned`: single-paper links were left out at this zoom. */
  onDraw(ms: number, thinned: boolean): void;
}

interface Theme {
  edge: string;
  text: string;
  halo: string;
  highlight: string;
  accent: string;
}

const LIVE_REDRAW_MS = 12;
/** Above this many single-paper links in view, they are not drawn (see drawLayer). */
const MAX_SINGLE_EDGES = 15_000;

export class GraphEngine {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly layer: HTMLCanvasElement;
  private readonly layerCtx: CanvasRenderingContext2D;
  private readonly zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown>;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private base: Affine = { k: 1, x: 0, y: 0 };
  private zoomT: ZoomTransform = zoomIdentity;
  private layerT: Affine | null = null;
  private data: GraphData | null = null;
  private visible: Uint8Array = new Uint8Array(0);
  private radius: (papers: number) => number = () => 2;
  private tree: Quadtree<number> | null = null;
  private ego: Set<number> | null = null;
  private focus = -1;
  private hover = -1;
  private raf = 0;
  private needLayer = false;
  private lastLayerMs = 0;
  private thinned = false;
  private gesture = false;
  private theme: Theme = { edge: '#9aa2ae', text: '#16191f', halo: '#ffffff', highlight: '#d55e00', accent: '#1f5fbf' };
  private readonly labelWidths = new Map<string, number>();
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly callbacks: GraphCallbacks,
  ) {
    this.ctx = canvas.getContext('2d')!;
    this.layer = document.createElement('canvas');
    this.layerCtx = this.layer.getContext('2d')!;
    this.zoomBehavior = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.3, 60])
      .clickDistance(4)
      .on('start', (event: { sourceEvent: Event | null }) => {
        this.gesture = event.sourceEvent != null;
      })
      .on('zoom', (event: { transform: ZoomTransform }) => {
        this.zoomT = event.transform;
        this.request(!this.gesture || this.lastLayerMs <= LIVE_REDRAW_MS);
      })
      .on('end', (event: { transform: ZoomTransform }) => {
        this.gesture = false;
        this.request(true);
        this.callbacks.onZoomEnd({ k: event.transform.k, x: event.transform.x, y: event.transform.y });
      });
    select(canvas).call(this.zoomBehavior).on('dblclick.zoom', null);
    const on = (type: string, handler: (e: Event) => void) => {
      canvas.addEventListener(type, handler);
      this.cleanup.push(() => canvas.removeEventListener(type, handler));
    };
    on('pointermove', (e) => {
      const pe = e as PointerEvent;
      if (pe.buttons) return;
      const [sx, sy] = this.pointerPos(pe);
      this.setHover(this.nearest(sx, sy));
    });
    on('pointerleave', () => this.setHover(-1));
    on('click', (e) => {
      const [sx, sy] = this.pointerPos(e as MouseEvent);
      const index = this.nearest(sx, sy);
      if (index >= 0) this.callbacks.onSelect(index);
    });
    this.readTheme();
    const observer = new MutationObserver(() => {
      this.readTheme();
      this.request(true);
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onMedia = () => {
      this.readTheme();
      this.request(true);
    };
    media.addEventListener('change', onMedia);
    this.cleanup.push(() => observer.disconnect(), () => media.removeEventListener('change', onMedia));
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    select(this.canvas).interrupt().on('.zoom', null);
    for (const undo of this.cleanup) undo();
    this.cleanup.length = 0;
  }

  resize(width: number, height: number): void {
    const dpr = window.devicePixelRatio || 1;
    if (width === this.width && height === this.height && dpr === this.dpr) return;
    this.width = Math.max(1, Math.floor(width));
    this.height = Math.max(1, Math.floor(height));
    this.dpr = dpr;
    for (const c of [this.canvas, this.layer]) {
      c.width = Math.round(this.width * dpr);
      c.height = Math.round(this.height * dpr);
    }
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.refit();
    this.request(true);
  }

  setData(data: GraphData): void {
    this.data = data;
    this.radius = buildNodeRadius(Math.max(1, ...data.papers));
    this.refit();
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
    const bx = this.base.k * this.data.x[index] + this.base.x;
    const by = this.base.k * this.data.y[index] + this.base.y;
    const k = Math.max(3, this.zoomT.k);
    const target = zoomIdentity.translate(this.width / 2 - k * bx, this.height / 2 - k * by).scale(k);
    select(this.canvas).transition(transition().duration(900)).call(this.zoomBehavior.transform, target);
  }

  zoomTo(t: Affine | null, instant = false): void {
    const target = t ? zoomIdentity.translate(t.x, t.y).scale(t.k) : zoomIdentity;
    if (instant) select(this.canvas).call(this.zoomBehavior.transform, target);
    else select(this.canvas).transition(transition().duration(450)).call(this.zoomBehavior.transform, target);
  }

  nudge(action: { scale?: number; dx?: number; dy?: number }): void {
    const canvas = select(this.canvas);
    if (action.scale) canvas.transition(transition().duration(200)).call(this.zoomBehavior.scaleBy, action.scale);
    if (action.dx || action.dy) canvas.call(this.zoomBehavior.translateBy, (action.dx ?? 0) / this.zoomT.k, (action.dy ?? 0) / this.zoomT.k);
  }

  /** Screen position (CSS px) of node `index` under the current view. */
  screenOf(index: number): { x: number; y: number } {
    const t = this.full();
    return { x: t.k * this.data!.x[index] + t.x, y: t.k * this.data!.y[index] + t.y };
  }

  // ------------------------------------------------------------------ internals

  private refit(): void {
    if (!this.data || this.width <= 1) return;
    this.base = fitExtent(computeExtent(this.data.x, this.data.y), this.width, this.height, 30);
    this.zoomBehavior.extent([
      [0, 0],
      [this.width, this.height],
    ]);
  }

  private full(): Affine {
    return composeAffine({ k: this.zoomT.k, x: this.zoomT.x, y: this.zoomT.y }, this.base);
  }

  private readTheme(): void {
    this.fadedColors?.clear();
    const style = getComputedStyle(this.canvas);
    const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    this.theme = {
      edge: v('--chart-axis', this.theme.edge),
      text: v('--fg', this.theme.text),
      halo: v('--bg-elevated', this.theme.halo),
      highlight: v('--chart-highlight', this.theme.highlight),
      accent: v('--accent', this.theme.accent),
    };
  }

  private request(layer: boolean): void {
    if (layer) this.needLayer = true;
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      if (this.needLayer) this.drawLayer();
      this.needLayer = false;
      this.compose();
    });
  }

  /** Node radius on screen: grows with zoom, but slower than the layout does. */
  private nodeRadius(papers: number): number {
    return this.radius(papers) * Math.sqrt(Math.max(0.5, this.zoomT.k));
  }

  private drawLayer(): void {
    const data = this.data;
    if (!data) return;
    const start = performance.now();
    const ctx = this.layerCtx;
    const t = this.full();
    const w = this.width;
    const h = this.height;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const ego = this.ego;
    const { x, y } = data;
    const sx = (i: number) => t.k * x[i] + t.x;
    const sy = (i: number) => t.k * y[i] + t.y;
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
    const skipSingles = singles > MAX_SINGLE_EDGES;
    this.thinned = skipSingles;
    const classes = [1, 2, 3].map(() => new Path2D());
    const egoPath = new Path2D();
    for (const e of inView) {
      const a = data.edgeSource[e];
      const b = data.edgeTarget[e];
      const inEgo = ego !== null && ego.has(a) && ego.has(b);
      if (skipSingles && !inEgo && data.edgePapers[e] === 1) continue;
      const path = inEgo ? egoPath : classes[data.edgePapers[e] >= 3 ? 2 : data.edgePapers[e] === 2 ? 1 : 0];
      path.moveTo(sx(a), sy(a));
      path.lineTo(sx(b), sy(b));
    }
    ctx.strokeStyle = this.theme.edge;
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
    this.layerT = t;
    this.lastLayerMs = performance.now() - start;
    this.callbacks.onDraw(this.lastLayerMs, this.thinned);
  }

  private readonly fadedColors = new Map<string, string>();

  private faded(color: string): string {
    let out = this.fadedColors.get(color);
    if (!out) this.fadedColors.set(color, (out = mixColor(color, this.theme.halo, 0.75)));
    return out;
  }

  private compose(): void {
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const t = this.full();
    if (this.layerT) {
      const r = t.k / this.layerT.k;
      ctx.setTransform(r, 0, 0, r, (t.x - r * this.layerT.x) * this.dpr, (t.y - r * this.layerT.y) * this.dpr);
      ctx.drawImage(this.layer, 0, 0);
    }
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
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
    const measure = (text: string) => {
      let width = this.labelWidths.get(text);
      if (width === undefined) this.labelWidths.set(text, (width = ctx.measureText(text).width));
      return width;
    };
    const candidates = [];
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
      measure,
      padding: 2,
      maxLabels: this.ego ? 60 : labelBudget(this.zoomT.k, candidates.length) * 2,
    });
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    for (const label of placed) {
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = this.theme.halo;
      ctx.strokeText(label.text, label.x, label.y);
      ctx.fillStyle = this.theme.text;
      ctx.fillText(label.text, label.x, label.y);
    }
  }

  private pointerPos(e: MouseEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  private nearest(sx: number, sy: number): number {
    if (!this.tree || !this.data) return -1;
    const t = this.full();
    const found = this.tree.find((sx - t.x) / t.k, (sy - t.y) / t.k, 10 / t.k);
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
