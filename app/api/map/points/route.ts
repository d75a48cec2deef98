/**
 * GET /api/map/points: every mapped paper as one binary payload (see lib/viz/point-payload.ts),
 * 14 bytes a point. With `?encoding=gzip` the body is that payload gzipped (~4.7 bytes a point at
 * 75k), sent as application/gzip for the page to inflate with DecompressionStream: Next.js drops a
 * route's own Content-Encoding header and compresses only the types it knows as text, so HTTP
 * compression would leave these bytes raw. An ETag from the build id, the payload's version and the
 * encoding lets the browser reuse it until one changes.
 */
import { z } from 'zod';
import { readBuildInfo, readMapMeta, readMapPayload } from '@/lib/store/read';
import { MAP_PAYLOAD_VERSION } from '@/lib/viz/point-payload';
import { answer, parseQuery } from '../../_shared/respond';

const Query = z.object({ encoding: z.enum(['gzip', 'identity']).default('identity') });

export function GET(request: Request): Response {
  const query = parseQuery(request, Query);
  if (!query.ok) return query.response;
  const { encoding } = query.data;
  return answer(() => {
    const papers = readMapMeta().papers;
    const build = readBuildInfo();
    const etag = `"map-v${MAP_PAYLOAD_VERSION}-${encoding}-${build.buildId ?? 'dev'}-${build.builtAt ?? ''}-${papers}"`;
    if (request.headers.get('if-none-match') === etag) {
      return new Response(null, { status: 304, headers: { ETag: etag } });
    }
    return new Response(readMapPayload(encoding), {
      headers: {
        'Content-Type': encoding === 'gzip' ? 'application/gzip' : 'application/octet-stream',
        'Cache-Control': 'private, no-cache',
        ETag: etag,
        'X-Point-Count': String(papers),
      },
    });
  });
}
