/**
 * `npm run bench:activity`: the activity page's queries at 100,000 audit events, on the embedded
 * PGlite and on a throwaway PostgreSQL server (test/postgres.ts), and prints one table of server
 * times (median of repetitions): the first page, each filter, a deep page, the filter lists, the
 * whole export and the chain check. Writes bench/activity-latest.json.
 *
 *   npm run bench:activity                 100,000 events, 5 repetitions
 *   npm run bench:activity -- --events=20000 --runs=3 --only=pglite
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import { auditEvents } from "@/lib/db/schema";
import { chainHash, GENESIS_HASH, type ChainedFields } from "@/lib/audit/chain";
import type { ActivityFilters, ActivityPosition } from "@/lib/audit/activity-filters";
import { activityBatches, listActivity } from "@/lib/audit/read";
import { activityFacets } from "@/lib/audit/read-facets";
import { checkAuditChain } from "@/lib/audit/verify-cached";
import { verifyAuditChain } from "@/lib/audit/verify";
import { startPostgres } from "@/test/postgres";

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, "").split("=");
    return [key!, value ?? "true"] as const;
  }),
);
const EVENTS = Number(args.get("events") ?? 100_000);
const RUNS = Number(args.get("runs") ?? 5);
const ONLY = args.get("only");
const ENTITY = "entity-bench";
const ACTIONS = ["create", "update", "update", "update", "rotate", "delete"] as const;

/** A deterministic pseudo-random stream, so every run seeds the same history. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** EVENTS events over two years: 500 applications, 20 people, mostly successes. */
async function seed(db: Database) {
  const next = random(42);
  const start = Date.UTC(2024, 10, 1);
  const step = (2 * 365 * 86_400_000) / EVENTS;
  let prevHash = GENESIS_HASH;
  for (let offset = 0; offset < EVENTS; offset += 1_000) {
    const rows = [];
    for (let n = offset; n < Math.min(EVENTS, offset + 1_000); n++) {
      const roll = next();
      const outcome =
        roll < 0.85 ? "succeeded" : roll < 0.93 ? "failed" : roll < 0.98 ? "refused" : "unknown";
      const app = Math.floor(next() * 500);
      const person = Math.floor(next() * 20);
      const fields: ChainedFields = {
        id: n + 1,
        occurredAt: new Date(Math.floor(start + n * step)),
        actorEmail: `person${person}@example.test`,
        actorName: `Person ${person}`,
        actorRole: person < 15 ? "admin" : "viewer",
        action: `application.${ACTIONS[Math.floor(next() * ACTIONS.length)]!}`,
        outcome,
        // Every 50th event belongs to another entity: the page must never show it.
        entityId: n % 50 === 49 ? "entity-other" : ENTITY,
        applicationId: `app-${app}`,
        applicationName: `Application ${app}`,
        clientId: `client-${app}-${n % 7}`,
        winkStatus: outcome === "succeeded" ? 200 : outcome === "failed" ? 400 : null,
        winkRequestId: outcome === "refused" ? null : `req-${n.toString(36)}`,
        reason: outcome === "succeeded" ? null : `Wink refused it: reason ${n % 97}`,
        changes: null,
      };
      const hash = chainHash(prevHash, fields);
      rows.push({ ...fields, prevHash, hash });
      prevHash = hash;
    }
    await db.insert(auditEvents).values(rows);
  }
  // The sequence follows the ids inserted above, as appendAuditEvent's nextval would.
  await db.execute(
    `select setval(pg_get_serial_sequence('audit_events', 'id'), ${EVENTS})` as never,
  );
  await db.execute("analyze audit_events" as never);
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(fn: () => Promise<unknown>, runs = RUNS) {
  await fn();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return Math.round(median(samples) * 10) / 10;
}

async function measure(db: Database) {
  const results: Record<string, number> = {};
  const page =
    (filters: ActivityFilters, position: ActivityPosition = {}) =>
    () =>
      listActivity(ENTITY, filters, position, { db });
  const middle = await listActivity(ENTITY, {}, {}, { db, pageSize: Math.floor(EVENTS / 2) });
  const deep: ActivityPosition = { before: middle.older! };
  const cases: [string, () => Promise<unknown>][] = [
    ["first page, no filter", page({})],
    ["filter lists (actors, applications)", () => activityFacets(ENTITY, db)],
    [
      "first page + filter lists (the page's queries)",
      () => Promise.all([page({})(), activityFacets(ENTITY, db)]),
    ],
    ["action = rotate", page({ action: "application.rotate" })],
    ["outcome = unknown (2%)", page({ outcome: "unknown" })],
    ["actor = one of 20", page({ actor: "person7@example.test" })],
    ["application = one of 500", page({ application: "app-123" })],
    ["date range: one month", page({ from: "2025-06-01", to: "2025-06-30" })],
    ["search, common (a name)", page({ q: "Person 3" })],
    ["search, one event (a request id)", page({ q: `req-${(EVENTS - 5000).toString(36)}` })],
    ["search, no match", page({ q: "no such text" })],
    [
      "outcome = unknown + action = delete + search",
      page({
        outcome: "unknown",
        action: "application.delete",
        q: "reason 1",
      }),
    ],
    ["page in the middle (keyset)", page({}, deep)],
    ["newer page from the middle (keyset)", page({}, { after: middle.older! })],
  ];
  for (const [name, fn] of cases) {
    results[name] = await time(fn);
    console.log(`  ${name}: ${results[name]} ms`);
  }
  const exportAll = async () => {
    let count = 0;
    for await (const batch of activityBatches(ENTITY, {}, { db })) count += batch.length;
    return count;
  };
  results["export: every event of the entity"] = await time(exportAll, 1);
  console.log(`  export: ${results["export: every event of the entity"]} ms`);
  results["verify the whole chain"] = await time(() => verifyAuditChain(db), 1);
  console.log(`  verify: ${results["verify the whole chain"]} ms`);
  await checkAuditChain({ db, full: true });
  results["verify again, from the last verified event"] = await time(() => checkAuditChain({ db }));
  return results;
}

const all: Record<string, Record<string, number>> = {};
for (const kind of ["pglite", "postgres"] as const) {
  if (ONLY && ONLY !== kind) continue;
  console.log(`${kind}: seeding ${EVENTS} events…`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "activity-bench-"));
  const server = kind === "postgres" ? await startPostgres() : undefined;
  const open = openDatabase(
    server
      ? { kind: "postgres", url: await server.createDatabase("bench") }
      : { kind: "pglite", dataDir: path.join(dir, "db") },
  );
  try {
    await migrate(open.db);
    const started = performance.now();
    await seed(open.db);
    console.log(`  seeded in ${Math.round(performance.now() - started)} ms`);
    all[kind] = await measure(open.db);
  } finally {
    await open.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const names = Object.keys(Object.values(all)[0] ?? {});
console.log(`\n| ${EVENTS} events, median of ${RUNS} | ${Object.keys(all).join(" | ")} |`);
console.log(
  `| --- | ${Object.keys(all)
    .map(() => "---")
    .join(" | ")} |`,
);
for (const name of names) {
  console.log(
    `| ${name} | ${Object.values(all)
      .map((r) => `${r[name]} ms`)
      .join(" | ")} |`,
  );
}
mkdirSync("bench", { recursive: true });
writeFileSync(
  "bench/activity-latest.json",
  `${JSON.stringify({ events: EVENTS, runs: RUNS, at: new Date().toISOString(), machine: `${os.cpus()[0]?.model}, ${os.cpus().length} cores, Node ${process.version}`, results: all }, null, 2)}\n`,
);
