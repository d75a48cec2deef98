/**
 * Reading page parameters (Next passes `params` and `searchParams` as Promises). Malformed values
 * never throw: they become undefined and the page shows its default view.
 */
import { z } from 'zod';

/** What Next hands a page as searchParams once awaited. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** The first value of a query parameter. */
export function firstParam(params: SearchParamsRecord, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

const idSchema = z.coerce.number().int().min(0).max(2_147_483_647);

/** A non-negative integer id from a route segment or query value, or undefined. */
export function parseId(value: string | undefined | null): number | undefined {
  if (value == null || !/^\d{1,10}$/.test(value.trim())) return undefined;
  const parsed = idSchema.safeParse(value.trim());
  return parsed.success ? parsed.data : undefined;
}

/** A number in [min, max], or undefined. */
export function parseNumberIn(value: string | undefined | null, min: number, max: number): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}
