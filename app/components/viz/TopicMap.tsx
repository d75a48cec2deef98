'use client';
/**
 * Every paper as a point on a <canvas>, coloured by topic, with D3 zoom and pan, collision-free
 * topic labels (and sub-topic labels when zoomed in), hover, click-to-open, and a rectangle brush
 * or a lasso to select papers. D3 owns
 * the canvas through MapEngine: created on mount, updated when props change, torn down on unmount.
 * The points are drawn with WebGL2 where the browser has it; `renderer: 'canvas'` (the page's
 * `?renderer=canvas`) forces the Canvas 2D renderer, to compare the two.
 */
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Point } from '@/lib/viz/lasso';
import type { Affine } from '@/lib/viz/map-scale';
import type { MapPointColumns } from '@/lib/viz/point-payload';
import {
  MapEngine,
  type EngineCallbacks,
  type EngineSubtopic,
  type EngineTopic,
  type MapRenderer,
  type MapTool,
} from './map-engine';
import { useInitialZoom, useZoomCanvas } from './use-zoom-canvas';
import styles from './viz.module.css';

export interface TopicMapHandle {
  zoomTo(t: Affine | null): void;
}

export interface TopicMapProps extends EngineCallbacks {
  points: MapPointColumns;
  topics: EngineTopic[];
  subtopics: EngineSubtopic[];
  colors: Map<number, string>;
  /** Per point: active, faded or hidden (lib/viz/map-filter.ts). */
  mask: Uint8Array;
  selected: Uint32Array | null;
  /** The selected area (lasso polygon or brushed rectangle) in data coordinates. */
  area: Point[] | null;
  mode: MapTool;
  initialZoom: Affine | null;
  /** WebGL when the browser has it, or Canvas 2D. */
  renderer: MapRenderer;
  label: string;
  ref?: Ref<TopicMapHandle>;
}

export function TopicMap(props: TopicMapProps) {
  const { points, topics, subtopics, colors, mask, selected, area, mode, initialZoom, label, ref } = props;
  // Callbacks change every render; the engine calls through this ref so it never goes stale.
  const callbacksRef = useRef<EngineCallbacks>(props);
  useEffect(() => {
    callbacksRef.current = props;
  });
  const { wrapRef, engineRef, canvasProps } = useZoomCanvas(
    (canvas) =>
      new MapEngine(
        canvas,
        {
          onHover: (i, at) => callbacksRef.current.onHover(i, at),
          onOpen: (i) => callbacksRef.current.onOpen(i),
          onSelectArea: (p) => callbacksRef.current.onSelectArea(p),
          onZoomEnd: (t) => callbacksRef.current.onZoomEnd(t),
          onDraw: (ms, n) => callbacksRef.current.onDraw(ms, n),
        },
        props.renderer,
      ),
  );

  useEffect(() => {
    engineRef.current?.setData(points, topics, subtopics, colors);
  }, [engineRef, points, topics, subtopics, colors]);

  useEffect(() => {
    engineRef.current?.setMask(mask);
  }, [engineRef, mask, points]);

  useEffect(() => {
    engineRef.current?.setSelection(selected, area);
  }, [engineRef, selected, area]);

  useEffect(() => {
    engineRef.current?.setMode(mode);
  }, [engineRef, mode]);

  useInitialZoom(engineRef, initialZoom, points);

  useImperativeHandle(
    ref,
    () => ({
      zoomTo: (t) => engineRef.current?.zoomTo(t),
    }),
    [engineRef],
  );

  return (
    <div ref={wrapRef} className={styles.mapCanvasWrap}>
      <canvas {...canvasProps} aria-label={label} aria-describedby="map-keys" data-testid="topic-map-canvas" />
      <p id="map-keys" className="visually-hidden">
        Arrow keys pan, plus and minus zoom, 0 resets the view, Escape clears the selection. The topic list beside the
        map lists every topic with its number of papers.
      </p>
    </div>
  );
}
