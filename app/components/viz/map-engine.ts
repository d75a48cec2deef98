/**
 * The topic map's drawing engine, for the life of the TopicMap component (zoom, layer and redraws
 * come from ZoomCanvas). Points go into the offscreen layer in one batch per colour, faded points
 * first, outliers as grey rings under the rest, the selection on top: drawn with WebGL2
 * (map/gl-points.ts) when the browser has it, with a level of detail that draws a fixed seeded
 * sample of each colour while more than FRAME_BUDGET points are in view (lib/viz/map-lod.ts), else
 * rasterized in JavaScript (lib/viz/raster.ts) as the Canvas 2D fallback. Hover rings, topic and
 * sub-topic labels and the selected area (a lasso or a brushed rectangle) are drawn over the layer,
 * so a hover, a label change or a drag that draws a selection never redraws the points.
 */
import { buildBrush, rectanglePolygon } from '@/lib/viz/brush';
import { thinPolygon, type Point } from '@/lib/viz/lasso';
import {
  chooseMapLabels,
  subtopicZoom,
  TOPIC_LABEL_SIZE,
  type LabelSubtopic,
  type MapLabel,
} from '@/lib/viz/map-labels';
import { bucketByTopic, POINT_ACTIVE } from '@/lib/viz/map-filter';
import {
  buildDrawList,
  countInView,
  FrameCost,
  lodCount,
  lodFraction,
  lodOrder,
  type DrawList,
} from '@/lib/viz/map-lod';
import { MAP_PADDING, pointSize, type Affine } from '@/lib/viz/map-scale';
import { PointGrid } from '@/lib/viz/point-grid';
import { mixColor, packColor, parseHex, rasterizeSquareRings, rasterizeSquares } from '@/lib/viz/raster';
import type { MapPointColumns } from '@/lib/viz/point-payload';
import { GlPoints, type GlGroupStyle } from './map/gl-points';
import { ZoomCanvas, type ZoomCanvasCallbacks } from './zoom-canvas';

/**
 * Points a WebGL frame draws once the view has settled: FRAME_BUDGET, or more where they fit in
 * SETTLED_FRAME_MS at the cost per point the renderer has measured (FrameCost) — on a GPU every
 * point; past it each colour draws the same seeded share of its points. During a pan or zoom the
 * budget is what fits in GESTURE_FRAME_MS, at least GESTURE_MIN_POINTS (100,000 until a frame has
 * been timed). Set from frame times with software WebGL (SwiftShader) on 2 cores:
 * `npm run bench -- --only map-render`.
 */
export const FRAME_BUDGET = 300_000;
export const SETTLED_FRAME_MS = 100;
export const GESTURE_FRAME_MS = 40;
export const GESTURE_MIN_POINTS = 20_000;

/** The performance mark set when the first full frame of points is on the canvas. */
export const FIRST_PAINT_MARK = 'topicscope:map-first-paint';

/** Which renderer draws the points: WebGL2 when available (the default), or Canvas 2D. */
export type MapRenderer = 'webgl' | 'canvas';

export interface EngineTopic {
  id: number;
  label: string;
  size: number;
  x: number;
  y: number;
}

/** A part of a split topic, labelled once the view is zoomed in far enough. */
export type EngineSubtopic = LabelSubtopic;

/** onDraw's report: how many points the layer drew (in view, after the level of detail). */
export interface EngineCallbacks extends ZoomCanvasCallbacks<number> {
  onHover(index: number | null, at: { x: number; y: number } | null): void;
  onOpen(index: number): void;
  /** A lasso or brush was drawn: the area in data coordinates, or null (a click) to clear. */
  onSelectArea(polygon: Point[] | null): void;
}

/** What a drag on the map does: pan, brush a rectangle, or draw a lasso. */
export type MapTool = 'pan' | 'brush' | 'lasso';

interface Theme {
  faded: string;
  /** Rings of the outliers. */
  outlier: string;
  text: string;
  halo: string;
  highlight: string;
  area: string;
}

export class MapEngine extends ZoomCanvas<Theme, number> {
  private points: MapPointColumns | null = null;
  private topics: EngineTopic[] = [];
  private subtopics: EngineSubtopic[] = [];
  private colors = new Map<number, string>();
  private buckets: { active: Map<number, Uint32Array>; faded: Uint32Array; outliers: Uint32Array } | null = null;
  private activeTopics = new Set<number>();
  private selectedByTopic: Map<number, Uint32Array> | null = null;
  private area: Point[] | null = null;
  /** The selection being drawn, in screen px: the lasso's path, or the brush's two corners. */
  private draft: { tool: 'brush' | 'lasso'; path: [number, number][] } | null = null;
  private hover = -1;
  private tree: PointGrid | null = null;
  private mode: MapTool = 'pan';
  private image: ImageData | null = null;
  private pixels: Uint32Array | null = null;
  private mask: Uint8Array | null = null;
  private selected: Uint32Array | null = null;
  /** The WebGL renderer, its shuffle of the points and its draw list; null gl = Canvas 2D. */
  private gl: GlPoints | null = null;
  private order: Int32Array | null = null;
  private drawList: DrawList | null = null;
  private readonly glCost = new FrameCost({ min: GESTURE_MIN_POINTS, max: FRAME_BUDGET, initial: 100_000 });
  /** A layer of points has been drawn; the first-paint mark has been set. */
  private layerReady = false;
  private painted = false;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly callbacks: EngineCallbacks,
    renderer: MapRenderer = 'webgl',
  ) {
    const gl = renderer === 'webgl' ? GlPoints.create() : null;
    super(canvas, callbacks, {
      scaleExtent: [0.5, 200],
      padding: MAP_PADDING,
      // The level of detail bounds a WebGL frame, so it redraws on every frame of a gesture.
      liveRedrawMs: gl ? Infinity : undefined,
      theme: {
        faded: '#c9ced6',
        outlier: '#9aa2ae',
        text: '#16191f',
        halo: '#ffffff',
        highlight: '#d55e00',
        area: '#1f5fbf',
      },
    });
    this.gl = gl;
    canvas.dataset.renderer = gl ? 'webgl' : 'canvas';
    this.listen(canvas, 'pointermove', (e) => this.handleMove(e as PointerEvent));
    this.listen(canvas, 'pointerdown', (e) => this.handleDown(e as PointerEvent));
    this.listen(canvas, 'pointerup', (e) => this.handleUp(e as PointerEvent));
    this.listen(canvas, 'pointerleave', () => this.setHover(-1, null));
    this.listen(canvas, 'click', (e) => this.handleClick(e as MouseEvent));
  }

  setData(
    points: MapPointColumns,
    topics: EngineTopic[],
    subtopics: EngineSubtopic[],
    colors: Map<number, string>,
  ): void {
    this.points = points;
    this.topics = topics;
    this.subtopics = subtopics;
    this.colors = colors;
    this.drawList = null;
    this.buckets = null;
    if (this.gl) {
      this.gl.setPositions(points.x, points.y);
      this.order = lodOrder(points.ids.length);
    }
    this.fitData(points.x, points.y);
  }

  /** Per point: active (in colour), faded, or hidden (see lib/viz/map-filter.ts). */
  setMask(mask: Uint8Array): void {
    if (!this.points) return;
    this.mask = mask;
    this.buckets = null;
    this.drawList = null;
    const { x, y, topic } = this.points;
    let count = 0;
    this.activeTopics = new Set();
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] !== POINT_ACTIVE) continue;
      count++;
      this.activeTopics.add(topic[i]);
    }
    const active = new Uint32Array(count);
    for (let i = 0, j = 0; i < mask.length; i++) if (mask[i] === POINT_ACTIVE) active[j++] = i;
    this.tree = new PointGrid(x, y, active);
    this.request(true);
  }

  setSelection(selected: Uint32Array | null, area: Point[] | null): void {
    this.area = area;
    this.selected = selected;
    this.drawList = null;
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

  setMode(mode: MapTool): void {
    this.mode = mode;
    this.canvas.style.cursor = this.idleCursor();
  }

  /** The screen position (CSS px) of point i under the current view. */
  screenOf(i: number): { x: number; y: number } {
    return this.toScreen(this.points!.x[i], this.points!.y[i]);
  }

  // ------------------------------------------------------------------ internals

  protected readTheme(css: (name: string, fallback: string) => string, current: Theme): Theme {
    return {
      faded: css('--chart-dim', current.faded),
      outlier: css('--chart-axis', current.outlier),
      text: css('--fg', current.text),
      halo: css('--bg-elevated', current.halo),
      highlight: css('--chart-highlight', current.highlight),
      area: css('--accent', current.area),
    };
  }

  /** Zoom and pan take the wheel always, a drag only in pan mode (else it draws a selection). */
  protected startsZoom(event: Event): boolean {
    if (event.type === 'wheel') return true;
    if (this.mode !== 'pan') return false;
    return !(event as MouseEvent).button;
  }

  /**
   * Every point into the offscreen layer, rasterized in JS (see lib/viz/raster.ts): faded points
   * first, then the outliers as grey rings, then one pass per topic colour (so a paper inside its
   * topic is never hidden under a stray one), then the selection on top, larger.
   */
  protected drawLayer(t: Affine): number | null {
    const points = this.points;
    if (!points || !this.mask) return null;
    if (this.gl && !this.gl.usable) {
      console.warn('Topic map: the WebGL context was lost, drawing with Canvas 2D');
      this.gl = null;
      this.canvas.dataset.renderer = 'canvas';
    }
    this.layerReady = true;
    return this.gl ? this.drawGl(t, this.gl, points, this.mask) : this.drawRaster(t, points, this.mask);
  }

  /**
   * The points with WebGL, then copied into the layer (which also waits for the GPU, so the
   * reported time is the frame's). Each group draws the level of detail's share of its points.
   */
  private drawGl(t: Affine, gl: GlPoints, points: MapPointColumns, mask: Uint8Array): number {
    const start = performance.now();
    if (!this.drawList) {
      this.drawList = buildDrawList(points.topic, mask, points.flags, this.order!, this.selected);
      gl.setIndices(this.drawList.indices);
    }
    const W = this.layer.width;
    const H = this.layer.height;
    const size = pointSize(this.zoomT.k, points.ids.length) * this.dpr;
    const bg = this.theme.halo;
    const selecting = this.selected !== null;
    const inView = countInView(
      points.x,
      points.y,
      mask,
      -t.x / t.k,
      -t.y / t.k,
      (this.width - t.x) / t.k,
      (this.height - t.y) / t.k,
    );
    const budget = this.gesturing
      ? this.glCost.budget(GESTURE_FRAME_MS, Infinity)
      : Math.max(FRAME_BUDGET, this.glCost.budget(SETTLED_FRAME_MS, Infinity));
    const fraction = lodFraction(inView, budget);
    gl.begin(W, H, { k: t.k * this.dpr, x: t.x * this.dpr, y: t.y * this.dpr });
    for (const group of this.drawList.groups) {
      let style: GlGroupStyle;
      if (group.kind === 'faded') {
        style = { rgb: parseHex(mixColor(this.theme.faded, bg, 0.3)), size: Math.max(1, size * 0.8), ring: 0 };
      } else if (group.kind === 'outlier') {
        const color = selecting ? mixColor(this.theme.outlier, bg, 0.5) : this.theme.outlier;
        style = { rgb: parseHex(color), size: Math.max(3 * this.dpr, size + this.dpr), ring: this.dpr };
      } else {
        const color = this.colors.get(group.topic) ?? this.theme.faded;
        style =
          group.kind === 'selected'
            ? { rgb: parseHex(color), size: size + 1.5 * this.dpr, ring: 0 }
            : { rgb: parseHex(selecting ? mixColor(color, bg, 0.65) : color), size, ring: 0 };
      }
      gl.draw(group.start, lodCount(group.count, fraction), style);
    }
    gl.end();
    this.layerCtx.clearRect(0, 0, W, H);
    this.layerCtx.drawImage(gl.canvas, 0, 0);
    const drawn = fraction >= 1 ? inView : Math.round(inView * fraction);
    this.glCost.record(performance.now() - start, drawn);
    return drawn;
  }

  /** The Canvas 2D fallback: every point rasterized in JavaScript. */
  private drawRaster(t: Affine, points: MapPointColumns, mask: Uint8Array): number {
    if (!this.buckets) this.buckets = bucketByTopic(points.topic, mask, points.flags);
    const W = this.layer.width;
    const H = this.layer.height;
    if (!this.image || this.image.width !== W || this.image.height !== H) {
      this.image = this.layerCtx.createImageData(W, H);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    const target = { pixels: this.pixels!, width: W, height: H };
    target.pixels.fill(0);
    const device = { k: t.k * this.dpr, x: t.x * this.dpr, y: t.y * this.dpr };
    const size = pointSize(this.zoomT.k, points.ids.length) * this.dpr;
    const { x, y } = points;
    const bg = this.theme.halo;
    let drawn = 0;
    if (this.buckets.faded.length) {
      drawn += rasterizeSquares(
        target,
        x,
        y,
        this.buckets.faded,
        device,
        Math.max(1, size * 0.8),
        packColor(mixColor(this.theme.faded, bg, 0.3)),
      );
    }
    // With a selection, the unselected points step back so the selection reads at a glance.
    const selecting = this.selectedByTopic !== null;
    if (this.buckets.outliers.length) {
      // A ring needs 3 device px to show its hole; it grows with the points when zoomed in.
      const ring = Math.max(3 * this.dpr, size + this.dpr);
      drawn += rasterizeSquareRings(
        target,
        x,
        y,
        this.buckets.outliers,
        device,
        ring,
        this.dpr,
        packColor(selecting ? mixColor(this.theme.outlier, bg, 0.5) : this.theme.outlier),
      );
    }
    for (const [topic, indices] of this.buckets.active) {
      const color = this.colors.get(topic) ?? this.theme.faded;
      drawn += rasterizeSquares(
        target,
        x,
        y,
        indices,
        device,
        size,
        packColor(selecting ? mixColor(color, bg, 0.65) : color),
      );
    }
    if (this.selectedByTopic) {
      for (const [topic, indices] of this.selectedByTopic) {
        rasterizeSquares(
          target,
          x,
          y,
          indices,
          device,
          size + 1.5 * this.dpr,
          packColor(this.colors.get(topic) ?? this.theme.faded),
        );
      }
    }
    this.layerCtx.putImageData(this.image, 0, 0);
    return drawn;
  }

  /** Over the layer: the selected area, the hover ring, the topic labels. */
  protected drawOverlay(t: Affine): void {
    this.drawArea(t);
    this.drawHover(t);
    this.drawLabels(t);
    if (!this.painted && this.layerReady) {
      // The first frame with the points (and their labels) is on the canvas.
      this.painted = true;
      performance.mark(FIRST_PAINT_MARK, { detail: { renderer: this.gl ? 'webgl' : 'canvas' } });
    }
  }

  destroy(): void {
    super.destroy();
    this.gl?.destroy();
    this.gl = null;
  }

  /** The area being drawn, else the selected one: outlined, dashed, faintly filled. */
  private drawArea(t: Affine): void {
    const ctx = this.ctx;
    const draft = this.draft;
    const path: readonly Point[] | undefined = draft
      ? draft.tool === 'brush' && draft.path.length === 2
        ? rectanglePolygon(draft.path[0], draft.path[1])
        : draft.path
      : this.area?.map(([x, y]) => [t.k * x + t.x, t.k * y + t.y] as const);
    if (!path || path.length < 2) return;
    ctx.beginPath();
    path.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.closePath();
    ctx.fillStyle = this.theme.area;
    ctx.globalAlpha = 0.08;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.setLineDash([5, 4]);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = this.theme.area;
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

  /**
   * Topic labels, and past the sub-topic zoom the sub-topics' too (lib/viz/map-labels.ts): each
   * level in its own font, a split topic's label in a lighter ink once its parts are labelled.
   */
  private drawLabels(t: Affine): void {
    const ctx = this.ctx;
    // The fitted view's scale: the full transform's over the zoom's.
    const fitScale = t.k / this.zoomT.k;
    const labels = chooseMapLabels({
      topics: this.topics,
      subtopics: this.subtopics,
      isActive: (id) => this.activeTopics.has(id),
      transform: t,
      zoom: this.zoomT.k,
      subtopicZoom: subtopicZoom(this.subtopics, fitScale),
      width: this.width,
      height: this.height,
      measure: (text, size) => this.measureMapLabel(text, size),
    });
    const groups = new Map<string, MapLabel[]>();
    for (const label of labels) {
      const key = `${label.fontSize}:${label.alpha}`;
      const group = groups.get(key);
      if (group) group.push(label);
      else groups.set(key, [label]);
    }
    for (const group of groups.values()) {
      const { fontSize, alpha } = group[0];
      ctx.font = labelFont(fontSize);
      // A label that steps back is drawn in a lighter ink over the same opaque halo.
      const text = alpha < 1 ? mixColor(this.theme.text, this.theme.halo, 1 - alpha) : this.theme.text;
      this.fillLabels(group, { text, halo: this.theme.halo, haloWidth: 4 });
    }
  }

  /** Width of a label in its level's font, measured once per size and text. */
  private measureMapLabel(text: string, size: number): number {
    const key = `${size}\u0000${text}`;
    let width = this.labelWidths.get(key);
    if (width === undefined) {
      this.ctx.font = labelFont(size);
      this.labelWidths.set(key, (width = this.ctx.measureText(text).width));
    }
    return width;
  }

  private nearest(sx: number, sy: number): number {
    if (!this.tree || !this.points) return -1;
    const [x, y] = this.toData(sx, sy);
    const radius = Math.max(6, pointSize(this.zoomT.k, this.points.ids.length) + 3) / this.full().k;
    return this.tree.nearest(x, y, radius);
  }

  private setHover(index: number, at: { x: number; y: number } | null): void {
    if (index === this.hover) return;
    this.hover = index;
    this.canvas.style.cursor = index >= 0 ? 'pointer' : this.idleCursor();
    this.callbacks.onHover(index >= 0 ? index : null, index >= 0 ? at : null);
    this.request(false);
  }

  private handleMove(e: PointerEvent): void {
    const [sx, sy] = this.pointerPos(e);
    const draft = this.draft;
    if (draft?.tool === 'brush') {
      // Only the overlay redraws while brushing; the points inside are found on release.
      draft.path = [draft.path[0], [sx, sy]];
      this.request(false);
      return;
    }
    if (draft) {
      const last = draft.path[draft.path.length - 1];
      if (Math.hypot(sx - last[0], sy - last[1]) > 2) {
        draft.path.push([sx, sy]);
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
    if (this.mode === 'pan' || e.button !== 0) return;
    this.draft = { tool: this.mode, path: [this.pointerPos(e)] };
    this.canvas.setPointerCapture(e.pointerId);
    this.setHover(-1, null);
  }

  private handleUp(e: PointerEvent): void {
    if (!this.draft) return;
    const draft = this.draft;
    this.draft = null;
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
    const polygon =
      draft.tool === 'brush'
        ? buildBrush(draft.path[0], this.pointerPos(e), this.full(), { width: this.width, height: this.height })
        : draft.path.length >= 3
          ? thinPolygon(
              draft.path.map(([sx, sy]) => this.toData(sx, sy)),
              64,
            )
          : null;
    this.request(false); // the draft's outline goes
    // A click without a drag (polygon null) clears the selection.
    this.callbacks.onSelectArea(polygon);
  }

  private idleCursor(): string {
    return this.mode === 'pan' ? 'grab' : 'crosshair';
  }

  private handleClick(e: MouseEvent): void {
    if (this.mode !== 'pan' || e.defaultPrevented) return;
    const [sx, sy] = this.pointerPos(e);
    const index = this.nearest(sx, sy);
    if (index >= 0) this.callbacks.onOpen(index);
  }
}

/** Topic labels bold, sub-topic labels (smaller) in a medium weight. */
function labelFont(size: number): string {
  return `${size >= TOPIC_LABEL_SIZE ? 600 : 500} ${size}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
}
