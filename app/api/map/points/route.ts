/**
 * GET /api/map/points: every mapped paper as one binary payload (see lib/viz/point-payload.ts),
 * ~11 bytes a point, sent brotli- or gzip-compressed when the client accepts it (~4.7 bytes a
 * point on the wire; Next.js compresses only the types it knows as text). An ETag from the build
 * id and the payload's version lets the browser reuse it until either changes.
 */
import { readBuildInfo, readMapMeta, readMapPayload } from '@/lib/store/read';
import { MAP_PAYLOAD_VERSION } from '@/lib/viz/point-payload';
import { chooseEncoding } from '../../_shared/encoding';
import { answer } from '../../_shared/respond';

export function GET(request: Request): Response {
  return answer(() => {
    const papers = readMapMeta().papers;
    const build = readBuildInfo();
    const etag = `"map-v${MAP_PAYLOAD_VERSION}-${build.buildId ?? 'dev'}-${build.builtAt ?? ''}-${papers}"`;
    if (request.headers.get('if-none-match') === etag) {
      return new Response(null, { status: 304, headers: { ETag: etag, Vary: 'Accept-Encoding' } });
    }
    const encoding = chooseEncoding(request.headers.get('accept-encoding'));
    const body = readMapPayload(encoding);
    const headers: Record<string, string> = {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'private, no-cache',
      ETag: etag,
      Vary: 'Accept-Encoding',
      'X-Point-Count': String(papers),
    };
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    return new Response(body, { headers });
  });
}
