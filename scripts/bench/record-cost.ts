/**
 * The database's cost of a change and of a request, on the embedded PGlite and on PostgreSQL:
 * - a rotate's guard and audit writes (take the change lock, claim the submission id, append the
 *   audit event, write the record, release the lock), the work the database adds to a change;
 * - `isSessionRevoked`, the one lookup every signed-in request makes.
 * Prints one JSON object (medians in ms). Run by scripts/bench.mjs, under
 * `node --conditions=react-server --import tsx` (lib/db's `server-only` fence).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { recordRotated } from "@/lib/applications/record";
import { appendAuditEvent } from "@/lib/audit/write";
import { openDatabase, type Database, type OpenDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import { acquireChangeLock, claimSubmission, isSessionRevoked, revokeSession } from "@/lib/guards";
import { startPostgres } from "@/test/postgres";

const SAMPLES = Number(process.argv[2] ?? 100);
const WARMUP = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timedMedian(samples: number, run: (n: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let n = 0; n < WARMUP + samples; n++) {
    const started = performance.now();
    await run(n);
    if (n >= WARMUP) times.push(performance.now() - started);
  }
  return Math.round(median(times) * 100) / 100;
}

async function measure(db: Database) {
  const entityId = "bench-entity";
  const change = await timedMedian(SAMPLES, async (n) => {
    const applicationId = `bench-app-${n % 10}`;
    const release = await acquireChangeLock(`${entityId}/${applicationId}`, 60_000, db);
    await claimSubmission(randomUUID(), 600_000, db);
    await appendAuditEvent(
      {
        actor: { email: "admin@sandbox.test", name: "Bench Admin", role: "admin" },
        action: "application.rotate",
        outcome: "succeeded",
        entityId,
        applicationId,
        applicationName: "Bench app",
        clientId: `client-${n}`,
        winkStatus: 200,
      },
      db,
    );
    await recordRotated(
      { entityId, applicationId, newClientId: `client-${n}`, actor: { email: "a@b.test" } },
      db,
    );
    await release?.();
  });
  // A realistic list: some sign-outs of the last hours, and the lookups are of live sessions.
  const inAnHour = new Date(Date.now() + 3_600_000);
  for (let n = 0; n < 200; n++) await revokeSession(`revoked-${n}`, inAnHour, db);
  const sessionId = randomUUID();
  const revocation = await timedMedian(SAMPLES * 3, () => isSessionRevoked(sessionId, db));
  return { changeMedianMs: change, isSessionRevokedMedianMs: revocation };
}

async function main() {
  const results: Record<string, unknown> = { samples: SAMPLES };
  const dir = mkdtempSync(path.join(tmpdir(), "bench-record-"));
  let open: OpenDatabase | undefined = openDatabase({
    kind: "pglite",
    dataDir: path.join(dir, "db"),
  });
  try {
    await migrate(open.db);
    results.pglite = await measure(open.db);
  } finally {
    await open.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await startPostgres();
  try {
    const url = await server.createDatabase("bench_record");
    open = openDatabase({ kind: "postgres", url });
    await migrate(open.db);
    results.postgres = await measure(open.db);
    await open.close();
  } finally {
    await server.stop();
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
