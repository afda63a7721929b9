// The bench's machine and servers: the sandbox and production consoles it starts, the environment
// they run in, and the scripts it runs beside them.

import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startGroup } from "./processes.mjs";

export function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model?.trim() ?? "unknown CPU",
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadBefore: os.loadavg()[0],
  };
}

/** Runs a command to its end in `root`; rejects on a non-zero exit. */
export function run(root, command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/** Runs a TypeScript measuring script under the react-server condition; its stdout's JSON. */
export async function tsScript(root, script, args, env) {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", script, ...args],
    { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] },
  );
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  const code = await new Promise((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return JSON.parse(stdout.trim().split("\n").at(-1));
}

/** The newest modification time of the console's sources, to warn about a stale build. */
export function newestSourceMtime(root) {
  let newest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const stats = statSync(entry);
    if (!stats.isDirectory()) newest = Math.max(newest, stats.mtimeMs);
    else for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  for (const name of ["app", "components", "lib", "proxy.ts", "next.config.mjs"]) {
    visit(path.join(root, name));
  }
  return newest;
}

/** The environment of the embedded setup, whatever the caller's shell or .env.local says. */
export function serverEnv({ authSecret, sandboxUrl, consoleUrls }) {
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  // Empty means unset for the console: never point a bench at a real Wink or identity provider.
  for (const name of [
    "WINK_API_URL",
    "WINK_TOKEN_URL",
    "WINK_CLIENT_ID",
    "WINK_CLIENT_SECRET",
    "WINK_MANAGING_ENTITY_ID",
    "AUTH_OIDC_ISSUER",
    "AUTH_OIDC_CLIENT_ID",
    "AUTH_OIDC_CLIENT_SECRET",
  ]) {
    env[name] = "";
  }
  env.SANDBOX_URL = sandboxUrl;
  env.SANDBOX_CONSOLE_URLS = consoleUrls.join(",");
  env.AUTH_SECRET = authSecret;
  env.AUTH_TRUST_HOST = "true";
  return env;
}

/** The sandbox with its test controls, in memory, in its own process group. */
export function startSandbox({ root, env, port, workDir }) {
  return startGroup(
    "sandbox",
    process.execPath,
    ["--import", "tsx", "sandbox/main.ts", "--memory", "--controls", "--port", String(port)],
    { cwd: root, env, logFile: path.join(workDir, "sandbox.log") },
  );
}

/**
 * A production console (`next start`) on `port`, with its own embedded database (PGlite serves
 * one process per directory), migrated first as `npm start` does: every signed-in request reads
 * its revoked sessions.
 */
export function startConsole({ root, env, port, workDir }) {
  const node = `"${process.execPath}"`;
  return startGroup(
    `console :${port}`,
    "sh",
    [
      "-c",
      `${node} --conditions=react-server --import tsx scripts/migrate.ts && exec ${node} node_modules/next/dist/bin/next start -p ${port}`,
    ],
    {
      cwd: root,
      env: { ...env, CONSOLE_DATA_DIR: path.join(workDir, `console-db-${port}`) },
      logFile: path.join(workDir, `console-${port}.log`),
    },
  );
}
