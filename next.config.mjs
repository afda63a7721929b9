/** @type {import('next').NextConfig} */
const nextConfig = {
  // The console never advertises its framework, and never lets a page be served from a cache
  // shared between users (signed-in pages set their own no-store header in proxy.ts).
  poweredByHeader: false,
  // A self-contained server (.next/standalone/server.js with only the node_modules it needs) for
  // the container image; `next start` still serves the same build for development and the tests.
  output: "standalone",
  reactStrictMode: true,
  // The sandbox is a separate process with its own entry point; the console's build never bundles it.
  outputFileTracingExcludes: { "*": ["./sandbox/**", "./e2e/**", "./.data/**"] },
  // The database drivers load from node_modules at run time: PGlite reads its WASM and data files
  // beside its own module, which a bundle would break, and pg has optional native parts.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
};

export default nextConfig;
