/**
 * How every JSON route answers: query and body validation with zod, `{ error }` with 400 on bad
 * input (the message says which parameter and why), 404 for unknown ids, 503 with the reason and how
 * to make a build when there is none, a bare 500 otherwise; never a stack trace, never cached (the
 * build can change under a running server). Private folder (`_shared`): not a route.
 */
import type { z } from 'zod';
import { describeBuildProblem, isBuildUnavailable } from '@/lib/store/read';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** A JSON error response. */
export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: NO_STORE });
}

/** A JSON success response. */
export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: NO_STORE });
}

/** Zod's issues as one line: `size: must be at most 100; q: required`. */
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
): { ok: true; data: z.infer<S> } | { ok: false; response: Response } {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const result = schema.safeParse(params);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, response: jsonError(400, `Bad request: ${describeIssues(result.error)}`) };
}

/** Validates a JSON body; a 400 response when it is not JSON or does not fit. */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
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

/**
 * Runs a handler body; a missing or outdated build becomes a 503 with the explanation and its
 * reason, any other failure a 500 with a generic message (the details go to the server log only).
 */
export function answer(handler: () => Response): Response {
  try {
    return handler();
  } catch (error) {
    if (isBuildUnavailable(error)) {
      const problem = describeBuildProblem(error);
      return jsonError(503, problem.message, { reason: problem.reason });
    }
    console.error(error);
    return jsonError(500, 'Internal error while reading the build.');
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
