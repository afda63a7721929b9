// Table: the console's overhead over Wink, at a simulated Wink latency.

import { consoleUrls, get, WINK_LATENCY_MS } from "../http.mjs";
import { statsDelta, winkHeaders } from "../sandbox.mjs";
import { median, ms, percentile, timed } from "../stats.mjs";
import { ratio, skippedRow } from "./rows.mjs";

/**
 * Sequential timed requests, interleaved so that drift (GC, the other processes on the machine)
 * spreads evenly: the direct Wink call, the console's route handler, the console's page, and the
 * console's health probe (no Wink call: the cost of Next.js and the proxy alone). Wink's latency is
 * simulated by the sandbox; the ratios say what the console adds on top of it.
 */
async function measureOverhead({ sandbox, consoleUrl, cookie, samples, warmup }) {
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

export const overheadTable = {
  phase: "overhead",
  title: "Overhead over Wink",
  needsSession: true,
  run: ({ sandbox, consoleUrl, cookie, settings }) =>
    measureOverhead({
      sandbox,
      consoleUrl,
      cookie,
      samples: settings.samples,
      warmup: settings.warmup,
    }),
  rows: overheadRows,
};

function overheadRows(overhead) {
  if (overhead.skipped) return skippedRow("Overhead over Wink", overhead);
  const rows = [];
  for (const result of Object.values(overhead)) {
    const { medianMs: m, ratio: r, callsPerRequest: calls, failures } = result;
    const wink = (name) => `${calls[name].entities} entities + ${calls[name].list} list`;
    const failed = Object.values(failures).reduce((sum, count) => sum + count, 0);
    rows.push(
      [`${result.label}: direct Wink list call`, ms(m.direct), `median of ${result.samples}`],
      [
        `… console route handler /api/entities/:id/applications`,
        `${ms(m.route)} (${ratio(r.route)})`,
        `aim ≤ ×1.10; Wink calls per request: ${wink("route")}`,
      ],
      [
        `… console list page /entities/:id/applications`,
        `${ms(m.page)} (${ratio(r.page)})`,
        `aim ≤ ×1.25; Wink calls per request: ${wink("page")}`,
      ],
      [
        "… console floor: /api/health (no Wink call)",
        ms(m.health),
        `aim: none, the floor${failed ? `; ${failed} failed requests` : ""}`,
      ],
    );
  }
  return rows;
}
