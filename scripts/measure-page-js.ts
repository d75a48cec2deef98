/**
 * npx tsx scripts/measure-page-js.ts [NEXT_DIR] [ROUTE ...]
 * The JavaScript a first visit to each route loads, read from a production build's manifests
 * (Next 16 no longer prints sizes): the root main files, the layout's chunks and the page's own,
 * raw and gzipped (level 9), and the page's own chunks apart. NEXT_DIR defaults to .next, routes
 * to the topic and quality pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

const [dir = '.next', ...routes] = process.argv.slice(2);
const pages = routes.length > 0 ? routes : ['topics/[id]', 'quality', 'topics'];
const buildManifest = JSON.parse(fs.readFileSync(path.join(dir, 'build-manifest.json'), 'utf8')) as {
  rootMainFiles?: string[];
  polyfillFiles?: string[];
};
const root = [...(buildManifest.rootMainFiles ?? []), ...(buildManifest.polyfillFiles ?? [])];

function size(files: Iterable<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(dir, file));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
for (const page of pages) {
  const manifestFile = path.join(dir, 'server', 'app', page, 'page_client-reference-manifest.js');
  const context: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } =
    {};
  context.globalThis = context;
  vm.runInNewContext(fs.readFileSync(manifestFile, 'utf8'), context);
  const entries = Object.values(context.__RSC_MANIFEST ?? {})[0]?.entryJSFiles ?? {};
  const layout = entries['[project]/app/layout'] ?? [];
  const own = (entries[`[project]/app/${page}/page`] ?? []).filter(
    (f) => f.endsWith('.js') && !root.includes(f) && !layout.includes(f),
  );
  const all = new Set([...root, ...layout, ...own]);
  const total = size(all);
  const mine = size(own);
  process.stdout.write(
    `/${page}: ${kb(total.raw)} (${kb(total.gzip)} gzipped) in ${all.size} files; its own ${kb(mine.raw)} (${kb(mine.gzip)} gzipped)\n`,
  );
}
