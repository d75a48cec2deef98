/**
 * What the two canvas engines (MapEngine, GraphEngine) share: a <canvas> with D3 zoom and pan over
 * data fitted to the view, an offscreen layer holding the expensive marks, devicePixelRatio-aware
 * sizing, colours read from the page's CSS variables (and read again when the theme changes), and
 * redraws batched into one requestAnimationFrame. A subclass draws its marks into the layer
 * (`drawLayer`) and the cheap things over it (`drawOverlay`); while a gesture is in flight a slow
 * layer is reused, scaled, and redrawn when the gesture ends.
 */
import { select, transition, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { composeAffine, computeExtent, fitExtent, type Affine, type Extent } from '@/lib/viz/map-scale';

/** Redraw the layer live during gestures only while it is this fast (ms); else reuse it. */
const LIVE_REDRAW_MS = 12;

/** `Report` is what a layer draw tells the page besides its time (points drawn, links thinned…). */
export interface ZoomCanvasCallbacks<Report> {
  onZoomEnd(t: Affine): void;
  onDraw(ms: number, report: Report): void;
}

export interface ZoomCanvasOptions<Theme> {
  /** Smallest and largest zoom factor relative to the fitted view. */
  scaleExtent: [number, number];
  /** Pixels kept free around the fitted data. */
  padding: number;
  /** Colours used until the CSS variables are read (and where one is missing). */
  theme: Theme;
  /**
   * Redraw the layer live during gestures only while its last draw took at most this long (ms),
   * else scale the last one until the gesture ends; default LIVE_REDRAW_MS. An engine whose draw
   * cost is bounded on its own (the WebGL map's level of detail) passes Infinity.
   */
  liveRedrawMs?: number;
}

/** What a component drives on an engine: size, view, teardown (see useZoomCanvas). */
export interface ZoomControl {
  resize(width: number, height: number): void;
  zoomTo(t: Affine | null, instant?: boolean): void;
  nudge(action: { scale?: number; dx?: number; dy?: number }): void;
  destroy(): void;
}

export abstract class ZoomCanvas<Theme, Report> implements ZoomControl {
  protected readonly ctx: CanvasRenderingContext2D;
  protected readonly layer: HTMLCanvasElement;
  protected readonly layerCtx: CanvasRenderingContext2D;
  private readonly zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown>;
  /** Size in CSS pixels, and device pixels per CSS pixel. */
  protected width = 0;
  protected height = 0;
  protected dpr = 1;
  /** The d3-zoom transform, on top of `base` (which fits the data into the canvas). */
  protected zoomT: ZoomTransform = zoomIdentity;
  private base: Affine = { k: 1, x: 0, y: 0 };
  private extent: Extent | null = null;
  /** The full transform the layer was last drawn with; null until the first draw. */
  private layerT: Affine | null = null;
  private lastLayerMs = 0;
  private gesture = false;
  private raf = 0;
  private needLayer = false;
  protected theme: Theme;
  private readonly cleanup: (() => void)[] = [];
  protected readonly labelWidths = new Map<string, number>();

  protected constructor(
    protected readonly canvas: HTMLCanvasElement,
    private readonly zoomCallbacks: ZoomCanvasCallbacks<Report>,
    private readonly options: ZoomCanvasOptions<Theme>,
  ) {
    this.ctx = canvas.getContext('2d')!;
    this.layer = document.createElement('canvas');
    this.layerCtx = this.layer.getContext('2d')!;
    this.zoomBehavior = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent(options.scaleExtent)
      .clickDistance(4)
      .filter((event: Event) => this.startsZoom(event))
      .on('start', (event: { sourceEvent: Event | null }) => {
        this.gesture = event.sourceEvent != null;
      })
      .on('zoom', (event: { transform: ZoomTransform }) => {
        this.zoomT = event.transform;
        // Fast enough → redraw every frame; slow → scale the last layer until the gesture ends.
        this.request(!this.gesture || this.lastLayerMs <= (this.options.liveRedrawMs ?? LIVE_REDRAW_MS));
      })
      .on('end', (event: { transform: ZoomTransform }) => {
        this.gesture = false;
        this.request(true);
        this.zoomCallbacks.onZoomEnd({ k: event.transform.k, x: event.transform.x, y: event.transform.y });
      });
    select(canvas).call(this.zoomBehavior).on('dblclick.zoom', null);
    this.theme = options.theme;
    const readTheme = () => {
      const style = getComputedStyle(this.canvas);
      this.theme = this.readTheme((name, fallback) => style.getPropertyValue(name).trim() || fallback, this.theme);
    };
    readTheme();
    const onTheme = () => {
      readTheme();
      this.request(true);
    };
    const observer = new MutationObserver(onTheme);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', onTheme);
    this.cleanup.push(
      () => observer.disconnect(),
      () => media.removeEventListener('change', onTheme),
    );
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

  /** Moves to a zoom transform (relative to the fitted data); animated unless `instant`. */
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
    if (action.dx || action.dy)
      canvas.call(this.zoomBehavior.translateBy, (action.dx ?? 0) / this.zoomT.k, (action.dy ?? 0) / this.zoomT.k);
  }

  // ------------------------------------------------------------------ for subclasses

  /** Draws the expensive marks into `layer` under `t`; returns the report, or null with nothing to draw. */
  protected abstract drawLayer(t: Affine): Report | null;

  /** Draws over the layer (ctx already in CSS pixels): hover rings, labels, selections. */
  protected abstract drawOverlay(t: Affine): void;

  /**
   * The theme's colours from CSS variables on the canvas (`css(name, fallback)`), keeping
   * `current`'s where a variable is missing. Called from the constructor: read nothing but the arguments.
   */
  protected abstract readTheme(css: (name: string, fallback: string) => string, current: Theme): Theme;

  /**
   * Whether a pointer event starts a zoom or pan gesture (d3-zoom's filter). The default is
   * d3-zoom's own: the wheel, or a primary-button press without Ctrl.
   */
  protected startsZoom(event: Event): boolean {
    return (!(event as MouseEvent).ctrlKey || event.type === 'wheel') && !(event as MouseEvent).button;
  }

  /** True while a zoom or pan gesture of the user's is in flight. */
  protected get gesturing(): boolean {
    return this.gesture;
  }

  /** New data coordinates: fits their extent into the canvas. */
  protected fitData(xs: ArrayLike<number>, ys: ArrayLike<number>): void {
    this.extent = computeExtent(xs, ys);
    this.refit();
  }

  /** Redraws on the next frame: the layer too when `layer`, else only what is drawn over it. */
  protected request(layer: boolean): void {
    if (layer) this.needLayer = true;
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      if (this.needLayer) this.paintLayer();
      this.needLayer = false;
      this.compose();
    });
  }

  /** Data → screen (CSS px) under the current view: base fit, then zoom. */
  protected full(): Affine {
    return composeAffine({ k: this.zoomT.k, x: this.zoomT.x, y: this.zoomT.y }, this.base);
  }

  /** Animates data point (x, y) to the centre, at the current scale or `minScale` if larger. */
  protected centreOn(x: number, y: number, minScale: number, ms: number): void {
    const bx = this.base.k * x + this.base.x;
    const by = this.base.k * y + this.base.y;
    const k = Math.max(minScale, this.zoomT.k);
    const target = zoomIdentity.translate(this.width / 2 - k * bx, this.height / 2 - k * by).scale(k);
    select(this.canvas).transition(transition().duration(ms)).call(this.zoomBehavior.transform, target);
  }

  /** Data → screen (CSS px) under the current view. */
  protected toScreen(x: number, y: number): { x: number; y: number } {
    const t = this.full();
    return { x: t.k * x + t.x, y: t.k * y + t.y };
  }

  /** Screen (CSS px) → data under the current view. */
  protected toData(sx: number, sy: number): [number, number] {
    const t = this.full();
    return [(sx - t.x) / t.k, (sy - t.y) / t.k];
  }

  /** The pointer's position on the canvas in CSS pixels. */
  protected pointerPos(e: MouseEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  /** Adds an event listener that `destroy` removes. */
  protected listen(target: EventTarget, type: string, handler: (e: Event) => void): void {
    target.addEventListener(type, handler);
    this.cleanup.push(() => target.removeEventListener(type, handler));
  }

  /** Width of a label in the current font, measured once per text. */
  protected measureLabel(text: string): number {
    let width = this.labelWidths.get(text);
    if (width === undefined) this.labelWidths.set(text, (width = this.ctx.measureText(text).width));
    return width;
  }

  /** Centred labels in `colors.text` over a halo of the background (ctx font already set). */
  protected fillLabels(
    labels: readonly { text: string; x: number; y: number }[],
    colors: { text: string; halo: string; haloWidth: number },
  ): void {
    const ctx = this.ctx;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    for (const label of labels) {
      ctx.lineWidth = colors.haloWidth;
      ctx.strokeStyle = colors.halo;
      ctx.strokeText(label.text, label.x, label.y);
      ctx.fillStyle = colors.text;
      ctx.fillText(label.text, label.x, label.y);
    }
  }

  // ------------------------------------------------------------------ internals

  private refit(): void {
    if (!this.extent || this.width <= 1) return;
    this.base = fitExtent(this.extent, this.width, this.height, this.options.padding);
    this.zoomBehavior.extent([
      [0, 0],
      [this.width, this.height],
    ]);
  }

  private paintLayer(): void {
    const t = this.full();
    const start = performance.now();
    const report = this.drawLayer(t);
    if (report === null) return;
    this.layerT = t;
    this.lastLayerMs = performance.now() - start;
    this.zoomCallbacks.onDraw(this.lastLayerMs, report);
  }

  /** The layer (scaled if stale) plus the overlay. */
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
    this.drawOverlay(t);
  }
}
