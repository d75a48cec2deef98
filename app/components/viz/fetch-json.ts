/**
 * The client's one way to read the JSON API: the parsed body, or an Error carrying the route's own
 * `{ error }` message (a 400 says which parameter and why). Abortable, for requests a newer one replaces.
 */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? response.statusText);
  return body;
}
