// The list page at two list sizes: the HTML's bytes on the wire (gzip, as a browser asks for
// them), and the server's time for the page and for the route handler's first page (a fresh read
// of Wink's list, then a view change answered from the process's copy). Figures, never
// assertions: the bench compares them within one run.
//
// In the bench: `await phase("list", results, () => measureListSizes({ sandbox, consoleUrl, cookie }))`
// before the scale phase (which seeds 10,000 itself). On its own, against a production build:
//   node --import tsx scripts/bench/list-page.mjs   starts a sandbox and a console (ports 4290, 3290),
//                                           prints the figures and the list page's weight as JSON

import { randomBytes } from "node:crypto";
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, measureWeight, signIn } from "./browser.mjs";
import { consoleUrls } from "./phases.mjs";
import { startGroup, stopAllGroups, waitForUrl } from "./processes.mjs";
import { ENTITY_ID, Sandbox } from "./sandbox.mjs";
import { median, round } from "./stats.mjs";

/** One GET with the session: status, bytes on the wire (compressed as sent), milliseconds. */
function get(url, cookie) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(
      url,
      { headers: { Cookie: cookie, "Accept-Encoding": "gzip", Accept: "text/html,*/*" } },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk) => (bytes += chunk.length));
        response.on("end", () =>
          resolve({
            status: response.statusCode,
            bytes,
            encoding: response.headers["content-encoding"] ?? "identity",
            ms: performance.now() - started,
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.setTimeout(60_000, () => request.destroy(new Error(`no answer from ${url}`)));
  });
}

async function sampled(url, cookie, samples) {
  await get(url, cookie); // warm-up: compiled routes, the token, the record's copy
  const runs = [];
  for (let i = 0; i < samples; i += 1) runs.push(await get(url, cookie));
  if (runs.some((run) => run.status !== 200)) {
    throw new Error(`${url}: HTTP ${runs.map((run) => run.status).join(",")}`);
  }
  return {
    bytes: median(runs.map((run) => run.bytes)),
    encoding: runs[0].encoding,
    ms: round(median(runs.map((run) => run.ms))),
  };
}

/**
 * For each size (the sandbox is seeded up to it; it never shrinks): the list page's HTML bytes and
 * server time, and the route handler's first page, fresh from Wink and from the copy.
 */
export async function measureListSizes({
  sandbox,
  consoleUrl,
  cookie,
  sizes = [100, 10_000],
  samples = 5,
}) {
  const urls = consoleUrls(consoleUrl);
  const api = `${consoleUrl}/api/entities/${ENTITY_ID}/applications`;
  const bySize = {};
  for (const size of sizes) {
    const count = await sandbox.countApplications();
    if (count < size) await sandbox.seed(size - count);
    const applications = await sandbox.countApplications();
    const html = await sampled(urls.page, cookie, samples);
    const fresh = await sampled(api, cookie, samples);
    const fromCopy = await sampled(`${api}?q=app&cached=1`, cookie, samples);
    bySize[size] = {
      applications,
      htmlBytes: html.bytes,
      htmlEncoding: html.encoding,
      pageMs: html.ms,
      routeFirstPageMs: fresh.ms,
      routeViewChangeMs: fromCopy.ms,
      routeBytes: fresh.bytes,
    };
  }
  return bySize;
}

async function standalone() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const sandboxUrl = "http://localhost:4290";
  const consoleUrl = "http://localhost:3290";
  const workDir = await mkdtemp(path.join(os.tmpdir(), "wink-list-bench-"));
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["WINK_API_URL", "WINK_TOKEN_URL", "WINK_CLIENT_ID", "WINK_CLIENT_SECRET"]) {
    env[name] = "";
  }
  Object.assign(env, {
    SANDBOX_URL: sandboxUrl,
    SANDBOX_CONSOLE_URLS: consoleUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    CONSOLE_DATA_DIR: path.join(workDir, "db"),
  });
  const sandboxProcess = startGroup(
    "sandbox",
    process.execPath,
    ["--import", "tsx", "sandbox/main.ts", "--memory", "--controls", "--port", "4290"],
    { cwd: root, env, logFile: path.join(workDir, "sandbox.log") },
  );
  const consoleProcess = startGroup(
    "console",
    "sh",
    [
      "-c",
      `"${process.execPath}" --conditions=react-server --import tsx scripts/migrate.ts && exec "${process.execPath}" node_modules/next/dist/bin/next start -p 3290`,
    ],
    { cwd: root, env, logFile: path.join(workDir, "console.log") },
  );
  const browser = await launchBrowser();
  try {
    await waitForUrl(`${sandboxUrl}/.well-known/openid-configuration`, { handle: sandboxProcess });
    await waitForUrl(`${consoleUrl}/api/health`, { handle: consoleProcess });
    const session = await signIn(browser, consoleUrl);
    const weight = await measureWeight(
      browser,
      session.storageState,
      consoleUrls(consoleUrl).page,
      3,
    );
    const sandbox = new Sandbox(sandboxUrl);
    const sizes = await measureListSizes({ sandbox, consoleUrl, cookie: session.cookieHeader });
    process.stdout.write(`${JSON.stringify({ weight, sizes }, null, 2)}\n`);
  } finally {
    await browser.close().catch(() => {});
    await stopAllGroups();
    await rm(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  standalone().catch(async (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    await stopAllGroups();
    process.exit(1);
  });
}
