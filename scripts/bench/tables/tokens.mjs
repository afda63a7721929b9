// Table: the token requests of a burst of reads on a cold console.

import { consoleUrls, get, WINK_LATENCY_MS } from "../http.mjs";
import { stopGroup, waitForUrl } from "../processes.mjs";
import { statsDelta } from "../sandbox.mjs";
import { median, ms, timed } from "../stats.mjs";
import { skippedRow } from "./rows.mjs";

/**
 * A fresh console process (cold token cache) gets `concurrency` simultaneous reads of the route
 * handler; the sandbox counts the token requests and API calls they caused. Repeated with a new
 * process each time.
 */
async function measureTokenEconomy({
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

export const tokensTable = {
  phase: "tokens",
  title: "Token economy",
  needsSession: true,
  run: ({ sandbox, freshConsolePort, cookie, startConsole, settings }) =>
    measureTokenEconomy({
      sandbox,
      port: freshConsolePort,
      cookie,
      startConsole,
      repetitions: settings.tokenRepetitions,
      concurrency: settings.concurrency,
    }),
  rows: tokenRows,
};

function tokenRows(tokens) {
  if (tokens.skipped) return skippedRow("Token economy", tokens);
  const perRun = tokens.runs.map((run) => run.tokenRequests).join(", ");
  return [
    [
      `Token requests, ${tokens.concurrency} concurrent reads on a cold console`,
      String(tokens.tokenRequests),
      `aim: exactly 1 (runs: ${perRun})`,
    ],
    [
      "… Wink API calls for those reads",
      `${tokens.listCalls} list + ${tokens.entitiesCalls} entities`,
      `aim ≤ ${tokens.concurrency} list (reads in flight together share one) + ≤ 1 entities; burst ${ms(tokens.burstMs)}; ${tokens.failed} failed`,
    ],
  ];
}
