/**
 * How the JSON API answers: `{ error }` with 400 on bad input, 404 for unknown ids, 503 when there
 * is no usable build; never a stack trace. Private folder (`_shared`): not a route.
 */
import { isBuildUnavailable } from '@/lib/store/read';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** A JSON error response. */
export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: NO_STORE });
}

/** A JSON success response; the build can change under a running server, so nothing is cached. */
export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: NO_STORE });
}

/**
 * Runs a handler body; a missing or outdated build becomes a 503 with the explanation, any other
 * failure a 500 with a generic message (the details go to the server log only).
 */
export function answer(handler: () => Response): Response {
  try {
    return handler();
  } catch (error) {
    if (isBuildUnavailable(error)) {
      return jsonError(503, error.message, { reason: error.reason });
    }
    console.error(error);
    return jsonError(500, 'Internal error while reading the build.');
  }
}
