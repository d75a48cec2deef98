/**
 * The topic map's drawing engine: owns one <canvas> (D3 zoom, pointer events, requestAnimationFrame
 * redraws) for the life of the TopicMap component. Points are drawn into an offscreen layer in one
 * batch per colour; hover rings, labels and the lasso are drawn over it, so a hover or a label
 * change never redraws 75,000 points, and while a gesture is in flight a slow layer is reused,
 * scaled, and redrawn when the gesture ends.
 */
import { quadtree, select, transition, zoom, zoomIdentity, type Quadtree, type ZoomBehavior, type ZoomTransform } from 'd3';
import { labelBudget, placeLabels } from '@/lib/viz/label-placement';
import { thinPolygon, type Point } from '@/lib/viz/lasso';
import { bucketByTopic } from '@/lib/viz/map-filter';
import { composeAffine, computeExtent, fitExtent, MAP_PADDING, pointSize, type Affine } from '@/lib/viz/map-scale';
import { mixColor, packColor, rasterizeSquares } from '@/lib/viz/raster';
import type { MapPointColumns } from '@/lib/viz/point-payload';

export interface EngineTopic {
  id: number;
  label: string;
  size: number;
  x: number;
  y: number;
}

export interface EngineCallbacks {
  onHover(index: number | null, at: { x: number; y: number } | null): void;
  onOpen(index: number): void;
  onLasso(polygon: Point[] | null): void;
  onZoomEnd(transform: Affine): void;
  onDraw(ms: number, drawn: number): void;
}

interface Theme {
  faded: string;
  text: string;
  halo: string;
  highlight: string;
  lasso: string;
}

/** Redraw the layer live during gestures only while it is this fast (ms); else reuse it. */
const LIVE_REDRAW_MS = 12;
const MAX_ZOOM = 200;

export class MapEngine {
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
  private points: MapPointColumns | null = null;
  private topics: EngineTopic[] = [];
  private colors = new Map<number, string>();
  private mask: Uint8Array = new Uint8Array(0);
  private buckets: { active: Map<number, Uint32Array>; faded: Uint32Array } | null = null;
  private activeTopics = new Set<number>();
  private lasso: Point[] | null = null;
  private draft: [number, number][] | null = null;
  private hover = -1;
  private tree: Quadtree<number> | null = null;
  private mode: 'pan' | 'lasso' = 'pan';
  private raf = 0;
  private needLayer = false;
  private lastLayerMs = 0;
  private gesture = false;
  private theme: Theme = { faded: '#c9ced6', text: '#16191f', halo: '#ffffff', highlight: '#d55e00', lasso: '#1f5fbf' };
  private readonly labelWidths = new Map<string, number>();
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly callbacks: EngineCallbacks,
  ) {
    this.ctx = canvas.getContext('2d')!;
    this.layer = document.createElement('canvas');
    this.layerCtx = this.layer.getContext('2d')!;
    this.zoomBehavior = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.5, MAX_ZOOM])
      .clickDistance(4)
      // In lasso mode a drag draws the lasso; the wheel still zooms.
      .filter((event: Event) => {
        if (event.type === 'wheel') return true;
        if (this.mode === 'lasso') return false;
        return !(event as MouseEvent).button;
      })
      .on('start', (event: { sourceEvent: Event | null }) => {
        this.gesture = event.sourceEvent != null;
      })
      .on('zoom', (event: { transform: ZoomTransform }) => {
        this.zoomT = event.transform;
        // Fast enough → redraw every frame; slow → scale the last layer until the gesture ends.
        this.request(!this.gesture || this.lastLayerMs <= LIVE_REDRAW_MS);
      })
      .on('end', (event: { transform: ZoomTransform }) => {
        this.gesture = false;
        this.request(true);
        this.callbacks.onZoomEnd({ k: event.transform.k, x: event.transform.x, y: event.transform.y });
      });
    select(canvas).call(this.zoomBehavior).on('dblclick.zoom', null);
    this.listen(canvas, 'pointermove', (e) => this.handleMove(e as PointerEvent));
    this.listen(canvas, 'pointerdown', (e) => this.handleDown(e as PointerEvent));
    this.listen(canvas, 'pointerup', (e) => this.handleUp(e as PointerEvent));
    this.listen(canvas, 'pointerleave', () => this.setHover(-1, null));
    this.listen(canvas, 'click', (e) => this.handleClick(e as MouseEvent));
    this.readTheme();
    const observer = new MutationObserver(() => this.refreshTheme());
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onMedia = () => this.refreshTheme();
    media.addEventListener('change', onMedia);
    this.cleanup.push(() => observer.disconnect(), () => media.removeEventListener('change', onMedia));
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    select(this.canvas).on('.zoom', null);
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

  setData(points: MapPointColumns, topics: EngineTopic[], colors: Map<number, string>): void {
    this.points = points;
    this.topics = topics;
    this.colors = colors;
    this.refit();
  }

  setMask(mask: Uint8Array): void {
    if (!this.points) return;
    this.mask = mask;
    this.buckets = bucketByTopic(this.points.topic, mask);
    this.activeTopics = new Set(this.buckets.active.keys());
    const { x, y } = this.points;
    const active: number[] = [];
    for (let i = 0; i < mask.length; i++) if (mask[i]) active.push(i);
    this.tree = quadtree<number>()
      .x((i) => x[i])
      .y((i) => y[i])
      .addAll(active);
    this.request(true);
  }

  setSelection(selected: Uint32Array | null, lasso: Point[] | null): void {
    this.lasso = lasso;
    this.selectedByTopic = null;
    if (selected && this.points) {
      const byTopic = new Map<number, number[]>();
      for (const i of selected) {
        const topic = this.points.topic[i];
        let list = byTopic.get(topic);
        if (!list) byTopic.set(topic, (list = []));
        list.push(i);
      }
      this.selectedByTopic = new Map([...byTopic].map(([topic, list]) => [topic, Uint32Array.from(list)]));
    }
    this.request(true);
  }

  setMode(mode: 'pan' | 'lasso'): void {
    this.mode = mode;
    this.canvas.style.cursor = mode === 'lasso' ? 'crosshair' : 'grab';
  }

  /** Moves to a zoom transform (relative to the fitted map); animated unless `instant`. */
  zoomTo(t: Affine | null, instant = false): void {
    const target = t ? zoomIdentity.translate(t.x, t.y).scale(t.k) : zoomIdentity;
    const canvas = select(this.canvas);
    if (instant) canvas.call(this.zoomBehavior.transform, target);
    else canvas.transition(transition().duration(450)).call(this.zoomBehavior.transform, target);
  }

  /** Zooms by a factor about the centre, or pans by pixels (keyboard control). */
  nudge(action: { scale?: number; dx?: number; dy?: number }): void {
    const canvas = select(this.canvas);
    if (action.scale) canvas.transition(transition().duration(200)).call(this.zoomBehavior.scaleBy, action.scale);
    if (action.dx || action.dy) canvas.call(this.zoomBehavior.translateBy, (action.dx ?? 0) / this.zoomT.k, (action.dy ?? 0) / this.zoomT.k);
  }

  /** The screen position (CSS px) of point i under the current view. */
  screenOf(i: number): { x: number; y: number } {
    const t = this.full();
    return { x: t.k * this.points!.x[i] + t.x, y: t.k * this.points!.y[i] + t.y };
  }

  // ------------------------------------------------------------------ internals

  private listen(target: EventTarget, type: string, handler: (e: Event) => void): void {
    target.addEventListener(type, handler);
    this.cleanup.push(() => target.removeEventListener(type, handler));
  }

  private refit(): void {
    if (!this.points || this.width <= 1) return;
    const extent = computeExtent(this.points.x, this.points.y);
    this.base = fitExtent(extent, this.width, this.height, MAP_PADDING);
    this.zoomBehavior.extent([
      [0, 0],
      [this.width, this.height],
    ]);
  }

  private full(): Affine {
    return composeAffine({ k: this.zoomT.k, x: this.zoomT.x, y: this.zoomT.y }, this.base);
  }

  private readTheme(): void {
    const style = getComputedStyle(this.canvas);
    const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    this.theme = {
      faded: v('--chart-dim', this.theme.faded),
      text: v('--fg', this.theme.text),
      halo: v('--bg-elevated', this.theme.halo),
      highlight: v('--chart-highlight', this.theme.highlight),
      lasso: v('--accent', this.theme.lasso),
    };
  }

  private refreshTheme(): void {
    this.readTheme();
    this.request(true);
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

  /**
   * Every point into the offscreen layer, rasterized in JS (see lib/viz/raster.ts): faded points
   * first, then one pass per topic colour, then the selection on top, larger.
   */
  private drawLayer(): void {
    const points = this.points;
    if (!points || !this.buckets) return;
    const start = performance.now();
    const W = this.layer.width;
    const H = this.layer.height;
    if (!this.image || this.image.width !== W || this.image.height !== H) {
      this.image = this.layerCtx.createImageData(W, H);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    const target = { pixels: this.pixels!, width: W, height: H };
    target.pixels.fill(0);
    const t = this.full();
    const device = { k: t.k * this.dpr, x: t.x * this.dpr, y: t.y * this.dpr };
    const size = pointSize(this.zoomT.k, points.ids.length) * this.dpr;
    const { x, y } = points;
    const bg = this.theme.halo;
    let drawn = 0;
    if (this.buckets.faded.length) {
      drawn += rasterizeSquares(target, x, y, this.buckets.faded, device, Math.max(1, size * 0.8), packColor(mixColor(this.theme.faded, bg, 0.3)));
    }
    // With a selection, the unselected points step back so the selection reads at a glance.
    const selecting = this.selectedByTopic !== null;
    for (const [topic, indices] of this.buckets.active) {
      const color = this.colors.get(topic) ?? this.theme.faded;
      drawn += rasterizeSquares(target, x, y, indices, device, size, packColor(selecting ? mixColor(color, bg, 0.65) : color));
    }
    if (this.selectedByTopic) {
      for (const [topic, indices] of this.selectedByTopic) {
        rasterizeSquares(target, x, y, indices, device, size + 1.5 * this.dpr, packColor(this.colors.get(topic) ?? this.theme.faded));
      }
    }
    this.layerCtx.putImageData(this.image, 0, 0);
    this.layerT = t;
    this.lastLayerMs = performance.now() - start;
    this.callbacks.onDraw(this.lastLayerMs, drawn);
  }

  private image: ImageData | null = null;
  private pixels: Uint32Array | null = null;
  private selectedByTopic: Map<number, Uint32Array> | null = null;

  /** The layer (scaled if stale) plus labels, lasso and hover ring. */
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
    this.drawLasso(t);
    this.drawHover(t);
    this.drawLabels(t);
  }

  private drawLasso(t: Affine): void {
    const ctx = this.ctx;
    const path = this.draft ?? this.lasso?.map(([x, y]) => [t.k * x + t.x, t.k * y + t.y] as [number, number]);
    if (!path || path.length < 2) return;
    ctx.beginPath();
    path.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.closePath();
    ctx.fillStyle = this.theme.lasso;
    ctx.globalAlpha = 0.08;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.setLineDash([5, 4]);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = this.theme.lasso;
    ctx.stroke();
    ctx.setLineDash([]);
  }

  private drawHover(t: Affine): void {
    if (this.hover < 0 || !this.points) return;
    const ctx = this.ctx;
    const sx = t.k * this.points.x[this.hover] + t.x;
    const sy = t.k * this.points.y[this.hover] + t.y;
    const r = pointSize(this.zoomT.k, this.points.ids.length) + 4;
    ctx.beginPath();
    ctx.arc(sx, sy, r, 0, Math.PI * 2);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = this.theme.halo;
    ctx.stroke();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = this.theme.highlight;
    ctx.stroke();
  }

  private drawLabels(t: Affine): void {
    const ctx = this.ctx;
    const fontSize = 12;
    ctx.font = `600 ${fontSize}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
    const measure = (text: string) => {
      let width = this.labelWidths.get(text);
      if (width === undefined) {
        width = ctx.measureText(text).width;
        this.labelWidths.set(text, width);
      }
      return width;
    };
    const candidates = this.topics
      .filter((topic) => this.activeTopics.has(topic.id))
      .map((topic) => ({ id: topic.id, text: topic.label, x: t.k * topic.x + t.x, y: t.k * topic.y + t.y, priority: topic.size }));
    const placed = placeLabels(candidates, {
      width: this.width,
      height: this.height,
      fontSize,
      measure,
      padding: 4,
      maxLabels: labelBudget(this.zoomT.k, candidates.length),
    });
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    for (const label of placed) {
      ctx.lineWidth = 4;
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
    if (!this.tree || !this.points) return -1;
    const t = this.full();
    const radius = Math.max(6, pointSize(this.zoomT.k, this.points.ids.length) + 3) / t.k;
    const found = this.tree.find((sx - t.x) / t.k, (sy - t.y) / t.k, radius);
    return found ?? -1;
  }

  private setHover(index: number, at: { x: number; y: number } | null): void {
    if (index === this.hover) return;
    this.hover = index;
    this.canvas.style.cursor = index >= 0 ? 'pointer' : this.mode === 'lasso' ? 'crosshair' : 'grab';
    this.callbacks.onHover(index >= 0 ? index : null, index >= 0 ? at : null);
    this.request(false);
  }

  private handleMove(e: PointerEvent): void {
    const [sx, sy] = this.pointerPos(e);
    if (this.draft) {
      const last = this.draft[this.draft.length - 1];
      if (Math.hypot(sx - last[0], sy - last[1]) > 2) {
        this.draft.push([sx, sy]);
        this.request(false);
      }
      return;
    }
    if (e.buttons) return; // panning
    const index = this.nearest(sx, sy);
    const at = index >= 0 ? this.screenOf(index) : null;
    this.setHover(index, at);
  }

  private handleDown(e: PointerEvent): void {
    if (this.mode !== 'lasso' || e.button !== 0) return;
    this.draft = [this.pointerPos(e)];
    this.canvas.setPointerCapture(e.pointerId);
    this.setHover(-1, null);
  }

  private handleUp(e: PointerEvent): void {
    if (!this.draft) return;
    const draft = this.draft;
    this.draft = null;
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
    if (draft.length < 3) {
      this.callbacks.onLasso(null);
      this.request(false);
      return;
    }
    const t = this.full();
    const polygon = thinPolygon(
      draft.map(([sx, sy]) => [(sx - t.x) / t.k, (sy - t.y) / t.k] as Point),
      64,
    );
    this.callbacks.onLasso(polygon);
  }

  private handleClick(e: MouseEvent): void {
    if (this.mode !== 'pan' || e.defaultPrevented) return;
    const [sx, sy] = this.pointerPos(e);
    const index = this.nearest(sx, sy);
    if (index >= 0) this.callbacks.onOpen(index);
  }
}
