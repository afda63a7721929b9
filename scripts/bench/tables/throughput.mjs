// Table: throughput under load. Rounds of the same load, one after the other on the same console:
// a direct Wink list call, then the console's route handler that makes that call, both with Wink's
// simulated latency; next-server's memory after each round says whether it keeps growing.

import { cannon, consoleUrls, WINK_LATENCY_MS } from "../http.mjs";
import { serverRssMiB } from "../processes.mjs";
import { winkHeaders } from "../sandbox.mjs";
import { median, mib, ms, round } from "../stats.mjs";
import { ratio, skippedRow } from "./rows.mjs";

/** The aims: route handler ≥ 0.7× the direct call's req/s, p99 ≤ 2× p50, memory within 10%. */
export const THROUGHPUT_AIMS = { ratio: 0.7, p99OverP50: 2, memoryGrowth: 0.1 };

async function measureThroughput({ sandbox, consoleUrl, cookie, server, settings }) {
  const { connections, loadSeconds: durationSeconds, loadRounds } = settings;
  const token = await sandbox.token();
  const { route } = consoleUrls(consoleUrl);
  const load = { connections, durationSeconds };
  const rssBefore = await serverRssMiB(server.pid);
  await sandbox.clearFaults();
  await sandbox.fault({ operation: "list", kind: "latency", ms: WINK_LATENCY_MS });
  const rounds = [];
  try {
    for (let index = 0; index < loadRounds; index += 1) {
      const direct = await cannon({ ...load, url: sandbox.listUrl(), headers: winkHeaders(token) });
      const handler = await cannon({
        ...load,
        url: route,
        headers: { cookie, accept: "application/json" },
      });
      const rss = await serverRssMiB(server.pid);
      rounds.push({
        direct,
        route: handler,
        ratio: handler.requestsPerSecond / direct.requestsPerSecond,
        p99OverP50: handler.latencyP99Ms / handler.latencyP50Ms,
        rssAfterMiB: rss?.rssMiB ?? null,
      });
    }
  } finally {
    await sandbox.clearFaults();
  }
  const first = rounds[0];
  const last = rounds.at(-1);
  const total = (key) => rounds.reduce((sum, one) => sum + one.route[key], 0);
  return {
    target: "route handler /api/entities/:id/applications",
    winkLatencyMs: WINK_LATENCY_MS,
    connections,
    durationSeconds,
    rounds,
    requestsPerSecond: median(rounds.map((one) => one.route.requestsPerSecond)),
    directRequestsPerSecond: median(rounds.map((one) => one.direct.requestsPerSecond)),
    ratio: median(rounds.map((one) => one.ratio)),
    requestsTotal: total("requestsTotal"),
    latencyP50Ms: median(rounds.map((one) => one.route.latencyP50Ms)),
    latencyP99Ms: median(rounds.map((one) => one.route.latencyP99Ms)),
    p99OverP50Max: Math.max(...rounds.map((one) => one.p99OverP50)),
    errors: total("errors"),
    timeouts: total("timeouts"),
    non2xx: total("non2xx"),
    rssBeforeMiB: rssBefore?.rssMiB ?? null,
    rssAfterRound1MiB: first.rssAfterMiB,
    rssAfterMiB: last.rssAfterMiB,
    memoryGrowth:
      first.rssAfterMiB && last.rssAfterMiB ? last.rssAfterMiB / first.rssAfterMiB - 1 : null,
    serverProcess: rssBefore ? { pid: rssBefore.pid, title: rssBefore.title } : null,
  };
}

const percent = (value) => (value === null ? "n/a" : `${round(value * 100, 1)}%`);

function throughputRows(load) {
  if (load.skipped) return skippedRow("Throughput", load);
  const bad = load.errors + load.timeouts + load.non2xx;
  const perRound = load.rounds
    .map(
      (one) => `${round(one.route.requestsPerSecond, 1)}/${round(one.direct.requestsPerSecond, 1)}`,
    )
    .join(", ");
  return [
    [
      `Throughput, ${load.connections} connections, ${load.durationSeconds} s × ${load.rounds.length} rounds, Wink latency ${load.winkLatencyMs} ms: route handler / direct Wink list call`,
      `${round(load.requestsPerSecond, 1)} / ${round(load.directRequestsPerSecond, 1)} req/s (${ratio(load.ratio)})`,
      `aim ≥ ×${THROUGHPUT_AIMS.ratio}; per round ${perRound}; ${bad === 0 ? "no errors" : `${load.errors} errors, ${load.timeouts} time-outs, ${load.non2xx} non-2xx`}`,
    ],
    [
      "… route handler latency p50 / p99",
      `${ms(load.latencyP50Ms)} / ${ms(load.latencyP99Ms)}`,
      `aim p99 ≤ ${THROUGHPUT_AIMS.p99OverP50}× p50; worst round ×${round(load.p99OverP50Max, 2)}`,
    ],
    [
      "… next-server RSS after round 1 → after the last",
      `${mib(load.rssAfterRound1MiB)} → ${mib(load.rssAfterMiB)} (${percent(load.memoryGrowth)})`,
      `aim within ${THROUGHPUT_AIMS.memoryGrowth * 100}%; before the load ${mib(load.rssBeforeMiB)}`,
    ],
  ];
}

export const throughputTable = {
  // "load": the name --skip and bench/latest.json have always used for it.
  phase: "load",
  title: "Throughput",
  needsSession: true,
  run: ({ sandbox, consoleUrl, cookie, consoleProcess, settings }) =>
    measureThroughput({ sandbox, consoleUrl, cookie, server: consoleProcess, settings }),
  rows: throughputRows,
};
