'use client';
/**
 * The co-author graph on a <canvas>: the pipeline's layout, nodes sized by papers and coloured by
 * community, zoom and pan, hover names, click to pick an author, and their ego network highlighted.
 * D3 owns the canvas through GraphEngine: created on mount, updated on prop change, torn down on unmount.
 */
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Affine } from '@/lib/viz/map-scale';
import { GraphEngine, type GraphCallbacks, type GraphData } from './graph-engine';
import { useInitialZoom, useZoomCanvas } from './use-zoom-canvas';
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
  const callbacksRef = useRef<GraphCallbacks>(props);
  useEffect(() => {
    callbacksRef.current = props;
  });
  const { wrapRef, engineRef, canvasProps } = useZoomCanvas(
    (canvas) =>
      new GraphEngine(canvas, {
        onHover: (i, at) => callbacksRef.current.onHover(i, at),
        onSelect: (i) => callbacksRef.current.onSelect(i),
        onZoomEnd: (t) => callbacksRef.current.onZoomEnd(t),
        onDraw: (ms, thinned) => callbacksRef.current.onDraw(ms, thinned),
      }),
  );

  useEffect(() => engineRef.current?.setData(data), [engineRef, data]);
  useEffect(() => engineRef.current?.setVisible(visible), [engineRef, visible, data]);
  useEffect(() => engineRef.current?.setEgo(focus, ego), [engineRef, focus, ego]);

  useInitialZoom(engineRef, initialZoom, data);

  useImperativeHandle(
    ref,
    () => ({
      flyTo: (i) => engineRef.current?.flyTo(i),
      reset: () => engineRef.current?.zoomTo(null),
    }),
    [engineRef],
  );

  return (
    <div ref={wrapRef} className={styles.mapCanvasWrap}>
      <canvas {...canvasProps} aria-label={label} data-testid="coauthor-graph-canvas" />
    </div>
  );
}
