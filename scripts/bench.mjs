#!/usr/bin/env node
// `npm run bench`: measures the console against its own sandbox on this machine, over loopback
// only, in bounded time, and writes bench/results-<date>.json and bench/latest.json.
//
// It starts the sandbox (--memory --controls) and a production console (`next start`, building
// first only when .next/BUILD_ID is missing), signs in as the admin through the real OIDC flow in
// Chromium, and measures: the Wink calls of each flow a person goes through, the console's overhead over Wink, the token requests of a burst on a cold
// console, throughput under load, a 10,000-application list in the browser, the JavaScript weight
// of the list page, Lighthouse scores, the two-process rotate race (two consoles on one throwaway
// PostgreSQL) and the database's cost of a change and of the sign-out check. Every figure is a median over repeated runs made within
// this run. Each server runs in its own process group, stopped however the bench ends.
//
//   npm run bench                          everything (about 4-6 minutes on 2 cores)
//   npm run bench -- --quick               fewer repetitions and a shorter load, for a smoke run
//   npm run bench -- --skip=lighthouse,scale
//   npm run bench -- --skip=overhead,tokens,load,weight,lighthouse,scale   the database rows only
//
// Ports: BENCH_CONSOLE_PORT (3300; the fresh console of the token test takes the next one) and
// BENCH_SANDBOX_PORT (4300). CHROME_PATH: Chromium, default /usr/bin/chromium.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, measureScale, measureWeight, signIn } from "./bench/browser.mjs";
import { measureFlows } from "./bench/flows.mjs";
import { lighthouse, LIGHTHOUSE } from "./bench/lighthouse.mjs";
import {
  consoleUrls,
  measureLoad,
  measureOverhead,
  measureTokenEconomy,
  WINK_LATENCY_MS,
} from "./bench/phases.mjs";
import {
  assertPortFree,
  killAllGroupsNow,
  startGroup,
  stopAllGroups,
  waitForUrl,
} from "./bench/processes.mjs";
import { loadLine, machineLine, resultTable } from "./bench/report.mjs";
import { ENTITY_ID, Sandbox } from "./bench/sandbox.mjs";
import { round } from "./bench/stats.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PHASES = [
  "flows",
  "overhead",
  "tokens",
  "load",
  "weight",
  "lighthouse",
  "scale",
  "race",
  "record",
];
const HARD_LIMIT_MS = 12 * 60_000;

function parseArgs(argv) {
  const options = { quick: false, skip: new Set() };
  for (const arg of argv) {
    if (arg === "--help" || arg === "-h") {
      const header = readFileSync(fileURLToPath(import.meta.url), "utf8")
        .split("\n")
        .filter((line) => line.startsWith("//"))
        .map((line) => line.replace(/^\/\/ ?/, ""));
      process.stdout.write(`${header.join("\n")}\n`);
      process.exit(0);
    } else if (arg === "--quick") {
      options.quick = true;
    } else if (arg.startsWith("--skip=")) {
      for (const phase of arg.slice("--skip=".length).split(",").filter(Boolean)) {
        if (!PHASES.includes(phase))
          throw new Error(`--skip: unknown phase "${phase}" (${PHASES})`);
        options.skip.add(phase);
      }
    } else {
      throw new Error(`unknown argument "${arg}" (try --help)`);
    }
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const settings = options.quick
  ? {
      samples: 10,
      warmup: 3,
      tokenRepetitions: 1,
      concurrency: 500,
      loadSeconds: 5,
      connections: 20,
      weightRuns: 1,
      lighthouseRuns: 1,
      seed: 10_000,
      navigations: 2,
      raceRounds: 20,
      recordSamples: 50,
    }
  : {
      samples: 30,
      warmup: 5,
      tokenRepetitions: 3,
      concurrency: 500,
      loadSeconds: 20,
      connections: 20,
      weightRuns: 3,
      lighthouseRuns: 3,
      seed: 10_000,
      navigations: 5,
      raceRounds: 50,
      recordSamples: 200,
    };
// One of the sandbox's seeded samples (sandbox/state/seed.ts): the page Lighthouse scores.
const SAMPLE_APPLICATION_ID = "4a8f2c6e-1b3d-4f5a-8c7e-9d0b1a2c3e4f";
const SEARCH_KEYS = ["1", "2", "3", "Backspace", "Backspace", "Backspace", "4", "Backspace"];

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

function machine() {
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

function run(command, args, env) {
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
async function tsScript(script, args, env) {
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
function newestSourceMtime() {
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
function serverEnv(authSecret) {
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
  env.SANDBOX_CONSOLE_URLS = `${consoleUrl},http://localhost:${freshConsolePort}`;
  env.AUTH_SECRET = authSecret;
  env.AUTH_TRUST_HOST = "true";
  return env;
}

/** Runs one phase; a failure is recorded as a skip with its reason and the bench goes on. */
async function phase(name, results, fn) {
  if (options.skip.has(name)) {
    results[name] = { skipped: "--skip" };
    log(`${name}: skipped (--skip)`);
    return;
  }
  const started = Date.now();
  log(`${name}…`);
  try {
    results[name] = await fn();
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
  const env = serverEnv(authSecret);
  const buildIdFile = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildIdFile)) {
    log("no production build (.next/BUILD_ID): building…");
    await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
  }
  const buildId = readFileSync(buildIdFile, "utf8").trim();
  const staleBuild = statSync(buildIdFile).mtimeMs < newestSourceMtime();
  if (staleBuild) {
    log(
      "warning: sources changed since the last build; measuring that build (npm run build first)",
    );
  }

  const sandboxProcess = startGroup(
    "sandbox",
    process.execPath,
    ["--import", "tsx", "sandbox/main.ts", "--memory", "--controls", "--port", String(sandboxPort)],
    { cwd: root, env, logFile: path.join(workDir, "sandbox.log") },
  );
  // Each console has its own embedded database (PGlite serves one process per directory),
  // migrated first as `npm start` does: every signed-in request reads its revoked sessions.
  const startConsole = (port) =>
    startGroup(
      `console :${port}`,
      "sh",
      [
        "-c",
        `"${process.execPath}" --conditions=react-server --import tsx scripts/migrate.ts && exec "${process.execPath}" node_modules/next/dist/bin/next start -p ${port}`,
      ],
      {
        cwd: root,
        env: { ...env, CONSOLE_DATA_DIR: path.join(workDir, `console-db-${port}`) },
        logFile: path.join(workDir, `console-${port}.log`),
      },
    );
  const consoleProcess = startConsole(consolePort);
  await waitForUrl(`${sandboxUrl}/.well-known/openid-configuration`, {
    handle: sandboxProcess,
    what: "the sandbox",
  });
  await waitForUrl(`${consoleUrl}/api/health`, { handle: consoleProcess, what: "the console" });
  log(`sandbox ${sandboxUrl}, console ${consoleUrl} (build ${buildId})`);

  const sandbox = new Sandbox(sandboxUrl);
  const browser = await launchBrowser();
  try {
    // First, on a console that has not yet served anything: sign-in meets a cold entity cache.
    await phase("flows", results, () => measureFlows({ browser, sandbox, consoleUrl }));
    log("signing in as the admin through the sandbox's identity provider…");
    const session = await signIn(browser, consoleUrl);
    const cookie = session.cookieHeader;
    const urls = consoleUrls(consoleUrl);

    await phase("overhead", results, () =>
      measureOverhead({
        sandbox,
        consoleUrl,
        cookie,
        samples: settings.samples,
        warmup: settings.warmup,
      }),
    );
    await phase("tokens", results, () =>
      measureTokenEconomy({
        sandbox,
        port: freshConsolePort,
        cookie,
        startConsole,
        repetitions: settings.tokenRepetitions,
        concurrency: settings.concurrency,
      }),
    );
    await phase("load", results, () =>
      measureLoad({
        consoleUrl,
        cookie,
        server: consoleProcess,
        connections: settings.connections,
        durationSeconds: settings.loadSeconds,
      }),
    );
    await phase("weight", results, () =>
      measureWeight(browser, session.storageState, urls.page, settings.weightRuns),
    );
    await phase("lighthouse", results, async () => {
      const common = { runs: settings.lighthouseRuns, workDir };
      const signInPage = await lighthouse(`${consoleUrl}/sign-in`, {
        ...common,
        expectPath: "/sign-in",
      });
      // Nothing would run the second page if Lighthouse cannot be fetched at all.
      if (signInPage.skipped && /npm|npx|E\d{3}|ENOTFOUND|registry/i.test(signInPage.skipped)) {
        throw new Error(signInPage.skipped);
      }
      const listPage = await lighthouse(urls.page, {
        ...common,
        cookieHeader: cookie,
        expectPath: `/entities/${ENTITY_ID}/applications`,
      });
      const applicationPage = await lighthouse(`${urls.page}/${SAMPLE_APPLICATION_ID}`, {
        ...common,
        cookieHeader: cookie,
        expectPath: `/entities/${ENTITY_ID}/applications/${SAMPLE_APPLICATION_ID}`,
      });
      return {
        tool: LIGHTHOUSE,
        pages: {
          "sign-in page": signInPage,
          "list page": listPage,
          "application page": applicationPage,
        },
      };
    });
    await phase("scale", results, async () => {
      await sandbox.clearFaults();
      await sandbox.seed(settings.seed);
      const total = await sandbox.countApplications();
      const scale = await measureScale(browser, session.storageState, urls.page, {
        navigations: settings.navigations,
        keys: SEARCH_KEYS,
      });
      return { applications: total, ...scale };
    });
    await phase("race", results, async () => {
      await sandbox.clearFaults();
      return tsScript("scripts/bench/race.ts", [], {
        ...env,
        BENCH_COOKIE: cookie,
        BENCH_RACE_PORTS: racePorts.join(","),
        BENCH_RACE_ROUNDS: String(settings.raceRounds),
        BENCH_LOG_DIR: workDir,
      });
    });
    await phase("record", results, () =>
      tsScript("scripts/bench/record-cost.ts", [String(settings.recordSamples)], env),
    );
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
