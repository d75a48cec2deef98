/**
 * GET /api/map/points: every mapped paper as one binary payload (see lib/viz/point-payload.ts),
 * ~18 bytes a point. An ETag from the build id and the payload's version lets the browser reuse it
 * until either changes.
 */
import { readBuildInfo, readMapPoints } from '@/lib/store/read';
import { encodeMapPoints, MAP_PAYLOAD_VERSION } from '@/lib/viz/point-payload';
import { answer } from '../../_shared/respond';

export function GET(request: Request): Response {
  return answer(() => {
    const points = readMapPoints();
    const build = readBuildInfo();
    const etag = `"map-v${MAP_PAYLOAD_VERSION}-${build.buildId ?? 'dev'}-${build.builtAt ?? ''}-${points.ids.length}"`;
    if (request.headers.get('if-none-match') === etag) {
      return new Response(null, { status: 304, headers: { ETag: etag } });
    }
    return new Response(encodeMapPoints(points), {
      headers: {
        'Content-Type': 'application/octet-stream',
        'Cache-Control': 'private, no-cache',
        ETag: etag,
        'X-Point-Count': String(points.ids.length),
      },
    });
  });
}
