import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

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

/** The database connections at a scrape: a node-postgres pool's counts, or PGlite's one. */
export type PoolState = { total: number; idle: number; waiting: number; max: number };

export type ConsoleMetrics = {
  registry: Registry;
  winkRequests: Counter<"operation" | "status_class" | "outcome">;
  winkRequestDuration: Histogram<"operation" | "status_class">;
  winkRetries: Counter<"operation">;
  tokenRequests: Counter<"outcome">;
  tokenRequestDuration: Histogram;
  changes: Counter<"action" | "outcome">;
  dbQueryDuration: Histogram<"operation">;
  /** Where the pool gauges read from: set by lib/metrics/database.ts when the database opens. */
  databasePool: { state?: () => PoolState };
};

/** A fresh set of metrics in its own registry; `withProcessMetrics` adds Node's (CPU, memory, GC). */
export function createConsoleMetrics(withProcessMetrics = false): ConsoleMetrics {
  const registry = new Registry();
  if (withProcessMetrics) collectDefaultMetrics({ register: registry });
  // Wink answers most calls in tens of milliseconds; the top buckets catch time-outs (10 s default).
  const buckets = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  const databasePool: ConsoleMetrics["databasePool"] = {};
  // Read at each scrape; no series at all until a database is opened (a copy that never needed it).
  new Gauge({
    name: "console_db_pool_connections",
    help: "Database connections: total open, and idle among them (PGlite: its one connection).",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const state = databasePool.state?.();
      if (!state) return;
      this.set({ state: "total" }, state.total);
      this.set({ state: "idle" }, state.idle);
    },
  });
  new Gauge({
    name: "console_db_pool_waiting_queries",
    help: "Queries waiting for a free database connection.",
    registers: [registry],
    collect() {
      const state = databasePool.state?.();
      if (state) this.set(state.waiting);
    },
  });
  new Gauge({
    name: "console_db_pool_max_connections",
    help: "The most connections the pool opens (DATABASE_URL: the pool's size; PGlite: 1).",
    registers: [registry],
    collect() {
      const state = databasePool.state?.();
      if (state) this.set(state.max);
    },
  });
  return {
    databasePool,
    dbQueryDuration: new Histogram({
      name: "console_db_query_duration_seconds",
      help: "Time from sending a statement to the database to its answer or failure, by its first SQL keyword.",
      labelNames: ["operation"],
      // Most statements take a millisecond or two; the top buckets catch lock waits and time-outs.
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
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
