import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/**
 * The console's Prometheus metrics, served by /api/metrics.
 *
 * Labels are operation names, status classes, outcomes and change actions: fixed, short lists. No
 * label ever holds an id (of an entity, an application or a client), a URL path, a token or a
 * secret: ids would leak what the account holds to whoever scrapes, and would grow without bound.
 *
 * One registry per process on globalThis: Next.js bundles route handlers, server actions and
 * instrumentation.ts apart, and each would otherwise count into its own copy.
 */

export type ConsoleMetrics = {
  registry: Registry;
  winkRequests: Counter<"operation" | "status_class" | "outcome">;
  winkRequestDuration: Histogram<"operation" | "status_class">;
  winkRetries: Counter<"operation">;
  tokenRequests: Counter<"outcome">;
  tokenRequestDuration: Histogram;
  changes: Counter<"action" | "outcome">;
};

/** A fresh set of metrics in its own registry; `withProcessMetrics` adds Node's (CPU, memory, GC). */
export function createConsoleMetrics(withProcessMetrics = false): ConsoleMetrics {
  const registry = new Registry();
  if (withProcessMetrics) collectDefaultMetrics({ register: registry });
  // Wink answers most calls in tens of milliseconds; the top buckets catch time-outs (10 s default).
  const buckets = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  return {
    registry,
    winkRequests: new Counter({
      name: "console_wink_requests_total",
      help: "Requests to the Wink API, by operation, HTTP status class (2xx, 4xx, 5xx, none) and outcome.",
      labelNames: ["operation", "status_class", "outcome"],
      registers: [registry],
    }),
    winkRequestDuration: new Histogram({
      name: "console_wink_request_duration_seconds",
      help: "Time from sending a request to the Wink API to its answer or failure.",
      labelNames: ["operation", "status_class"],
      buckets,
      registers: [registry],
    }),
    winkRetries: new Counter({
      name: "console_wink_retries_total",
      help: "Reads repeated after a transient failure (changes are never repeated).",
      labelNames: ["operation"],
      registers: [registry],
    }),
    tokenRequests: new Counter({
      name: "console_wink_token_requests_total",
      help: "Requests for an access token at Wink's token endpoint, by outcome.",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    tokenRequestDuration: new Histogram({
      name: "console_wink_token_request_duration_seconds",
      help: "Time to obtain an access token from Wink's token endpoint.",
      buckets,
      registers: [registry],
    }),
    changes: new Counter({
      name: "console_changes_total",
      help: "Changes of applications asked for by admins, by action and audited outcome.",
      labelNames: ["action", "outcome"],
      registers: [registry],
    }),
  };
}

const KEY = Symbol.for("wink-console.metrics");
type Holder = { [KEY]?: ConsoleMetrics };

/** The process's metrics, created (with the process metrics) on first use. */
export function getMetrics(): ConsoleMetrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= createConsoleMetrics(true);
  return holder[KEY];
}
