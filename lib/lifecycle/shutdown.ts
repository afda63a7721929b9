import "server-only";
import { closeDb } from "@/lib/db/connection";
import { log } from "@/lib/log";
import { changesInFlight, whenNoChangeInFlight } from "./in-flight";

/**
 * Stopping a console copy without losing a secret (SIGTERM from Docker, Kubernetes or systemd).
 *
 * Next.js's own server (`next start` and the standalone `server.js`, next/dist/server/lib/
 * start-server.js) already handles SIGTERM: it stops accepting connections, waits for the requests
 * in progress to be answered (`server.close()`), closes its own resources and exits with 143. It has
 * no time bound, and it knows nothing of the console's database. This adds, on the same signal:
 *
 *   1. draining: /api/ready answers 503, so a load balancer that still probes stops sending;
 *   2. the changes in flight (./in-flight.ts) finish: a rotate whose answer is on its way is
 *      audited and reaches the admin, since Next.js answers the request before it exits;
 *   3. the database pool closes (`closeDb()`);
 *   4. a bound: a copy still alive after `boundMs` exits with 1, whatever hangs.
 *
 * Next.js exits as soon as its last request is answered; the database is closed as soon as the
 * last change is done, which comes first.
 */

/** Kubernetes waits 30 s (terminationGracePeriodSeconds) before SIGKILL: finish well within it. */
export const SHUTDOWN_BOUND_MS = 25_000;

const KEY = Symbol.for("wink-console.shutdown");
type Holder = { [KEY]?: { draining: boolean } };

/** True once a shutdown has begun: readiness says no from then on. */
export function isDraining(): boolean {
  return (globalThis as Holder)[KEY]?.draining === true;
}

export type ShutdownOptions = {
  boundMs?: number;
  /** Tests replace the exit and the database. */
  exit?: (code: number) => void;
  closeDatabase?: () => Promise<void>;
};

/** Runs the console's part of a shutdown; resolves when the database is closed. */
export async function shutDown(signal: string, options: ShutdownOptions = {}): Promise<void> {
  const holder = globalThis as Holder;
  if (holder[KEY]?.draining) return;
  holder[KEY] = { draining: true };
  const boundMs = options.boundMs ?? SHUTDOWN_BOUND_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const startedAt = Date.now();
  // Unref'd: the bound never keeps a process alive that has nothing else left to do.
  const bound = setTimeout(() => {
    log.error("shutdown.timeout", { boundMs, changesInFlight: changesInFlight() });
    exit(1);
  }, boundMs);
  bound.unref();
  log.info("shutdown.begin", { signal, changesInFlight: changesInFlight() });
  const settled = await whenNoChangeInFlight(boundMs);
  try {
    await (options.closeDatabase ?? closeDb)();
  } catch (error) {
    log.warn("shutdown.database-close-failed", { error });
  }
  log.info("shutdown.ready-to-exit", {
    changesSettled: settled,
    durationMs: Date.now() - startedAt,
  });
  // With NEXT_MANUAL_SIG_HANDLE set, Next.js leaves the signal to the app: nothing else exits.
  if (process.env.NEXT_MANUAL_SIG_HANDLE) exit(0);
}

/** Adds the console's SIGTERM and SIGINT handling beside Next.js's own; once per process. */
export function installShutdownHandlers(): void {
  const marker = Symbol.for("wink-console.shutdown-installed");
  const holder = globalThis as { [marker]?: true };
  if (holder[marker]) return;
  holder[marker] = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => void shutDown(signal));
  }
}
