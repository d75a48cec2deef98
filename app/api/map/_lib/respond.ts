/**
 * Shared by the map, graph and trends route handlers: query validation with zod, a 400 with a
 * readable `{ error }`, a 503 when there is no build, and never a stack trace in a response.
 */
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { describeBuildProblem, isBuildUnavailable } from '@/lib/store/read';

/** A 400/404/503 answer with a message a user can act on. */
export function jsonError(status: number, error: string): NextResponse {
  return NextResponse.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Validates the query string of `request` against `schema`; a 400 response when it does not fit. */
export function parseQuery<S extends z.ZodType>(
  request: Request,
  schema: S,
): { ok: true; data: z.infer<S> } | { ok: false; response: NextResponse } {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const result = schema.safeParse(params);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, response: jsonError(400, `Bad request: ${describeIssues(result.error)}`) };
}

/** Validates a JSON body; a 400 response when it is not JSON or does not fit. */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: NextResponse }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: jsonError(400, 'Bad request: the body is not JSON') };
  }
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, response: jsonError(400, `Bad request: ${describeIssues(result.error)}`) };
}

/** Runs a read: no build → 503 with how to make one; any other failure → a bare 500. */
export function answer(read: () => Response): Response {
  try {
    return read();
  } catch (error) {
    if (isBuildUnavailable(error)) return jsonError(503, describeBuildProblem(error).message);
    console.error(error);
    return jsonError(500, 'Internal error while reading the build');
  }
}

/** Comma-separated positive integers ("1,2,3"), at most `max` of them. */
export function idListParam(max: number) {
  return (value: string): number[] | null => {
    const parts = value.split(',').filter(Boolean);
    if (parts.length === 0 || parts.length > max || parts.some((p) => !/^\d{1,9}$/.test(p))) return null;
    return [...new Set(parts.map(Number))];
  };
}
