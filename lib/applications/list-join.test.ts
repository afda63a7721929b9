import { expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import type { Database } from "@/lib/db/connection";
import type { Application } from "@/lib/wink";
import { recordCreated, recordRotated, updateRecordDetails } from "./record";
import { clearRecordSnapshots } from "./record/record-cache";
import { joinRecords, toPublicApplication } from "./list-join";

const actor = { email: "ada@example.test", name: "Ada Admin" };

function applications(entity: string, count: number): Application[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `${entity}-app-${n}`,
    name: `Application ${n}`,
    clientId: `${entity}-cid-${n}`,
    redirectUris: n % 2 ? [`https://app-${n}.example/callback`] : [],
    postLogoutRedirectUris: [],
    scopes: ["booking.read"],
    iconIdentifier: null,
  }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * The list read's added cost: the join (reconcile against the snapshot, one lookup per listed
 * application) minus what the list did without it (copying each application's public fields). Reported, not
 * asserted: timings on a shared machine are not a test.
 */
async function addedMedianMs(db: Database, entity: string, list: Application[], runs: number) {
  const added: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    const plain = list.map(toPublicApplication);
    const plainMs = performance.now() - started;
    started = performance.now();
    const joined = await joinRecords(entity, list, new Date(), db);
    const joinMs = performance.now() - started;
    expect(joined.recordUnavailable).toBe(false);
    expect(joined.applications).toHaveLength(plain.length);
    added.push(joinMs - plainMs);
  }
  return median(added);
}

describeEachDatabase("the list joined with the record", (get) => {
  it("gives each listed application its public record, and an unseen one an unknown type", async () => {
    const { db } = get();
    const list = applications("e1", 3);
    await recordCreated(
      { entityId: "e1", applicationId: "e1-app-0", clientId: "e1-cid-0", clientType: "SPA", actor },
      db,
    );
    await recordRotated(
      { entityId: "e1", applicationId: "e1-app-0", newClientId: "e1-cid-0", actor },
      db,
    );
    await updateRecordDetails(
      { entityId: "e1", applicationId: "e1-app-0", owner: "Team Rocket", description: "Books" },
      db,
    );
    const joined = await joinRecords("e1", list, new Date(), db);
    const [created, seen] = joined.applications;
    expect(created!.record).toMatchObject({
      clientType: "SPA",
      clientTypeSource: "created",
      createdBy: "Ada Admin",
      secretIssuedBy: actor.email,
      rotations: 1,
      owner: "Team Rocket",
      description: "Books",
      clientIdChangedOutsideAt: null,
    });
    expect(seen!.record).toMatchObject({
      clientType: null,
      clientTypeSource: "unknown",
      createdAt: null,
      secretIssuedAt: null,
    });
    expect(Date.parse(seen!.record!.firstSeenAt)).not.toBeNaN();
    // Only the public fields cross: no row member such as the entity or the last client ID.
    expect(Object.keys(created!.record!)).not.toContain("lastClientId");
    expect(Object.keys(created!.record!)).not.toContain("entityId");
  });

  it("sees a write made by another process at the next read (the version moves on)", async () => {
    const { db, other } = get();
    const list = applications("e1", 3);
    await joinRecords("e1", list, new Date(), db);
    await updateRecordDetails(
      { entityId: "e1", applicationId: "e1-app-2", owner: "Payments", clientType: "WEB" },
      other,
    );
    const joined = await joinRecords("e1", list, new Date(), db);
    expect(joined.applications[2]!.record).toMatchObject({
      owner: "Payments",
      clientType: "WEB",
      clientTypeSource: "admin",
    });
  });

  it("notes a client ID changed outside the console and drops an application that went", async () => {
    const { db } = get();
    const list = applications("e1", 3).map((application, n) =>
      n === 1 ? { ...application, clientId: "rotated-elsewhere" } : application,
    );
    const joined = await joinRecords("e1", list.slice(0, 2), new Date(), db);
    expect(joined.applications).toHaveLength(2);
    expect(joined.applications[1]!.record!.clientIdChangedOutsideAt).not.toBeNull();
    expect(joined.applications[0]!.record!.clientIdChangedOutsideAt).toBeNull();
    const back = await joinRecords("e1", list, new Date(), db);
    expect(back.applications[2]!.record).toMatchObject({ owner: "Payments" });
  });

  it("answers Wink's list alone, flagged, when the database fails", async () => {
    const failing = {
      select: () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:1");
      },
    } as unknown as Database;
    const list = applications("e1", 2);
    const joined = await joinRecords("e1", list, new Date(), failing);
    expect(joined.recordUnavailable).toBe(true);
    expect(joined.applications.map((application) => application.record)).toEqual([null, null]);
    expect(joined.applications[0]!.name).toBe("Application 0");
  });

  it("adds little to the list read at 100 and at 10,000 applications", async () => {
    const { db, kind, statements } = get();
    const figures: string[] = [];
    for (const count of [100, 10_000]) {
      const entity = `bench-${count}`;
      const list = applications(entity, count);
      clearRecordSnapshots(db);
      let started = performance.now();
      await joinRecords(entity, list, new Date(), db);
      const firstMs = performance.now() - started;
      clearRecordSnapshots(db);
      started = performance.now();
      await joinRecords(entity, list, new Date(), db);
      const coldMs = performance.now() - started;
      // Warm: one statement per read, whatever the count.
      const sent = statements();
      await joinRecords(entity, list, new Date(), db);
      expect(statements() - sent).toBe(1);
      const addedMs = await addedMedianMs(db, entity, list, 21);
      figures.push(
        `${count}: added median ${addedMs.toFixed(2)} ms (first ever ${firstMs.toFixed(0)} ms, cold process ${coldMs.toFixed(0)} ms)`,
      );
    }
    console.info(`[figures ${kind}] list join ${figures.join("; ")}`);
  }, 180_000);
});
