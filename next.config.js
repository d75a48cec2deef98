/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate output folders let several servers (tests, benchmarks) run side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
