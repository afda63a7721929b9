import type { ConsoleMetrics, PoolState } from "./registry";

/**
 * Database metrics: how long each statement takes, by its kind, and how busy the connections are.
 *
 * The label of a statement is its first SQL keyword from a fixed list (`select`, `insert`, …,
 * else `other`): never its text, which names tables and may carry literals, and never its
 * parameters, which carry session ids and audit content. The drivers are wrapped where every
 * statement passes, below Drizzle: a node-postgres client's `query` (the pool's own `query` and
 * transactions both end there) and PGlite's `query`, `exec` and transactions.
 */

const OPERATIONS = new Set([
  "select",
  "insert",
  "update",
  "delete",
  "with",
  "begin",
  "commit",
  "rollback",
  "savepoint",
  "release",
  "set",
  "create",
  "alter",
  "drop",
]);

/** The statement's kind for a label: its first keyword if a known one, else `other`. */
export function queryOperation(text: unknown): string {
  const sql =
    typeof text === "string"
      ? text
      : typeof (text as { text?: unknown } | null)?.text === "string"
        ? (text as { text: string }).text
        : "";
  const keyword = /^[\s(]*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase() ?? "";
  return OPERATIONS.has(keyword) ? keyword : "other";
}

type Query = (...args: unknown[]) => unknown;

/**
 * Wraps `target[method]` so that each call is timed into `console_db_query_duration_seconds`,
 * whether it answers through a promise or a trailing callback (node-postgres's pool uses the
 * callback form). A failed statement is timed too. Other results (a cursor) are left untimed.
 */
function timeQueries(
  target: Record<string, unknown>,
  method: string,
  metrics: ConsoleMetrics,
  track?: { start(): void; end(): void },
): void {
  const original = target[method] as Query | undefined;
  if (typeof original !== "function") return;
  target[method] = function timed(this: unknown, ...args: unknown[]) {
    const operation = queryOperation(args[0]);
    const startedAt = performance.now();
    track?.start();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      track?.end();
      metrics.dbQueryDuration.observe({ operation }, (performance.now() - startedAt) / 1000);
    };
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (...answer: unknown[]) => {
        finish();
        return (callback as Query)(...answer);
      };
      return original.apply(this, args);
    }
    let result: unknown;
    try {
      result = original.apply(this, args);
    } catch (error) {
      finish();
      throw error;
    }
    if (result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<unknown>).then(finish, finish);
    } else {
      finish();
    }
    return result;
  };
}

/** The parts of a node-postgres pool read here (pg.Pool has them all). */
export interface InstrumentablePool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
  on(event: "connect", listener: (client: object) => void): unknown;
}

/**
 * Times every statement of `pool`'s connections (each is wrapped as it connects) and makes the
 * pool's state what `console_db_pool_*` report at the next scrape.
 */
export function instrumentPool(pool: InstrumentablePool, metrics: ConsoleMetrics): void {
  pool.on("connect", (client) => timeQueries(client as Record<string, unknown>, "query", metrics));
  metrics.databasePool.state = (): PoolState => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  });
}

/** The parts of a PGlite instance read here. */
export interface InstrumentablePglite {
  query: unknown;
  exec: unknown;
  transaction: unknown;
}

/**
 * Times every statement of an embedded PGlite, and reports it as what it is: one connection,
 * busy while a statement runs, with the statements behind it waiting (PGlite runs one at a time).
 */
export function instrumentPglite(client: InstrumentablePglite, metrics: ConsoleMetrics): void {
  let running = 0;
  const track = { start: () => void running++, end: () => void running-- };
  const target = client as unknown as Record<string, unknown>;
  timeQueries(target, "query", metrics, track);
  timeQueries(target, "exec", metrics, track);
  const transaction = target.transaction as Query | undefined;
  if (typeof transaction === "function") {
    // A transaction's statements go through the object it hands its callback, not `client`.
    target.transaction = function (this: unknown, callback: Query, ...rest: unknown[]) {
      return transaction.call(
        this,
        (tx: Record<string, unknown>) => {
          timeQueries(tx, "query", metrics, track);
          timeQueries(tx, "exec", metrics, track);
          return callback(tx);
        },
        ...rest,
      );
    };
  }
  metrics.databasePool.state = (): PoolState => ({
    total: 1,
    idle: running > 0 ? 0 : 1,
    waiting: Math.max(0, running - 1),
    max: 1,
  });
}
