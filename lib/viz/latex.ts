/**
 * Cutting an abstract into plain text and LaTeX math: `$$…$$` and `\[…\]` (display), `\(…\)` and
 * `$…$` (inline). A `$` pair only counts as math when it hugs its content (`$x$`, not `$5 and $`),
 * so prices and stray dollars stay text. Pure.
 */

export type LatexSegment = { kind: 'text'; value: string } | { kind: 'math'; value: string; display: boolean };

const MAX_MATH = 1000;

// Alternatives in priority order; `\$` is an escaped dollar and stays text.
const PATTERN =
  /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<![\\$])\$(?=[^\s$])((?:\\.|[^$\\\n])+?)(?<=[^\s\\])\$(?!\d)/g;

/** Splits text into plain and math segments, in order. */
export function splitLatex(text: string): LatexSegment[] {
  const segments: LatexSegment[] = [];
  let last = 0;
  const pushText = (value: string) => {
    if (!value) return;
    const previous = segments[segments.length - 1];
    if (previous && previous.kind === 'text') previous.value += value;
    else segments.push({ kind: 'text', value });
  };
  for (const m of text.matchAll(PATTERN)) {
    const start = m.index ?? 0;
    const body = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    if (!body.trim() || body.length > MAX_MATH) continue;
    pushText(text.slice(last, start));
    segments.push({ kind: 'math', value: body.trim(), display: m[1] !== undefined || m[2] !== undefined });
    last = start + m[0].length;
  }
  pushText(text.slice(last));
  return segments;
}
