// What the HTTP-level tables share: the console's URLs, a plain GET, autocannon with a summary.

import autocannon from "autocannon";
import { ENTITY_ID } from "./sandbox.mjs";

/** Wink's latency as the sandbox simulates it for the overhead and throughput tables. */
export const WINK_LATENCY_MS = 50;

export function consoleUrls(consoleUrl, entityId = ENTITY_ID) {
  return {
    route: `${consoleUrl}/api/entities/${entityId}/applications`,
    page: `${consoleUrl}/entities/${entityId}/applications`,
  };
}

/** A GET that reads the whole body; redirects are not followed (a redirect means signed out). */
export async function get(url, headers) {
  const response = await fetch(url, {
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.arrayBuffer();
  return { status: response.status, bytes: body.byteLength };
}

/** autocannon against one URL; its figures that the tables use. */
export async function cannon({ url, headers, connections, durationSeconds }) {
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    headers,
    timeout: 30,
  });
  return {
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
  };
}
