/**
 * The pipeline's memory in the database: what a change writes there (the record, the hash-chained
 * audit), and what happens when the database is out of reach, before Wink (refused, Wink not asked)
 * and after it (the answer, and its secret, still returned; the log line marked for reconciliation;
 * the record repaired by the next reconcile). The sandbox plays Wink; the database is PGlite.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reconcile } from "@/lib/applications/record";
import { getRecord } from "@/lib/applications/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { openDatabase, type OpenDatabase } from "@/lib/db/connection";
import { RECORD_UNAVAILABLE } from "@/lib/guards";
import { setLogSink } from "@/lib/log";
import { createApplication } from "./create";
import { databaseDependencies } from "./database";
import { deleteApplication } from "./delete";
import type { ChangeDependencies } from "./dependencies";
import { rotateApplicationCredentials } from "./rotate";
import { changeSuite, type ChangeSuite, type TestWorld } from "./testing";
import { updateApplication } from "./update";

const suite = changeSuite({
  email: "ann@example.test",
  name: "Ann Admin",
  prefix: "db-submission",
});
const { newSubmissionId, requests } = suite;
let database: ChangeSuite["database"];
let world: TestWorld;
let entityId: string;
let APP: { id: string; name: string; clientId: string };
let logLines: string[] = [];

beforeEach(() => {
  ({ database, world, entityId, app: APP } = suite);
  logLines = [];
  setLogSink((_level, line) => logLines.push(line));
});
afterEach(() => setLogSink());

const key = () => ({ entityId, applicationId: APP.id });

const rotate = (deps: ChangeDependencies = world.deps, expectedClientId = APP.clientId) =>
  rotateApplicationCredentials(
    {
      entityId,
      applicationId: APP.id,
      submissionId: newSubmissionId(),
      input: "Booking site",
      expectedClientId,
    },
    deps,
  );

const failing = async () => {
  throw new Error("connect ECONNREFUSED 127.0.0.1:1");
};

describe("a change writes the console's record and the audit chain", () => {
  it("records a create with the chosen client type and who created it", async () => {
    const result = await createApplication(
      {
        entityId,
        submissionId: newSubmissionId(),
        input: {
          name: "Mobile app",
          clientType: "SPA",
          redirectUris: ["https://app.example.com/cb"],
          postLogoutRedirectUris: [],
          scopes: ["booking.read"],
          iconIdentifier: "",
        },
      },
      world.deps,
    );
    if (!result.ok) throw new Error(result.error);
    const record = await getRecord({ entityId, applicationId: result.data.id }, database.db);
    expect(record).toMatchObject({
      clientType: "SPA",
      clientTypeSource: "console",
      createdByEmail: "ann@example.test",
      createdByName: "Ann Admin",
      secretIssuedBy: "ann@example.test",
      lastClientId: result.data.clientId,
      rotations: 0,
    });
    expect(world.lastAudit()).toMatchObject({
      applicationName: "Mobile app",
      actor: { email: "ann@example.test", name: "Ann Admin", role: "admin" },
    });
  });

  it("records a rotate (secret issued at and by, one more rotation, the new client ID)", async () => {
    const result = await rotate();
    if (!result.ok) throw new Error(result.error);
    const record = await getRecord(key(), database.db);
    expect(record).toMatchObject({
      rotations: 1,
      lastClientId: result.data.clientId,
      secretIssuedBy: "ann@example.test",
    });
    expect(record?.secretIssuedAt).toBeInstanceOf(Date);
    // The console issued it: the next reconcile does not call it a change made elsewhere.
    const reconciled = await reconcile(
      entityId,
      [{ id: APP.id, clientId: result.data.clientId }],
      {},
      database.db,
    );
    expect(reconciled.get(APP.id)?.clientIdChangedOutsideAt).toBeNull();
  });

  it("marks a deleted application's record gone, and keeps it", async () => {
    await rotate();
    const result = await deleteApplication(
      { entityId, applicationId: APP.id, submissionId: newSubmissionId(), input: "Booking site" },
      world.deps,
    );
    expect(result).toMatchObject({ ok: true });
    expect(await getRecord(key(), database.db)).toMatchObject({
      rotations: 1,
      goneAt: expect.any(Date),
    });
  });

  it("audits an update's scope and URI diff, in one chain that verifies", async () => {
    await updateApplication(
      {
        entityId,
        applicationId: APP.id,
        submissionId: newSubmissionId(),
        input: {
          name: "Booking site",
          redirectUris: ["https://example.com/cb2"],
          postLogoutRedirectUris: [],
          scopes: ["booking.read", "payment.write"],
          iconIdentifier: "",
        },
      },
      world.deps,
    );
    expect(world.lastAudit()).toMatchObject({
      action: "application.update",
      outcome: "succeeded",
      applicationName: "Booking site",
      changes: {
        scopes: { added: ["payment.write"], removed: [] },
        redirectUris: { added: ["https://example.com/cb2"], removed: ["https://example.com/cb"] },
      },
    });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});

describe("two consoles on one database", () => {
  it("never rotates twice when one console read the application before the other's rotate ended", async () => {
    // The second console's read of the application answers, then is held: the first console's
    // rotate runs meanwhile. Its client ID is then stale, and it must not reach Wink.
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    let reads = 0;
    const slowReader = {
      ...world.deps.wink,
      clientId: world.deps.wink.clientId,
      getApplication: async (...args: Parameters<typeof world.deps.wink.getApplication>) => {
        const application = await world.deps.wink.getApplication(...args);
        reads += 1;
        await gate;
        return application;
      },
    };
    const second = rotate({ ...world.deps, wink: slowReader });
    await expect.poll(() => reads).toBe(1);
    const first = await rotate();
    open();
    const answers = [first, await second];
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(requests("rotate")).toBe(1);
  });
});

describe("the database out of reach", () => {
  let unreachable: OpenDatabase;
  beforeAll(() => {
    // Nothing listens on port 1: every query fails to connect, as with a database that is down.
    unreachable = openDatabase({
      kind: "postgres",
      url: "postgres://console@127.0.0.1:1/console",
      connectTimeoutMs: 2_000,
    });
  });
  afterAll(() => unreachable.close());

  it("refuses a rotate and an update before Wink is asked, with a clear message", async () => {
    const deps = { ...world.deps, ...databaseDependencies(() => unreachable.db) };
    expect(await rotate(deps)).toEqual({ ok: false, status: 503, error: RECORD_UNAVAILABLE });
    const updated = await updateApplication(
      {
        entityId,
        applicationId: APP.id,
        submissionId: newSubmissionId(),
        input: {
          name: "Not sent",
          redirectUris: [],
          postLogoutRedirectUris: [],
          scopes: [],
          iconIdentifier: "",
        },
      },
      deps,
    );
    expect(updated).toMatchObject({ ok: false, status: 503, error: RECORD_UNAVAILABLE });
    expect(requests("rotate")).toBe(0);
    expect(requests("update")).toBe(0);
    // The refusal is still in the log, marked as not stored.
    const audits = logLines.map((line) => JSON.parse(line)).filter((e) => e.event === "audit");
    expect(audits.at(-1)).toMatchObject({ outcome: "refused", reconcile: true });
  });

  it("returns a rotate's new pair when the record and the audit fail after Wink, and marks the log line", async () => {
    const deps: ChangeDependencies = {
      ...world.deps,
      audit: async (event) => {
        if (event.outcome !== "refused") await failing();
      },
      record: { created: failing, rotated: failing, deleted: failing, details: failing },
    };
    const result = await rotate(deps);
    if (!result.ok) throw new Error(result.error);
    expect(result.data.secretKey).toEqual(expect.any(String));
    expect(requests("rotate")).toBe(1);

    const events = logLines.map((line) => JSON.parse(line));
    const marked = events.filter((event) => event.reconcile === true);
    expect(marked.map((event) => event.unwritten).flat()).toEqual(
      expect.arrayContaining(["audit event", "application record"]),
    );
    expect(marked.find((e) => e.event === "record.unwritten")).toMatchObject({
      action: "application.rotate",
      applicationId: APP.id,
      clientId: result.data.clientId,
    });
    expect(logLines.join("\n")).not.toContain(result.data.secretKey);

    // The next read of the list repairs the record, and says the client ID changed.
    const repaired = await reconcile(
      entityId,
      [{ id: APP.id, clientId: result.data.clientId }],
      {},
      database.db,
    );
    expect(repaired.get(APP.id)?.lastClientId).toBe(result.data.clientId);
  });

  it("notes a rotate whose record was lost as a client ID change at the next reconcile", async () => {
    await reconcile(entityId, [{ id: APP.id, clientId: APP.clientId }], {}, database.db);
    const deps = {
      ...world.deps,
      record: { created: failing, rotated: failing, deleted: failing, details: failing },
    };
    const result = await rotate(deps);
    if (!result.ok) throw new Error(result.error);
    const repaired = await reconcile(
      entityId,
      [{ id: APP.id, clientId: result.data.clientId }],
      {},
      database.db,
    );
    expect(repaired.get(APP.id)).toMatchObject({
      lastClientId: result.data.clientId,
      clientIdChangedOutsideAt: expect.any(Date),
    });
  });
});
