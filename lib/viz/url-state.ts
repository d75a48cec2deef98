/**
 * The one way to read and write URL state. A view declares its query as a zod object of fields
 * built here; readQuery reads it leniently (a malformed field falls back to its default, so a
 * hand-edited URL never breaks a page), validateQuery strictly (an API route answers 400 naming
 * the field). writeQuery writes keys in the order given and leaves empty values out, so a view's
 * parse(format(s)) round-trips. Each view keeps its schema beside its state (map-state.ts,
 * trends-state.ts, graph-state.ts, citation-view.ts, search-state.ts), and pages read route ids here.
 */
import { z } from 'zod';
import type { Affine } from './map-scale';
import type { Point } from './lasso';

/** What Next.js hands a page as `searchParams` once awaited. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** A page's `searchParams`, or a URLSearchParams. */
export type QueryInput = URLSearchParams | SearchParamsRecord;

/** The first value of a query parameter, or undefined. */
export function firstParam(input: QueryInput, key: string): string | undefined {
  if (input instanceof URLSearchParams) return input.get(key) ?? undefined;
  const value = input[key];
  return Array.isArray(value) ? value[0] : value;
}

/** The keys a query schema reads, each its first value: what zod parses. */
export function pickParams<K extends string>(input: QueryInput, keys: readonly K[]): Record<K, string | undefined> {
  const out = {} as Record<K, string | undefined>;
  for (const key of keys) out[key] = firstParam(input, key);
  return out;
}

type QueryShape = Record<string, z.ZodType>;

/** Reads a view's query with lenient fields (each with its own fallback): never throws. */
export function readQuery<S extends QueryShape>(shape: S, input: QueryInput): { [K in keyof S]: z.output<S[K]> } {
  return z.object(shape).parse(pickParams(input, Object.keys(shape))) as { [K in keyof S]: z.output<S[K]> };
}

/** Validates a query with strict fields; the error names each bad field in words. */
export function validateQuery<T>(
  schema: z.ZodType<T, Record<string, string | undefined>>,
  keys: readonly string[],
  input: QueryInput,
): { ok: true; query: T } | { ok: false; error: string } {
  const parsed = schema.safeParse(pickParams(input, keys));
  if (parsed.success) return { ok: true, query: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'} ${issue.message}`).join('; '),
  };
}

/**
 * A query string from key/value pairs in order; null and empty values are left out. Commas and
 * semicolons are safe in a query: keeping them readable makes shared URLs legible.
 */
export function writeQuery(entries: [string, string | number | null | undefined][]): string {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value != null && value !== '') params.set(key, String(value));
  return params.toString().replace(/%2C/gi, ',').replace(/%3B/gi, ';');
}

// ------------------------------------------------------------------ lenient fields (views)

const ID_MAX = 2_147_483_647;
const digits = z.string().regex(/^\d{1,10}$/);

/** A non-negative integer id (at most 2^31 − 1), or null. */
export const idField = digits.transform(Number).pipe(z.number().max(ID_MAX)).nullable().catch(null);

/** A four-digit year, or null. */
export const yearField = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .nullable()
  .catch(null);

/** One value of a fixed set, or the fallback. */
export function choiceField<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.enum(values).catch(fallback);
}

/** A comma-separated set of ids, sorted, without repeats or junk, at most `max` of them. */
export function idListField(max = 500) {
  return z
    .string()
    .catch('')
    .transform((text) => {
      const out: number[] = [];
      for (const part of text ? text.split(',') : []) {
        const id = idField.parse(part.trim());
        if (id === null) continue;
        if (!out.includes(id)) out.push(id);
        if (out.length >= max) break;
      }
      return out.sort((a, b) => a - b);
    });
}

/** The ids of an idListField, sorted; null when empty. */
export function formatIdList(ids: readonly number[]): string | null {
  return ids.length ? [...ids].sort((a, b) => a - b).join(',') : null;
}

/** `2019` or `2019-2022` (either order) as an inclusive range, or null. */
export const yearRangeField = z
  .string()
  .regex(/^\d{4}(-\d{4})?$/)
  .transform((text): [number, number] => {
    const [a, b = a] = text.split('-').map(Number);
    return a <= b ? [a, b] : [b, a];
  })
  .nullable()
  .catch(null);

/** A year range as a yearRangeField reads it; null for all years. */
export function formatYearRange(years: readonly [number, number] | null): string | null {
  if (!years) return null;
  return years[0] === years[1] ? String(years[0]) : `${years[0]}-${years[1]}`;
}

const finite = z.number().refine(Number.isFinite);

/** A d3-zoom transform `k,x,y` (0 < k ≤ 10⁴), or null. */
export const zoomField = z
  .string()
  .transform((text) => text.split(',').map(Number))
  .pipe(z.tuple([finite.refine((k) => k > 0 && k <= 1e4), finite, finite]))
  .transform(([k, x, y]): Affine => ({ k, x, y }))
  .nullable()
  .catch(null);

/** Rounds for short, stable URLs. */
function round(value: number, digits = 4): string {
  return String(Number(value.toFixed(digits)));
}

/** A zoom transform as zoomField reads it, rounded. */
export function formatZoom(z: Affine): string {
  return `${round(z.k, 3)},${round(z.x, 1)},${round(z.y, 1)}`;
}

const pointField = z
  .string()
  .transform((pair) => pair.split(',').map(Number))
  .pipe(z.tuple([finite, finite], z.number().or(z.nan())))
  .transform(([x, y]): Point => [x, y]);

/** A polygon `x,y;x,y;…` of 3 to 200 points in data coordinates, or null. */
export const polygonField = z
  .string()
  .transform((text) => text.split(';').slice(0, 200))
  .pipe(z.array(pointField).min(3))
  .nullable()
  .catch(null);

/** A polygon as polygonField reads it, rounded. */
export function formatPolygon(points: readonly Point[]): string {
  return points.map(([x, y]) => `${round(x)},${round(y)}`).join(';');
}

// ------------------------------------------------------------------ strict fields (API routes)

/** Optional text of at most `max` characters, trimmed; empty is undefined. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .optional()
    .transform((v) => (v ? v : undefined));
}

/** An optional whole number in [min, max]; empty is undefined, anything else an error. */
export function optionalInt(min: number, max: number) {
  return z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v == null || v === '') return undefined;
      if (!/^-?\d{1,10}$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'must be a whole number' });
        return z.NEVER;
      }
      const n = Number(v);
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}` });
        return z.NEVER;
      }
      return n;
    });
}

// ------------------------------------------------------------------ route segments

/** A non-negative integer id from a route segment or query value (spaces around it allowed), or undefined. */
export function parseRouteId(value: string | undefined | null): number | undefined {
  return idField.parse(value?.trim()) ?? undefined;
}

/** A number in [min, max], or undefined. */
export function parseNumberIn(value: string | undefined | null, min: number, max: number): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}
