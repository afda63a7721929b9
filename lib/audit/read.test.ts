import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database, type OpenDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/connection";
import {
  parseActivityFilters,
  parseActivityPosition,
  type ActivityFilters,
  type ActivityPosition,
} from "./activity-filters";
import { activityBatches, activityQuery, listActivity, type ActivityEvent } from "./read";
import { activityFacets } from "./read-facets";
import { appendAuditEvent, type AuditEventInput } from "./write";

const ACTIONS = ["create", "update", "rotate", "delete"] as const;
const OUTCOMES = ["succeeded", "failed", "unknown", "refused"] as const;

/** Event n of entity e1: actors, apps, actions and outcomes cycle; one day apart from 2026-01-01. */
function event(n: number): AuditEventInput {
  return {
    actor: {
      email: n % 3 === 0 ? "Ada@Example.test" : "bob@example.test",
      name: n % 3 === 0 ? "Ada Admin" : "Bob Builder",
      role: "admin",
    },
    action: `application.${ACTIONS[n % 4]!}`,
    outcome: OUTCOMES[Math.floor(n / 4) % 4]!,
    entityId: "e1",
    applicationId: `app-${n % 5}`,
    applicationName: `Booking widget ${n % 5}`,
    clientId: `client-${n % 5}`,
    winkStatus: 200,
    winkRequestId: `req-${n}`,
    reason: n === 17 ? "Wink said 100%_off is not a name" : null,
  };
}

const ids = (events: ActivityEvent[]) => events.map((row) => row.id);

describe("the activity query (pglite)", () => {
  let open: OpenDatabase;
  let db: Database;
  let dir: string;
  /** Ids of e1's events, newest first. */
  const all: number[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "console-activity-"));
    open = openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") });
    db = open.db;
    await migrate(db);
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let n = 0; n < 60; n++) {
      vi.setSystemTime(new Date(Date.UTC(2026, 0, 1 + n, 12)));
      all.unshift((await appendAuditEvent(event(n), db)).id);
      // Another entity's event at the same moment must never show.
      if (n % 10 === 0) await appendAuditEvent({ ...event(n), entityId: "e2" }, db);
    }
    vi.useRealTimers();
  }, 240_000);

  afterAll(async () => {
    await open?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows one entity's events, newest first, a page at a time", async () => {
    const page = await listActivity("e1", {}, {}, { db, pageSize: 25 });
    expect(ids(page.events)).toEqual(all.slice(0, 25));
    expect(page.newer).toBeUndefined();
    expect(page.older).toEqual({ occurredAt: page.events[24]!.occurredAt, id: all[24] });
  });

  it("pages older and newer by keyset, and back to the same events", async () => {
    const first = await listActivity("e1", {}, {}, { db, pageSize: 25 });
    const second = await listActivity("e1", {}, { before: first.older! }, { db, pageSize: 25 });
    expect(ids(second.events)).toEqual(all.slice(25, 50));
    const third = await listActivity("e1", {}, { before: second.older! }, { db, pageSize: 25 });
    expect(ids(third.events)).toEqual(all.slice(50));
    expect(third.older).toBeUndefined();
    const back = await listActivity("e1", {}, { after: third.newer! }, { db, pageSize: 25 });
    expect(ids(back.events)).toEqual(all.slice(25, 50));
    expect(back.newer).toBeDefined();
    const top = await listActivity("e1", {}, { after: back.newer! }, { db, pageSize: 25 });
    expect(ids(top.events)).toEqual(all.slice(0, 25));
    expect(top.newer).toBeUndefined();
  });

  it("reads the position from the URL the page writes", async () => {
    const first = await listActivity("e1", {}, {}, { db, pageSize: 10 });
    const cursor = `${first.older!.occurredAt.toISOString()}_${first.older!.id}`;
    const position = parseActivityPosition(new URLSearchParams({ before: cursor }));
    const next = await listActivity("e1", {}, position, { db, pageSize: 10 });
    expect(ids(next.events)).toEqual(all.slice(10, 20));
    expect(parseActivityPosition(new URLSearchParams({ before: "1 or 1=1" }))).toEqual({});
  });

  it("filters by action, outcome, actor (any case), application and day range", async () => {
    const check = async (query: Record<string, string>, expected: (n: number) => boolean) => {
      const page = await listActivity("e1", parseActivityFilters(query), {}, { db, pageSize: 100 });
      const want = all.filter((_, index) => expected(59 - index));
      expect(ids(page.events)).toEqual(want);
      expect(want.length).toBeGreaterThan(0);
    };
    await check({ action: "application.rotate" }, (n) => n % 4 === 2);
    await check({ outcome: "unknown" }, (n) => Math.floor(n / 4) % 4 === 2);
    await check({ actor: "ADA@example.test" }, (n) => n % 3 === 0);
    await check({ application: "app-3" }, (n) => n % 5 === 3);
    // 2026-01-10 .. 2026-01-12 are events 9, 10 and 11, both ends included.
    await check({ from: "2026-01-10", to: "2026-01-12" }, (n) => n >= 9 && n <= 11);
    await check(
      { action: "application.update", actor: "bob@example.test", from: "2026-02-01" },
      (n) => n % 4 === 1 && n % 3 !== 0 && n >= 31,
    );
  });

  it("searches reason, names, client ID and request id, with % and _ taken literally", async () => {
    const search = async (q: string) =>
      ids((await listActivity("e1", { q }, {}, { db, pageSize: 100 })).events);
    expect(await search("100%_off")).toEqual([all[59 - 17]]);
    expect(await search("100%")).toEqual([all[59 - 17]]);
    expect(await search("%")).toEqual([all[59 - 17]]);
    expect(await search("req-42")).toEqual([all[59 - 42]]);
    expect((await search("booking WIDGET 4")).length).toBe(12);
    expect((await search("client-2")).length).toBe(12);
    expect((await search("bob builder")).length).toBe(40);
    expect(await search("nothing like this")).toEqual([]);
  });

  it("keeps the filter while paging", async () => {
    const filters = { actor: "bob@example.test" };
    const first = await listActivity("e1", filters, {}, { db, pageSize: 15 });
    const second = await listActivity(
      "e1",
      filters,
      { before: first.older! },
      { db, pageSize: 15 },
    );
    const bob = all.filter((_, index) => (59 - index) % 3 !== 0);
    expect([...ids(first.events), ...ids(second.events)]).toEqual(bob.slice(0, 30));
  });

  it("streams every selected event in keyset batches", async () => {
    const seen: number[] = [];
    const sizes: number[] = [];
    for await (const batch of activityBatches("e1", {}, { db, batchSize: 7 })) {
      sizes.push(batch.length);
      seen.push(...ids(batch));
    }
    expect(seen).toEqual(all);
    expect(Math.max(...sizes)).toBe(7);
  });

  it("lists the actors and applications the history names, for the filters", async () => {
    const facets = await activityFacets("e1", db);
    expect(facets.actors).toEqual(["ada@example.test", "bob@example.test"]);
    expect(facets.applications.map((app) => app.id)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `app-${n}`),
    );
    expect(facets.applications[2]).toEqual({ id: "app-2", name: "Booking widget 2" });
    expect(await activityFacets("nobody", db)).toEqual({ actors: [], applications: [] });
  });
});

describe("the activity query's plan (pglite)", () => {
  let open: OpenDatabase;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "console-activity-plan-"));
    open = openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") });
    await migrate(open.db);
  }, 240_000);
  afterAll(async () => {
    await open?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The plan with sequential scans priced out, as on a large table: an index walk, or a sort. */
  async function plan(filters: ActivityFilters, position: ActivityPosition = {}) {
    const { db } = open;
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = activityQuery(tx as unknown as Database, "e1", filters, position, 51);
      const rows = await queryRows<{ "QUERY PLAN": string }>(tx, sql`explain ${query}`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
  }

  it("walks an index in page order and stops at the page, with no sort, for every filter", async () => {
    const cursor = { occurredAt: new Date("2026-01-10T00:00:00Z"), id: 10 };
    // Either index of outcome serves the pair: the planner picks by its statistics.
    const cases: [ActivityFilters, string | RegExp][] = [
      [{}, "audit_events_entity_recent"],
      [{ application: "app-1" }, "audit_events_entity_application_recent"],
      [{ actor: "ada@example.test" }, "audit_events_entity_actor_recent"],
      [
        { action: "application.rotate", outcome: "failed", q: "x" },
        /audit_events_entity_(action_)?outcome_recent/,
      ],
      // A common action alone fills a page soon on the recent walk: no index of its own needed.
      [{ action: "application.rotate" }, "audit_events_entity_recent"],
      [{ outcome: "unknown" }, "audit_events_entity_outcome_recent"],
    ];
    for (const [filters, index] of cases) {
      const positions: ActivityPosition[] = [{}, { before: cursor }, { after: cursor }];
      for (const position of positions) {
        const text = await plan(filters, position);
        expect(text).toMatch(index);
        expect(text).not.toMatch(/\bSort\b/);
      }
    }
  });
});
