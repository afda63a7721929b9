#!/usr/bin/env node
// `npm start`: builds the console if its build is missing or older than the sources, starts the
// embedded sandbox unless WINK_API_URL points at a real Wink, starts the console wired to it, and
// prints where to open it. `npm run dev` does the same with `next dev` and no build.
//
// The console's database (PostgreSQL at DATABASE_URL, or the embedded PGlite under .data/) is
// migrated before either server starts; a failed migration stops start-up, naming the file.
//
// Both servers run in their own process groups so that stopping this script (Ctrl-C, SIGTERM)
// stops them and their children too; `next start` runs next-server as a grandchild.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
process.chdir(root);
nextEnv.loadEnvConfig(root, dev);

const consolePort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const embedded = !process.env.WINK_API_URL;
const consoleUrl = `http://localhost:${consolePort}`;
const children = [];

function log(message) {
  process.stdout.write(`[start] ${message}\n`);
}

/** The newest modification time under the given paths, skipping dependencies and build output. */
function newestSourceMtime(paths) {
  let newest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const stats = statSync(entry);
    if (stats.isDirectory()) {
      for (const name of readdirSync(entry)) {
        if (name === "node_modules" || name.startsWith(".")) continue;
        visit(path.join(entry, name));
      }
    } else if (!/\.test\.tsx?$/.test(entry)) {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

function buildIsCurrent() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = [
    "app",
    "components",
    "lib",
    "public",
    "proxy.ts",
    "next.config.mjs",
    "postcss.config.mjs",
    "package-lock.json",
  ];
  return statSync(buildId).mtimeMs >= newestSourceMtime(sources.map((p) => path.join(root, p)));
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

function startServer(name, command, args, env) {
  const child = spawn(command, args, { stdio: "inherit", env, detached: true });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    log(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the other server.`);
    stop(code ?? 1);
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  // The timer below is unref'd: with no child left the process ends before it fires, and must
  // still end with this code (a failed migration is exit 1, not 0).
  process.exitCode = code;
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

async function waitFor(url, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * The embedded setup needs a session signing key. It is generated once and kept in .data/ (which
 * git ignores), so sessions survive a restart. A deployment sets AUTH_SECRET itself.
 */
function embeddedAuthSecret() {
  const file = path.join(root, ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  const env = { ...process.env };
  if (embedded) {
    env.SANDBOX_URL ??= `http://localhost:${sandboxPort}`;
    env.SANDBOX_CONSOLE_URLS ??= consoleUrl;
    env.AUTH_SECRET ??= embeddedAuthSecret();
    // The one address the sandbox's identity provider accepts for the console (its redirect URIs
    // are SANDBOX_CONSOLE_URLS), so the console's public origin too. A deployment sets AUTH_URL,
    // or AUTH_TRUST_HOST=true behind a proxy, itself (README, "Behind a reverse proxy").
    env.AUTH_URL ??= consoleUrl;
  }
  // The console runs on closed networks too: no usage reports to Next.js.
  env.NEXT_TELEMETRY_DISABLED ??= "1";

  log(
    env.DATABASE_URL || env.DATABASE_URL_FILE
      ? "Migrating the console's database (DATABASE_URL) …"
      : "Migrating the console's embedded database (.data/console-db) …",
  );
  await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/migrate.ts"],
    env,
  ).catch(() => {
    throw new Error("The database migration failed (see above); the console was not started.");
  });

  if (!dev && !buildIsCurrent()) {
    log("Building the console (first start or sources changed)…");
    await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
  }

  if (embedded) {
    log(`Starting the Wink sandbox on http://localhost:${sandboxPort} …`);
    startServer(
      "sandbox",
      process.execPath,
      ["--import", "tsx", "sandbox/main.ts", "--port", String(sandboxPort)],
      env,
    );
    await waitFor(`${env.SANDBOX_URL}/.well-known/openid-configuration`, "The sandbox");
  } else {
    log(`Using Wink at ${process.env.WINK_API_URL} (no sandbox started).`);
  }

  log(`Starting the console on ${consoleUrl} …`);
  startServer(
    "console",
    process.execPath,
    ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", String(consolePort)],
    env,
  );
  await waitFor(`${consoleUrl}/api/health`, "The console", dev ? 120_000 : 60_000);

  log("");
  log(`The console is ready: open ${consoleUrl}`);
  if (embedded) {
    log("Sign in through the sandbox's identity provider (password for every account: sandbox):");
    log("  admin@sandbox.test     an admin: reads and changes applications");
    log("  viewer@sandbox.test    a viewer: reads only");
    log("  stranger@outside.test  on neither list: sees the no-access page");
  }
  log("Press Ctrl-C to stop.");
}

main().catch((error) => {
  process.stderr.write(`[start] ${error.message}\n`);
  stop(1);
});
