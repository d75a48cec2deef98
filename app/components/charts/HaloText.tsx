/**
 * An SVG label with a halo: the text drawn over a stroke of the background colour, so a name stays
 * legible where it crosses lines and discs (the maps of communities and co-occurrence, the
 * historiograph). Centred on (x, y) in the house font unless told otherwise; other SVG text
 * attributes pass through.
 */
import type { SVGProps } from 'react';

export const LABEL_FONT_FAMILY = "'DejaVu Sans', system-ui, sans-serif";

export function HaloText({ children, ...props }: SVGProps<SVGTextElement>) {
  return (
    <text
      textAnchor="middle"
      dominantBaseline="middle"
      fontFamily={LABEL_FONT_FAMILY}
      fill="var(--fg, #16191f)"
      stroke="var(--bg-elevated, #fff)"
      strokeWidth={3}
      paintOrder="stroke"
      {...props}
    >
      {children}
    </text>
  );
}
