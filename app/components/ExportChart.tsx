'use client';

import { useRef, type ReactNode } from 'react';

// Presentation properties copied from the live chart into the exported file, so colours that come
// from CSS variables and theme rules survive outside the page.
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

function backgroundColor(element: Element): string {
  const value = getComputedStyle(element).getPropertyValue('--bg-elevated').trim();
  return value || '#ffffff';
}

function triggerDownload(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A standalone SVG document of a chart on the page: computed styles inlined, a background of the
 * current theme, explicit pixel size. Returns the markup and its size.
 */
export function serializeSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const targets = [clone, ...Array.from(clone.querySelectorAll('*'))];
  sources.forEach((source, i) => {
    const target = targets[i];
    if (!(target instanceof SVGElement)) return;
    const computed = getComputedStyle(source);
    const inline = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', inline);
    target.removeAttribute('class');
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const viewBox = clone.viewBox.baseVal;
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('x', String(viewBox?.x ?? 0));
  bg.setAttribute('y', String(viewBox?.y ?? 0));
  bg.setAttribute('width', String(viewBox?.width || width));
  bg.setAttribute('height', String(viewBox?.height || height));
  bg.setAttribute('fill', backgroundColor(svg));
  clone.insertBefore(bg, clone.firstChild);
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
  return { markup, width, height };
}

/** Downloads an SVG chart as an .svg file. */
export function downloadSvg(svg: SVGSVGElement, filename: string): void {
  const { markup } = serializeSvg(svg);
  triggerDownload(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }), `${filename}.svg`);
}

/** Downloads an SVG chart or a canvas as a .png at twice its on-screen size (canvas: as drawn). */
export async function downloadPng(element: SVGSVGElement | HTMLCanvasElement, filename: string): Promise<void> {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  if (element instanceof HTMLCanvasElement) {
    canvas.width = element.width;
    canvas.height = element.height;
    ctx.fillStyle = backgroundColor(element);
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(element, 0, 0);
  } else {
    const { markup, width, height } = serializeSvg(element);
    const scale = 2;
    canvas.width = width * scale;
    canvas.height = height * scale;
    const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
    try {
      const image = new Image();
      image.decoding = 'async';
      await new Promise<void>((resolve, reject) => {
        image.onload = () => resolve();
        image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
        image.src = url;
      });
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) triggerDownload(blob, `${filename}.png`);
}

function findChart(root: HTMLElement | null): SVGSVGElement | HTMLCanvasElement | null {
  if (!root) return null;
  return (
    root.querySelector<SVGSVGElement>('svg[data-export]') ??
    root.querySelector<SVGSVGElement>('svg.chart') ??
    root.querySelector<HTMLCanvasElement>('canvas') ??
    root.querySelector<SVGSVGElement>('svg')
  );
}

/**
 * Wraps a chart with "SVG" and "PNG" download buttons. The chart is found inside the wrapper:
 * an `svg[data-export]`, else an `svg.chart`, else a `<canvas>` (PNG only), else any svg.
 * Use it around server-rendered SVG as well as client charts.
 */
export function ExportChart({
  filename,
  children,
  label = 'chart',
  canvas = false,
}: {
  /** File name without extension. */
  filename: string;
  children: ReactNode;
  /** What the chart shows, for the buttons' accessible names. */
  label?: string;
  /** The chart is a canvas: offer PNG only. */
  canvas?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const onSvg = () => {
    const chart = findChart(ref.current);
    if (chart instanceof SVGSVGElement) downloadSvg(chart, filename);
  };
  const onPng = () => {
    const chart = findChart(ref.current);
    if (chart) void downloadPng(chart, filename);
  };
  return (
    <div className="export-chart" ref={ref}>
      <div className="chart-toolbar">
        {!canvas && (
          <button type="button" className="btn btn-small" onClick={onSvg} aria-label={`Download ${label} as SVG`}>
            SVG
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={onPng} aria-label={`Download ${label} as PNG`}>
          PNG
        </button>
      </div>
      {children}
    </div>
  );
}
