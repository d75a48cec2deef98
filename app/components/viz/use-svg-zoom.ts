'use client';
/** D3 zoom and pan on an <svg>: the current transform as React state, and a reset. */
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface SvgZoom {
  ref: React.RefObject<SVGSVGElement | null>;
  t: { k: number; x: number; y: number };
  reset: () => void;
}

export function useSvgZoom(maxScale = 40): SvgZoom {
  const ref = useRef<SVGSVGElement>(null);
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [t, setT] = useState({ k: 1, x: 0, y: 0 });
  useEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const b = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.5, maxScale])
      .on('zoom', (event: { transform: { k: number; x: number; y: number } }) => {
        const z = event.transform;
        setT({ k: z.k, x: z.x, y: z.y });
      });
    behavior.current = b;
    select(svg).call(b).on('dblclick.zoom', null);
    return () => {
      select(svg).on('.zoom', null);
    };
  }, [maxScale]);
  const reset = useCallback(() => {
    const svg = ref.current;
    if (svg && behavior.current) select(svg).call(behavior.current.transform, zoomIdentity);
  }, []);
  return { ref, t, reset };
}
