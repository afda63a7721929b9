import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "@/lib/db/connection";
import { describeEachDatabase } from "@/test/databases";
import { canonicalJson, GENESIS_HASH } from "./chain";
import { verifyAuditChain } from "./verify";
import { appendAuditEvent, type AuditEventInput } from "./write";

const actor = { email: "admin@example.test", name: "Ada Admin", role: "admin" };

function event(n: number): AuditEventInput {
  return {
    actor,
    action: "application.update",
    outcome: "succeeded",
    entityId: "entity-1",
    applicationId: `app-${n}`,
    applicationName: `Booking widget ${n}`,
    clientId: `client-${n}`,
    winkStatus: 200,
    winkRequestId: `req-${n}`,
    reason: null,
    changes: { scopes: { added: ["account.read"], removed: [] }, name: { from: "a", to: "b" } },
  };
}

/** Changes one stored event behind the append-only trigger's back, as a database owner could. */
async function tamper(db: Parameters<typeof queryRows>[0], statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });
}

it("sorts keys at every depth, so jsonb's reordering does not change a hash", () => {
  expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: undefined } })).toBe(
    '{"a":{"d":[{"x":2,"y":1}]},"b":1}',
  );
});

describeEachDatabase("the audit chain", (get) => {
  it("verifies an empty history, then links the first event to the genesis hash", async () => {
    const { db } = get();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 0 });
    const first = await appendAuditEvent(event(0), db);
    const second = await appendAuditEvent(event(1), db);
    const rows = await queryRows<{ id: string; prev_hash: string; hash: string }>(
      db,
      sql`select id::text, prev_hash, hash from audit_events order by audit_events.id`,
    );
    expect(rows).toEqual([
      { id: String(first.id), prev_hash: GENESIS_HASH, hash: first.hash },
      { id: String(second.id), prev_hash: first.hash, hash: second.hash },
    ]);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 2 });
  });

  it("keeps one chain when two processes append 200 events at once", async () => {
    const { db, other } = get();
    await Promise.all(
      Array.from({ length: 200 }, (_, n) => appendAuditEvent(event(n), n % 2 ? other : db)),
    );
    expect(await verifyAuditChain(other)).toEqual({ ok: true, count: 202 });
  }, 120_000);

  it("names the event whose reason was altered in SQL, and passes again once it is restored", async () => {
    const { db } = get();
    const [target] = await queryRows<{ id: string; reason: string | null }>(
      db,
      sql`select id::text, reason from audit_events order by audit_events.id offset 57 limit 1`,
    );
    const id = Number(target!.id);
    await tamper(db, sql`update audit_events set reason = 'nothing happened' where id = ${id}`);
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      brokenAtId: id,
      reason: expect.stringMatching(/changed after it was written/),
    });
    await tamper(db, sql`update audit_events set reason = null where id = ${id}`);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 202 });
  });

  it("names the event after one that was removed", async () => {
    const { db } = get();
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id::text from audit_events order by audit_events.id offset 100 limit 2`,
    );
    const [removed, next] = rows.map((row) => Number(row.id));
    await tamper(db, sql`delete from audit_events where id = ${removed!}`);
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      brokenAtId: next,
      reason: expect.stringMatching(/removed, inserted or reordered/),
    });
  });
});
