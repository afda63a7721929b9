import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database, type OpenDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import { checkAuditChain, forgetChainMark } from "./verify-cached";
import { appendAuditEvent, type AuditEventInput } from "./write";

const event = (n: number): AuditEventInput => ({
  actor: { email: "ada@example.test", name: "Ada", role: "admin" },
  action: "application.update",
  outcome: "succeeded",
  entityId: "e1",
  applicationId: `app-${n}`,
  applicationName: `App ${n}`,
  reason: null,
});

/** What a database owner could do behind the console's back: the trigger off, a statement, on. */
async function tamper(db: Database, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });
}

describe("the activity page's chain check (pglite)", () => {
  let open: OpenDatabase;
  let db: Database;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "console-chain-check-"));
    open = openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") });
    db = open.db;
    await migrate(db);
  }, 240_000);
  afterAll(async () => {
    forgetChainMark();
    await open?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => forgetChainMark());

  it("walks nothing until asked, then continues from the last verified event", async () => {
    const ids = [];
    for (let n = 0; n < 5; n++) ids.push((await appendAuditEvent(event(n), db)).id);
    expect(await checkAuditChain({ db })).toEqual({ state: "unchecked" });
    expect(await checkAuditChain({ db, full: true })).toMatchObject({
      state: "verified",
      count: 5,
      throughId: ids[4],
      behind: false,
    });
    const later = await appendAuditEvent(event(5), db);
    expect(await checkAuditChain({ db })).toMatchObject({
      state: "verified",
      count: 6,
      throughId: later.id,
    });
  });

  it("names an altered event: the one the mark rests on at once, an earlier one on a full walk", async () => {
    await checkAuditChain({ db, full: true });
    const [last] = await db
      .execute(sql`select max(id)::int as id from audit_events`)
      .then((result) => (result as unknown as { rows: { id: number }[] }).rows);
    const lastId = last!.id;
    await tamper(db, sql`update audit_events set hash = 'x' || hash where id = ${lastId}`);
    expect(await checkAuditChain({ db })).toMatchObject({ state: "broken", brokenAtId: lastId });
    // A broken chain stays broken on every view, until a full walk looks again.
    expect(await checkAuditChain({ db })).toMatchObject({ state: "broken", brokenAtId: lastId });
    await tamper(db, sql`update audit_events set hash = substr(hash, 2) where id = ${lastId}`);
    expect(await checkAuditChain({ db, full: true })).toMatchObject({ state: "verified" });

    await tamper(
      db,
      sql`update audit_events set reason = 'nothing happened' where id = ${lastId - 3}`,
    );
    // Before the mark: a view does not see it (said on the page), a full walk does.
    expect(await checkAuditChain({ db })).toMatchObject({ state: "verified" });
    expect(await checkAuditChain({ db, full: true })).toMatchObject({
      state: "broken",
      brokenAtId: lastId - 3,
      reason: expect.stringMatching(/changed after it was written/),
    });
    await tamper(db, sql`update audit_events set reason = null where id = ${lastId - 3}`);
    expect(await checkAuditChain({ db, full: true })).toMatchObject({ state: "verified" });
  });

  it("finds a row inserted behind the console's back after the mark", async () => {
    await checkAuditChain({ db, full: true });
    await db.execute(
      sql`insert into audit_events (occurred_at, action, outcome, entity_id, prev_hash, hash)
          values (now(), 'application.delete', 'succeeded', 'e1', 'forged', 'forged-hash')`,
    );
    const forged = await db.execute(sql`select max(id)::int as id from audit_events`);
    const forgedId = (forged as unknown as { rows: { id: number }[] }).rows[0]!.id;
    expect(await checkAuditChain({ db })).toMatchObject({
      state: "broken",
      brokenAtId: forgedId,
      reason: expect.stringMatching(/removed, inserted or reordered/),
    });
  });
});
