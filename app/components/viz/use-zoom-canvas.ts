/**
 * The React side of a ZoomCanvas engine (TopicMap, CoauthorGraph): create it on mount over the
 * component's <canvas>, keep it sized to its wrapper, tear it down on unmount, apply the URL's zoom
 * once, and move the view with the keyboard.
 */
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { Affine } from '@/lib/viz/map-scale';
import type { ZoomControl } from './zoom-canvas';
import styles from './viz.module.css';

/** Pixels an arrow key pans by, and the factor + and − zoom by. */
const KEY_PAN = 60;
const KEY_ZOOM = 1.5;

/** What a key does to the view: arrows pan, + (or =) and − zoom, 0 resets; null for other keys. */
export function zoomKeyAction(key: string, engine: ZoomControl): (() => void) | null {
  switch (key) {
    case 'ArrowLeft':
      return () => engine.nudge({ dx: KEY_PAN });
    case 'ArrowRight':
      return () => engine.nudge({ dx: -KEY_PAN });
    case 'ArrowUp':
      return () => engine.nudge({ dy: KEY_PAN });
    case 'ArrowDown':
      return () => engine.nudge({ dy: -KEY_PAN });
    case '+':
    case '=':
      return () => engine.nudge({ scale: KEY_ZOOM });
    case '-':
      return () => engine.nudge({ scale: 1 / KEY_ZOOM });
    case '0':
      return () => engine.zoomTo(null);
    default:
      return null;
  }
}

/**
 * Creates the engine with `create` on mount (called once) and sizes it to `wrapRef`'s element.
 * Returns the wrapper's ref, the engine's ref, and the props of a focusable canvas that takes the
 * view keys (spread them on the <canvas>, then add its label).
 */
export function useZoomCanvas<E extends ZoomControl>(create: (canvas: HTMLCanvasElement) => E) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const engineRef = useRef<E | null>(null);
  const createRef = useRef(create);

  useEffect(() => {
    const wrap = wrapRef.current!;
    const engine = createRef.current(canvasRef.current!);
    engineRef.current = engine;
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

  function onKeyDown(event: KeyboardEvent<HTMLCanvasElement>) {
    const engine = engineRef.current;
    const action = engine && zoomKeyAction(event.key, engine);
    if (action) {
      event.preventDefault();
      action();
    }
  }

  const canvasProps = { ref: canvasRef, className: styles.mapCanvas, tabIndex: 0, role: 'img', onKeyDown };
  return { wrapRef, engineRef, canvasProps };
}

/**
 * The URL's zoom applies once, when the data first arrives (after the engine has fitted it);
 * later zooms come from the user. Call after the effects that hand the engine its data.
 */
export function useInitialZoom(
  engineRef: RefObject<ZoomControl | null>,
  initialZoom: Affine | null,
  data: unknown,
): void {
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || !engineRef.current) return;
    applied.current = true;
    if (initialZoom) engineRef.current.zoomTo(initialZoom, true);
  }, [engineRef, initialZoom, data]);
}
