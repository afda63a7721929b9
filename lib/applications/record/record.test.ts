import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { reconcile } from "./reconcile";
import {
  getRecord,
  recordCreated,
  recordDeleted,
  recordRotated,
  updateRecordDetails,
} from "./write";

const actor = { email: "admin@example.test", name: "Ada Admin" };
const E = "entity-1";

describeEachDatabase("the application record", (get) => {
  it("gives applications first seen in Wink a record of unknown type", async () => {
    const { db } = get();
    const records = await reconcile(
      E,
      [
        { id: "a1", clientId: "c1" },
        { id: "a2", clientId: "c2" },
      ],
      {},
      db,
    );
    expect([...records.keys()].sort()).toEqual(["a1", "a2"]);
    const a1 = records.get("a1")!;
    expect(a1).toMatchObject({
      entityId: E,
      lastClientId: "c1",
      clientType: null,
      createdAt: null,
    });
    expect(a1.firstSeenAt).toBeInstanceOf(Date);
    expect(a1.clientIdChangedOutsideAt).toBeNull();
    expect(a1.goneAt).toBeNull();
  });

  it("keeps what the console created and rotated, without calling it a change made elsewhere", async () => {
    const { db } = get();
    const created = await recordCreated(
      { entityId: E, applicationId: "a3", clientId: "c3", clientType: "WEB", actor },
      db,
    );
    expect(created).toMatchObject({
      clientType: "WEB",
      clientTypeSource: "console",
      createdByEmail: actor.email,
      createdByName: actor.name,
      secretIssuedBy: actor.email,
      rotations: 0,
    });
    expect(created.createdAt).toBeInstanceOf(Date);
    await recordRotated({ entityId: E, applicationId: "a3", newClientId: "c3b", actor }, db);
    const records = await reconcile(
      E,
      [
        { id: "a1", clientId: "c1" },
        { id: "a2", clientId: "c2" },
        { id: "a3", clientId: "c3b" },
      ],
      {},
      db,
    );
    expect(records.get("a3")).toMatchObject({
      lastClientId: "c3b",
      rotations: 1,
      clientIdChangedOutsideAt: null,
      clientType: "WEB",
    });
  });

  it("notes a client ID changed outside the console", async () => {
    const { db } = get();
    const records = await reconcile(
      E,
      [
        { id: "a1", clientId: "c1-elsewhere" },
        { id: "a2", clientId: "c2" },
        { id: "a3", clientId: "c3b" },
      ],
      {},
      db,
    );
    expect(records.get("a1")).toMatchObject({ lastClientId: "c1-elsewhere", rotations: 0 });
    expect(records.get("a1")!.clientIdChangedOutsideAt).toBeInstanceOf(Date);
    expect(records.get("a2")!.clientIdChangedOutsideAt).toBeNull();
  });

  it("marks applications missing from Wink's list gone, keeps their record, and only this entity's", async () => {
    const { db } = get();
    await reconcile("entity-2", [{ id: "b1", clientId: "d1" }], {}, db);
    const records = await reconcile(
      E,
      [
        { id: "a1", clientId: "c1-elsewhere" },
        { id: "a3", clientId: "c3b" },
      ],
      {},
      db,
    );
    expect(records.has("a2")).toBe(false);
    expect((await getRecord({ entityId: E, applicationId: "a2" }, db))!.goneAt).toBeInstanceOf(
      Date,
    );
    expect(records.get("a1")!.goneAt).toBeNull();
    expect((await getRecord({ entityId: "entity-2", applicationId: "b1" }, db))!.goneAt).toBeNull();

    const back = await reconcile(
      E,
      [
        { id: "a2", clientId: "c2" },
        { id: "a1", clientId: "c1-elsewhere" },
        { id: "a3", clientId: "c3b" },
      ],
      {},
      db,
    );
    expect(back.get("a2")!.goneAt).toBeNull();
  });

  it("leaves records written after the list was read to the next reconcile", async () => {
    const { db } = get();
    const observedAt = new Date(Date.now() - 60_000);
    await recordCreated(
      { entityId: E, applicationId: "a4", clientId: "c4", clientType: "SPA", actor },
      db,
    );
    await recordRotated({ entityId: E, applicationId: "a3", newClientId: "c3c", actor }, db);
    // A list read before the create and the rotate: a4 is missing, a3 has its old client ID.
    const records = await reconcile(
      E,
      [
        { id: "a1", clientId: "c1-elsewhere" },
        { id: "a2", clientId: "c2" },
        { id: "a3", clientId: "c3b" },
      ],
      { observedAt },
      db,
    );
    expect(records.get("a3")).toMatchObject({
      lastClientId: "c3c",
      clientIdChangedOutsideAt: null,
    });
    expect((await getRecord({ entityId: E, applicationId: "a4" }, db))!.goneAt).toBeNull();
  });

  it("marks a deleted application gone and keeps its record", async () => {
    const { db } = get();
    expect(await recordDeleted({ entityId: E, applicationId: "a4" }, db)).toBe(true);
    expect(await getRecord({ entityId: E, applicationId: "a4" }, db)).toMatchObject({
      clientType: "SPA",
      goneAt: expect.any(Date),
    });
    expect(await recordDeleted({ entityId: E, applicationId: "never" }, db)).toBe(false);
  });

  it("stores an admin's details and client type, and refuses text past its limit", async () => {
    const { db } = get();
    const updated = await updateRecordDetails(
      {
        entityId: E,
        applicationId: "a1",
        description: " Booking site ",
        owner: "",
        clientType: "SPA",
      },
      db,
    );
    expect(updated).toMatchObject({
      description: "Booking site",
      owner: null,
      clientType: "SPA",
      clientTypeSource: "admin",
      lastClientId: "c1-elsewhere",
    });
    const ownerOnly = await updateRecordDetails(
      { entityId: E, applicationId: "a1", owner: "Team B" },
      db,
    );
    expect(ownerOnly).toMatchObject({ description: "Booking site", owner: "Team B" });
    await expect(
      updateRecordDetails({ entityId: E, applicationId: "a1", owner: "x".repeat(201) }, db),
    ).rejects.toThrow();
  });

  it("reconciles 10,000 applications in a bounded number of statements, and a no-op in one", async () => {
    const { db, kind, statements } = get();
    const entity = "entity-big";
    const apps = Array.from({ length: 10_000 }, (_, n) => ({
      id: `big-${n}`,
      clientId: `cid-${n}`,
    }));
    const before = statements();
    let started = performance.now();
    const first = await reconcile(entity, apps, {}, db);
    const firstMs = performance.now() - started;
    // Version, rows, one write, version, rows: whatever the list's length.
    expect(statements() - before).toBeLessThanOrEqual(5);
    expect(first.size).toBe(10_000);

    const noOpMs: number[] = [];
    for (let run = 0; run < 5; run++) {
      const sent = statements();
      started = performance.now();
      await reconcile(entity, apps, {}, db);
      noOpMs.push(performance.now() - started);
      expect(statements() - sent).toBe(1);
    }
    const changed = apps.map((app, n) =>
      n === 1234 ? { ...app, clientId: "rotated-elsewhere" } : app,
    );
    const afterChange = await reconcile(entity, changed.slice(1), {}, db);
    const noted = [...afterChange.values()].filter((record) => record.clientIdChangedOutsideAt);
    expect(noted.map((record) => record.applicationId)).toEqual(["big-1234"]);
    const [gone] = await db
      .execute(sql`select 1`)
      .then(async () => [await getRecord({ entityId: entity, applicationId: "big-0" }, db)]);
    expect(gone!.goneAt).toBeInstanceOf(Date);

    const revokedMs: number[] = [];
    const { isSessionRevoked } = await import("@/lib/guards/sessions");
    for (let run = 0; run < 50; run++) {
      started = performance.now();
      await isSessionRevoked(`jti-${run}`, db);
      revokedMs.push(performance.now() - started);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    console.info(
      `[figures ${kind}] reconcile 10,000 first: ${firstMs.toFixed(0)} ms; no-op median of 5: ${median(noOpMs).toFixed(0)} ms; isSessionRevoked median of 50: ${median(revokedMs).toFixed(2)} ms`,
    );
  }, 180_000);
});
