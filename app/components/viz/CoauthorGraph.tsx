'use client';
/**
 * The co-author graph on a <canvas>: the pipeline's layout, nodes sized by papers and coloured by
 * community, zoom and pan, hover names, click to pick an author, and their ego network highlighted.
 * D3 owns the canvas through GraphEngine: created on mount, updated on prop change, torn down on unmount.
 */
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Affine } from '@/lib/viz/map-scale';
import { GraphEngine, type GraphCallbacks, type GraphData } from './graph-engine';
import styles from './viz.module.css';

export interface CoauthorGraphHandle {
  flyTo(index: number): void;
  reset(): void;
}

export interface CoauthorGraphProps extends GraphCallbacks {
  data: GraphData;
  visible: Uint8Array;
  focus: number;
  ego: Set<number> | null;
  initialZoom: Affine | null;
  label: string;
  ref?: Ref<CoauthorGraphHandle>;
}

export function CoauthorGraph(props: CoauthorGraphProps) {
  const { data, visible, focus, ego, initialZoom, label, ref } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const engineRef = useRef<GraphEngine | null>(null);
  const callbacksRef = useRef<GraphCallbacks>(props);
  useEffect(() => {
    callbacksRef.current = props;
  });

  useEffect(() => {
    const engine = new GraphEngine(canvasRef.current!, {
      onHover: (i, at) => callbacksRef.current.onHover(i, at),
      onSelect: (i) => callbacksRef.current.onSelect(i),
      onZoomEnd: (t) => callbacksRef.current.onZoomEnd(t),
      onDraw: (ms, thinned) => callbacksRef.current.onDraw(ms, thinned),
    });
    engineRef.current = engine;
    const wrap = wrapRef.current!;
    const observer = new ResizeObserver(([entry]) => engine.resize(entry.contentRect.width, entry.contentRect.height));
    observer.observe(wrap);
    const rect = wrap.getBoundingClientRect();
    engine.resize(rect.width, rect.height);
    return () => {
      observer.disconnect();
      engine.destroy();
      engineRef.current = null;
    };
  }, []);

  useEffect(() => engineRef.current?.setData(data), [data]);
  useEffect(() => engineRef.current?.setVisible(visible), [visible, data]);
  useEffect(() => engineRef.current?.setEgo(focus, ego), [focus, ego]);

  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || !engineRef.current) return;
    applied.current = true;
    if (initialZoom) engineRef.current.zoomTo(initialZoom, true);
  }, [initialZoom, data]);

  useImperativeHandle(
    ref,
    () => ({
      flyTo: (i) => engineRef.current?.flyTo(i),
      reset: () => engineRef.current?.zoomTo(null),
    }),
    [],
  );

  function onKeyDown(event: React.KeyboardEvent<HTMLCanvasElement>) {
    const engine = engineRef.current;
    if (!engine) return;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => engine.nudge({ dx: 60 }),
      ArrowRight: () => engine.nudge({ dx: -60 }),
      ArrowUp: () => engine.nudge({ dy: 60 }),
      ArrowDown: () => engine.nudge({ dy: -60 }),
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
        onKeyDown={onKeyDown}
        data-testid="coauthor-graph-canvas"
      />
    </div>
  );
}
