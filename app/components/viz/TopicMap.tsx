'use client';
/**
 * Every paper as a point on a <canvas>, coloured by topic, with D3 zoom and pan, collision-free
 * topic labels, hover, click-to-open and a lasso. D3 owns the canvas through MapEngine: created
 * on mount, updated when props change, torn down on unmount.
 */
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Point } from '@/lib/viz/lasso';
import type { Affine } from '@/lib/viz/map-scale';
import type { MapPointColumns } from '@/lib/viz/point-payload';
import { MapEngine, type EngineCallbacks, type EngineTopic } from './map-engine';
import styles from './viz.module.css';

export interface TopicMapHandle {
  zoomTo(t: Affine | null): void;
}

export interface TopicMapProps extends EngineCallbacks {
  points: MapPointColumns;
  topics: EngineTopic[];
  colors: Map<number, string>;
  mask: Uint8Array;
  selected: Uint32Array | null;
  lasso: Point[] | null;
  mode: 'pan' | 'lasso';
  initialZoom: Affine | null;
  label: string;
  ref?: Ref<TopicMapHandle>;
}

export function TopicMap(props: TopicMapProps) {
  const { points, topics, colors, mask, selected, lasso, mode, initialZoom, label, ref } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const engineRef = useRef<MapEngine | null>(null);
  // Callbacks change every render; the engine calls through this ref so it never goes stale.
  const callbacksRef = useRef<EngineCallbacks>(props);
  useEffect(() => {
    callbacksRef.current = props;
  });

  useEffect(() => {
    const canvas = canvasRef.current!;
    const wrap = wrapRef.current!;
    const engine = new MapEngine(canvas, {
      onHover: (i, at) => callbacksRef.current.onHover(i, at),
      onOpen: (i) => callbacksRef.current.onOpen(i),
      onLasso: (p) => callbacksRef.current.onLasso(p),
      onZoomEnd: (t) => callbacksRef.current.onZoomEnd(t),
      onDraw: (ms, n) => callbacksRef.current.onDraw(ms, n),
    });
    engineRef.current = engine;
    const observer = new ResizeObserver(([entry]) => {
      engine.resize(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(wrap);
    const rect = wrap.getBoundingClientRect();
    engine.resize(rect.width, rect.height);
    return () => {
      observer.disconnect();
      engine.destroy();
      engineRef.current = null;
    };
  }, []);

  useEffect(() => {
    engineRef.current?.setData(points, topics, colors);
  }, [points, topics, colors]);

  useEffect(() => {
    engineRef.current?.setMask(mask);
  }, [mask, points]);

  useEffect(() => {
    engineRef.current?.setSelection(selected, lasso);
  }, [selected, lasso]);

  useEffect(() => {
    engineRef.current?.setMode(mode);
  }, [mode]);

  // The URL's zoom applies once, when the points arrive; later zooms come from the user.
  const appliedZoom = useRef(false);
  useEffect(() => {
    if (appliedZoom.current || !engineRef.current) return;
    appliedZoom.current = true;
    if (initialZoom) engineRef.current.zoomTo(initialZoom, true);
  }, [initialZoom, points]);

  useImperativeHandle(
    ref,
    () => ({
      zoomTo: (t) => engineRef.current?.zoomTo(t),
    }),
    [],
  );

  function onKeyDown(event: React.KeyboardEvent<HTMLCanvasElement>) {
    const engine = engineRef.current;
    if (!engine) return;
    const step = 60;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => engine.nudge({ dx: step }),
      ArrowRight: () => engine.nudge({ dx: -step }),
      ArrowUp: () => engine.nudge({ dy: step }),
      ArrowDown: () => engine.nudge({ dy: -step }),
      '+': () => engine.nudge({ scale: 1.5 }),
      '=': () => engine.nudge({ scale: 1.5 }),
      '-': () => engine.nudge({ scale: 1 / 1.5 }),
      '0': () => engine.zoomTo(null),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  return (
    <div ref={wrapRef} className={styles.mapCanvasWrap}>
      <canvas
        ref={canvasRef}
        className={styles.mapCanvas}
        tabIndex={0}
        role="img"
        aria-label={label}
        aria-describedby="map-keys"
        onKeyDown={onKeyDown}
        data-testid="topic-map-canvas"
      />
      <p id="map-keys" className="visually-hidden">
        Arrow keys pan, plus and minus zoom, 0 resets the view. The topic list beside the map lists every
        topic with its number of papers.
      </p>
    </div>
  );
}
