import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { E2E } from "./ports";

/**
 * A console started the way the container image starts it: `node server.js` from the standalone
 * build (scripts/package-standalone.mjs), migrated first with the bundled `scripts/migrate.mjs`.
 * Wired to the e2e sandbox, on its own port and its own embedded database, so a test may stop it.
 */

export const AUTH_SECRET = "e2e-session-signing-key-0123456789abcdef";
const standalone = path.join(process.cwd(), ".next", "standalone");

export interface ConsoleProcess {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawning the process to the first 200 from /api/health. */
  coldStartMs: number;
  /** Everything the process printed, for assertions on its log lines. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

export async function startConsoleProcess(
  env: Record<string, string> = {},
  port = E2E.processConsolePort,
): Promise<ConsoleProcess> {
  // `npm run build` prepares the directory; a bare `next build` leaves it without its static files.
  if (!existsSync(path.join(standalone, "scripts", "migrate.mjs"))) {
    execFileSync("node", ["scripts/package-standalone.mjs"], { stdio: "inherit" });
  }
  const dataDir = path.join(process.cwd(), ".data", "e2e", `process-console-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  const settings = {
    ...process.env,
    CONSOLE_DATA_DIR: dataDir,
    SANDBOX_URL: E2E.sandboxUrl,
    AUTH_SECRET,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    ...env,
  };
  execFileSync("node", [path.join(standalone, "scripts", "migrate.mjs")], {
    env: settings,
    stdio: "pipe",
  });

  let output = "";
  const startedAt = performance.now();
  const child = spawn("node", [path.join(standalone, "server.js")], {
    env: settings,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal, at: performance.now() })),
  );

  const url = `http://localhost:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console exited at start:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const coldStartMs = Math.round(performance.now() - startedAt);
  return { url, child, coldStartMs, output: () => output, exited };
}
