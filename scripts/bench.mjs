#!/usr/bin/env node
// `npm run bench`: measures the console against its own sandbox on this machine, over loopback
// only, in bounded time, and writes bench/results-<date>.json and bench/latest.json.
//
// It starts the sandbox (--memory --controls) and a production console (`next start`, building
// first only when .next/BUILD_ID is missing), signs in as the admin through the real OIDC flow in
// Chromium, and measures: the Wink calls of each flow a person goes through, the console's overhead
// over Wink, the token requests of a burst on a cold console, throughput under load (rounds of the
// route handler against a direct Wink call), a 10,000-application list in the browser, the
// JavaScript weight of the list page, Lighthouse scores, the two-process rotate race (two consoles
// on one throwaway PostgreSQL) and the database's cost of a change and of the sign-out check. Every
// figure is a median over repeated runs made within this run. Each server runs in its own process
// group, stopped however the bench ends. Each table is a module of scripts/bench/tables/.
//
//   npm run bench                          everything (about 5-7 minutes on 2 cores)
//   npm run bench -- --quick               fewer repetitions and a shorter load, for a smoke run
//   npm run bench -- --skip=lighthouse,scale
//   npm run bench -- --skip=overhead,tokens,load,weight,lighthouse,scale   the database rows only
//
// Ports: BENCH_CONSOLE_PORT (3300; the fresh console of the token test takes the next one) and
// BENCH_SANDBOX_PORT (4300). CHROME_PATH: Chromium, default /usr/bin/chromium.

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, signIn } from "./bench/browser.mjs";
import { consoleUrls, WINK_LATENCY_MS } from "./bench/http.mjs";
import { parseArgs, settingsFor } from "./bench/options.mjs";
import { assertPortFree, killAllGroupsNow, stopAllGroups, waitForUrl } from "./bench/processes.mjs";
import { loadLine, machineLine, resultTable } from "./bench/report.mjs";
import { Sandbox } from "./bench/sandbox.mjs";
import {
  machine,
  newestSourceMtime,
  run,
  serverEnv,
  startConsole,
  startSandbox,
  tsScript,
} from "./bench/servers.mjs";
import { round } from "./bench/stats.mjs";
import { TABLES } from "./bench/tables/index.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const HARD_LIMIT_MS = 12 * 60_000;

const options = parseArgs(process.argv.slice(2), fileURLToPath(import.meta.url));
const settings = settingsFor(options);

const consolePort = Number(process.env.BENCH_CONSOLE_PORT ?? 3300);
const freshConsolePort = consolePort + 1;
// The two consoles of the rotate race.
const racePorts = [consolePort + 2, consolePort + 3];
const sandboxPort = Number(process.env.BENCH_SANDBOX_PORT ?? 4300);
const consoleUrl = `http://localhost:${consolePort}`;
const sandboxUrl = `http://localhost:${sandboxPort}`;

function log(message) {
  process.stdout.write(`[bench] ${message}\n`);
}

/** Runs one table's measurement; a failure is recorded as a skip with its reason, and on it goes. */
async function measure(table, context, results) {
  const name = table.phase;
  if (options.skip.has(name)) {
    results[name] = { skipped: "--skip" };
    log(`${name}: skipped (--skip)`);
    return;
  }
  const started = Date.now();
  log(`${name}…`);
  try {
    results[name] = await table.run(context);
    log(`${name}: done in ${round((Date.now() - started) / 1000, 1)} s`);
  } catch (error) {
    results[name] = { skipped: error.message.split("\n")[0] };
    log(`${name}: failed: ${error.stack ?? error.message}`);
  }
}

async function main() {
  const startedAt = new Date();
  const workDir = await mkdtemp(path.join(os.tmpdir(), "wink-bench-"));
  const results = {};
  const info = machine();
  log(`machine: ${machineLine(info)}; load average ${round(info.loadBefore, 2)}`);
  log(`logs of the servers: ${workDir}`);

  for (const port of [consolePort, freshConsolePort, ...racePorts, sandboxPort]) {
    await assertPortFree(port);
  }

  const authSecret = randomBytes(32).toString("base64url");
  const env = serverEnv({
    authSecret,
    sandboxUrl,
    consoleUrls: [consoleUrl, `http://localhost:${freshConsolePort}`],
  });
  const buildIdFile = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildIdFile)) {
    log("no production build (.next/BUILD_ID): building…");
    await run(root, process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
  }
  const buildId = readFileSync(buildIdFile, "utf8").trim();
  const staleBuild = statSync(buildIdFile).mtimeMs < newestSourceMtime(root);
  if (staleBuild) {
    log(
      "warning: sources changed since the last build; measuring that build (npm run build first)",
    );
  }

  const sandboxProcess = startSandbox({ root, env, port: sandboxPort, workDir });
  const consoleAt = (port) => startConsole({ root, env, port, workDir });
  const consoleProcess = consoleAt(consolePort);
  await waitForUrl(`${sandboxUrl}/.well-known/openid-configuration`, {
    handle: sandboxProcess,
    what: "the sandbox",
  });
  await waitForUrl(`${consoleUrl}/api/health`, { handle: consoleProcess, what: "the console" });
  log(`sandbox ${sandboxUrl}, console ${consoleUrl} (build ${buildId})`);

  const browser = await launchBrowser();
  /** What every table's `run` is given; `session` and `cookie` once someone has signed in. */
  const context = {
    browser,
    sandbox: new Sandbox(sandboxUrl),
    consoleUrl,
    urls: consoleUrls(consoleUrl),
    consoleProcess,
    startConsole: consoleAt,
    freshConsolePort,
    racePorts,
    settings,
    env,
    workDir,
    tsScript: (script, args, scriptEnv) => tsScript(root, script, args, scriptEnv),
  };
  try {
    for (const table of TABLES) {
      if (table.needsSession && !context.session && !options.skip.has(table.phase)) {
        log("signing in as the admin through the sandbox's identity provider…");
        context.session = await signIn(browser, consoleUrl);
        context.cookie = context.session.cookieHeader;
      }
      await measure(table, context, results);
    }
  } finally {
    await browser.close().catch(() => {});
    await stopAllGroups();
  }

  info.loadAfter = os.loadavg()[0];
  const report = {
    date: startedAt.toISOString(),
    durationSeconds: round((Date.now() - startedAt.getTime()) / 1000, 1),
    machine: info,
    build: { id: buildId, olderThanSources: staleBuild },
    settings: { ...settings, quick: options.quick, winkLatencyMs: WINK_LATENCY_MS },
    results,
  };
  const table = resultTable(results);
  const outDir = path.join(root, "bench");
  await mkdir(outDir, { recursive: true });
  const stamp = startedAt.toISOString().slice(0, 16).replace(/[:T]/g, "-");
  const json = `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(path.join(outDir, `results-${stamp}.json`), json);
  await writeFile(path.join(outDir, "latest.json"), json);
  await rm(workDir, { recursive: true, force: true });

  process.stdout.write(
    `\nWink Applications Console bench, ${report.date} (${report.durationSeconds} s)\n` +
      `Machine: ${machineLine(info)}\n${loadLine(info)}\n\n${table}\n\n` +
      `Written: bench/results-${stamp}.json, bench/latest.json\n`,
  );
}

process.on("exit", killAllGroupsNow);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    log(`${signal}: stopping the servers`);
    stopAllGroups().finally(() => process.exit(130));
  });
}
setTimeout(() => {
  log(`still running after ${HARD_LIMIT_MS / 60_000} minutes: giving up`);
  stopAllGroups().finally(() => process.exit(1));
}, HARD_LIMIT_MS).unref();

main().catch(async (error) => {
  log(`failed: ${error.stack ?? error.message}`);
  await stopAllGroups();
  process.exit(1);
});
