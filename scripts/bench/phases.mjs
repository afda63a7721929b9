// The HTTP-level measurements: overhead over Wink, token economy, load.

import autocannon from "autocannon";
import { serverRssMiB, stopGroup, waitForUrl } from "./processes.mjs";
import { ENTITY_ID, statsDelta, winkHeaders } from "./sandbox.mjs";
import { median, percentile, timed } from "./stats.mjs";

export const WINK_LATENCY_MS = 50;

/** A GET that reads the whole body; redirects are not followed (a redirect means signed out). */
async function get(url, headers) {
  const response = await fetch(url, {
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.arrayBuffer();
  return { status: response.status, bytes: body.byteLength };
}

export function consoleUrls(consoleUrl, entityId = ENTITY_ID) {
  return {
    route: `${consoleUrl}/api/entities/${entityId}/applications`,
    page: `${consoleUrl}/entities/${entityId}/applications`,
  };
}

/**
 * Sequential timed requests, interleaved so that drift (GC, the other processes on the machine)
 * spreads evenly: the direct Wink call, the console's route handler, the console's page, and the
 * console's health probe (no Wink call: the cost of Next.js and the proxy alone). Wink's latency is
 * simulated by the sandbox; the ratios say what the console adds on top of it.
 */
export async function measureOverhead({ sandbox, consoleUrl, cookie, samples, warmup }) {
  const token = await sandbox.token();
  const urls = consoleUrls(consoleUrl);
  const targets = {
    direct: () => get(sandbox.listUrl(), winkHeaders(token)),
    route: () => get(urls.route, { Cookie: cookie, Accept: "application/json" }),
    page: () => get(urls.page, { Cookie: cookie, Accept: "text/html" }),
    // The floor: a console request that asks Wink nothing (Next.js and the proxy only).
    health: () => get(`${consoleUrl}/api/health`, { Accept: "application/json" }),
  };
  const configurations = [
    {
      id: "listLatency",
      label: `Wink latency ${WINK_LATENCY_MS} ms on list only`,
      operations: ["list"],
    },
    {
      id: "listAndEntitiesLatency",
      label: `Wink latency ${WINK_LATENCY_MS} ms on list and on entities`,
      operations: ["list", "entities"],
    },
  ];

  const results = {};
  for (const configuration of configurations) {
    await sandbox.clearFaults();
    for (const operation of configuration.operations) {
      await sandbox.fault({ operation, kind: "latency", ms: WINK_LATENCY_MS });
    }
    // Wink calls behind one request of each kind (the token is cached by then).
    const callsPerRequest = {};
    for (const [name, target] of Object.entries(targets)) {
      await target();
      const before = await sandbox.stats();
      await target();
      const delta = statsDelta(before, await sandbox.stats());
      callsPerRequest[name] = {
        list: delta.requests.list ?? 0,
        entities: delta.requests.entities ?? 0,
        token: delta.tokenRequests,
      };
    }
    for (let i = 0; i < warmup; i += 1) {
      for (const target of Object.values(targets)) await target();
    }
    const times = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
    const failures = Object.fromEntries(Object.keys(targets).map((name) => [name, 0]));
    for (let i = 0; i < samples; i += 1) {
      for (const [name, target] of Object.entries(targets)) {
        const { ms, value } = await timed(target);
        if (value.status !== 200) failures[name] += 1;
        else times[name].push(ms);
      }
    }
    const medians = Object.fromEntries(
      Object.entries(times).map(([name, values]) => [name, median(values)]),
    );
    results[configuration.id] = {
      label: configuration.label,
      samples,
      medianMs: medians,
      p90Ms: Object.fromEntries(
        Object.entries(times).map(([name, values]) => [name, percentile(values, 90)]),
      ),
      ratio: {
        route: medians.route / medians.direct,
        page: medians.page / medians.direct,
      },
      failures,
      callsPerRequest,
    };
  }
  await sandbox.clearFaults();
  return results;
}

/**
 * A fresh console process (cold token cache) gets `concurrency` simultaneous reads of the route
 * handler; the sandbox counts the token requests and API calls they caused. Repeated with a new
 * process each time.
 */
export async function measureTokenEconomy({
  sandbox,
  port,
  cookie,
  startConsole,
  repetitions,
  concurrency,
}) {
  const { route } = consoleUrls(`http://localhost:${port}`);
  await sandbox.clearFaults();
  // A token endpoint and an API that take a moment, as Wink's do: a burst lands on a cold cache
  // while the first token request is still out.
  await sandbox.fault({ operation: "token", kind: "latency", ms: 100 });
  await sandbox.fault({ operation: "list", kind: "latency", ms: WINK_LATENCY_MS });
  await sandbox.fault({ operation: "entities", kind: "latency", ms: WINK_LATENCY_MS });
  const runs = [];
  try {
    for (let i = 0; i < repetitions; i += 1) {
      const before = await sandbox.stats();
      const server = startConsole(port);
      try {
        await waitForUrl(`http://localhost:${port}/api/health`, {
          handle: server,
          what: "the fresh console",
        });
        const { ms, value: responses } = await timed(() =>
          Promise.all(
            Array.from({ length: concurrency }, () =>
              get(route, { Cookie: cookie, Accept: "application/json" }).catch((error) => ({
                status: 0,
                error: error.message,
              })),
            ),
          ),
        );
        const delta = statsDelta(before, await sandbox.stats());
        runs.push({
          tokenRequests: delta.tokenRequests,
          listCalls: delta.requests.list ?? 0,
          entitiesCalls: delta.requests.entities ?? 0,
          ok: responses.filter((response) => response.status === 200).length,
          failed: responses.filter((response) => response.status !== 200).length,
          burstMs: ms,
        });
      } finally {
        await stopGroup(server);
      }
    }
  } finally {
    await sandbox.clearFaults();
  }
  return {
    concurrency,
    repetitions: runs.length,
    tokenRequests: median(runs.map((run) => run.tokenRequests)),
    tokenRequestsMax: Math.max(...runs.map((run) => run.tokenRequests)),
    listCalls: median(runs.map((run) => run.listCalls)),
    entitiesCalls: median(runs.map((run) => run.entitiesCalls)),
    failed: median(runs.map((run) => run.failed)),
    burstMs: median(runs.map((run) => run.burstMs)),
    runs,
  };
}

/** autocannon on the list page with the session cookie; next-server's RSS before and after. */
export async function measureLoad({ consoleUrl, cookie, server, connections, durationSeconds }) {
  const { page } = consoleUrls(consoleUrl);
  const rssBefore = await serverRssMiB(server.pid);
  const result = await autocannon({
    url: page,
    connections,
    duration: durationSeconds,
    headers: { cookie, accept: "text/html" },
    timeout: 30,
  });
  const rssAfter = await serverRssMiB(server.pid);
  return {
    connections,
    durationSeconds,
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
    ),
    rssBeforeMiB: rssBefore?.rssMiB ?? null,
    rssAfterMiB: rssAfter?.rssMiB ?? null,
    serverProcess: rssAfter ? { pid: rssAfter.pid, title: rssAfter.title } : null,
  };
}
