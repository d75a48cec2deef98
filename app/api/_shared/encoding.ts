/**
 * Content negotiation for the binary payloads a route compresses itself (Next.js compresses only
 * the types it knows as text). Private folder (`_shared`): not a route.
 */
import type { MapPayloadEncoding } from '@/lib/store/read';

/** The best encoding an Accept-Encoding header allows: brotli, then gzip, else none. */
export function chooseEncoding(header: string | null): MapPayloadEncoding {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}
