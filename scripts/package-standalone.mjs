/**
 * Completes `next build`'s standalone output (.next/standalone) into a directory that runs on its
 * own, as the container image does (`node server.js`):
 *   - the browser's files: .next/static (and public/, if there is one), which Next.js leaves out;
 *   - the migration command: scripts/migrate.mjs, scripts/migrate.ts bundled with esbuild, beside
 *     the SQL files in scripts/migrations/, so the image migrates with `node scripts/migrate.mjs`
 *     and needs neither tsx nor the sources. The database drivers stay external: they are in the
 *     standalone node_modules, and PGlite loads its WASM files from beside its own module;
 *   - the secret-age report: scripts/report-secrets.mjs, bundled the same way, for the CronJob
 *     (`node scripts/report-secrets.mjs`).
 *
 * `npm run build` runs it after `next build`; running it again replaces what it wrote.
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const standalone = path.join(root, ".next", "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error("[standalone] .next/standalone/server.js is missing: run `next build` first.");
  process.exit(1);
}

const copy = (from, to) => {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
};
copy(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"));
if (existsSync(path.join(root, "public")))
  copy(path.join(root, "public"), path.join(standalone, "public"));

const scripts = path.join(standalone, "scripts");
copy(path.join(root, "lib", "db", "migrations"), path.join(scripts, "migrations"));
for (const name of ["migrate", "report-secrets"]) await bundle(name);

/** scripts/NAME.ts into scripts/NAME.mjs of the standalone output. */
async function bundle(name) {
  await build({
    entryPoints: [path.join(root, "scripts", `${name}.ts`)],
    outfile: path.join(scripts, `${name}.mjs`),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // lib/db is fenced with `server-only`, which resolves to an empty module under this condition.
    conditions: ["react-server"],
    alias: { "@": root },
    external: ["@electric-sql/pglite", "pg"],
    // Bundled CommonJS dependencies call require() and read __dirname, which ES modules lack.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        "const require = __createRequire(import.meta.url);",
        "const __filename = __fileURLToPath(import.meta.url);",
        "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
      ].join(" "),
    },
    logLevel: "warning",
  });
}
console.log(
  "[standalone] .next/standalone is ready: node server.js, node scripts/migrate.mjs, node scripts/report-secrets.mjs",
);
