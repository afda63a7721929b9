/**
 * Update, rotate and delete down the change pipeline, against an in-process sandbox playing Wink.
 * Nothing is mocked: the session is the pipeline's `authorize` dependency, Wink is a real client
 * over HTTP, and "Wink was (not) asked" is counted by the sandbox.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { WinkClient } from "@/lib/wink";
import { CONSOLE_APPLICATION_ID, FOUNDING_APPLICATION_ID } from "@/sandbox/state/seed";
import type { RunningSandbox } from "@/sandbox/server";
import { postControl } from "@/sandbox/testing/harness";
import { deleteApplication } from "./delete";
import { rotateApplicationCredentials } from "./rotate";
import { changeSuite, sandboxWink, type TestWorld } from "./testing";
import { updateApplication } from "./update";

const suite = changeSuite();
const { newSubmissionId, requests } = suite;
let sandbox: RunningSandbox;
let world: TestWorld;
let entityId: string;
/** The application each test works on, as the sandbox created it. */
let APP: { id: string; name: string; clientId: string };
beforeEach(() => ({ sandbox, world, entityId, app: APP } = suite));

/** A rotate confirmed on a page that showed `seenClientId` (the current one, unless a test says). */
const rotate = (
  entityId: string,
  applicationId: string,
  submissionId: string,
  confirmName: string,
  seenClientId = APP.clientId,
  deps = world.deps,
) =>
  rotateApplicationCredentials(
    { entityId, applicationId, submissionId, input: confirmName, expectedClientId: seenClientId },
    deps,
  );

const remove = (entityId: string, applicationId: string, submissionId: string, name: string) =>
  deleteApplication({ entityId, applicationId, submissionId, input: name }, world.deps);

const update = (entityId: string, applicationId: string, submissionId: string, input: unknown) =>
  updateApplication({ entityId, applicationId, submissionId, input }, world.deps);

/** The client's rotate, held until the test lets it go on to the sandbox. */
function gatedRotates(wink: WinkClient) {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  let calls = 0;
  const client: WinkClient = {
    ...wink,
    clientId: wink.clientId,
    rotateApplicationCredentials: async (...args) => {
      calls += 1;
      await gate;
      return wink.rotateApplicationCredentials(...args);
    },
  };
  return { client, open: () => open(), calls: () => calls };
}

describe("rotateApplicationCredentials", () => {
  it("refuses when the credentials changed since the page was opened (a second tab)", async () => {
    const result = await rotate(
      entityId,
      APP.id,
      newSubmissionId(),
      "Booking site",
      "client-older",
    );
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(!result.ok && result.error).toMatch(/rotated since this page was opened/);
    expect(requests("rotate")).toBe(0);
  });

  it("lets only one of two simultaneous rotates of the same application reach Wink", async () => {
    const gated = gatedRotates(world.deps.wink);
    const deps = { ...world.deps, wink: gated.client };
    const first = rotate(entityId, APP.id, newSubmissionId(), "Booking site", APP.clientId, deps);
    await expect.poll(gated.calls).toBe(1);
    const second = await rotate(
      entityId,
      APP.id,
      newSubmissionId(),
      "Booking site",
      APP.clientId,
      deps,
    );
    expect(second).toMatchObject({ ok: false, status: 409 });
    gated.open();
    expect(await first).toMatchObject({ ok: true });
    expect(requests("rotate")).toBe(1);
  });

  it("rotates once and returns the new pair, auditing the new client ID and never the secret", async () => {
    const result = await rotate(entityId, APP.id, newSubmissionId(), " Booking site ");
    const now = await world.deps.wink.getApplication(entityId, APP.id);
    expect(now.clientId).not.toBe(APP.clientId);
    expect(result).toEqual({
      ok: true,
      data: {
        id: APP.id,
        name: "Booking site",
        clientId: now.clientId,
        secretKey: expect.any(String),
      },
    });
    expect(requests("rotate")).toBe(1);
    expect(world.lastAudit()).toMatchObject({
      action: "application.rotate",
      outcome: "succeeded",
      actor: { email: "admin@example.test", role: "admin" },
      entityId,
      applicationId: APP.id,
      clientId: now.clientId,
    });
    const secret = result.ok ? result.data.secretKey : "";
    expect(secret.length).toBeGreaterThan(0);
    expect(JSON.stringify(world.audits)).not.toContain(secret);
  });

  it("refuses the console's own application, without asking Wink to rotate", async () => {
    const result = await rotate(
      entityId,
      CONSOLE_APPLICATION_ID,
      newSubmissionId(),
      "Applications Console",
    );
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(!result.ok && result.error).toMatch(/lock the console out/);
    expect(requests("rotate")).toBe(0);
    expect(world.lastAudit()).toMatchObject({
      outcome: "refused",
      clientId: sandbox.consoleCredential.clientId,
    });
  });

  it("refuses a name that does not match, without spending the submission id", async () => {
    const id = newSubmissionId();
    const wrong = await rotate(entityId, APP.id, id, "Booking");
    expect(wrong).toMatchObject({ ok: false, status: 400 });
    expect(!wrong.ok && wrong.fieldErrors?.confirmName).toMatch(/Booking site/);
    expect(requests("rotate")).toBe(0);
    expect(world.lastAudit()).toMatchObject({ outcome: "refused" });

    expect(await rotate(entityId, APP.id, id, "Booking site")).toMatchObject({ ok: true });
  });

  it("answers a replayed submission with 409 and rotates only once", async () => {
    const id = newSubmissionId();
    const [first, second] = await Promise.all([
      rotate(entityId, APP.id, id, "Booking site"),
      rotate(entityId, APP.id, id, "Booking site"),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((result) => !result.ok)).toMatchObject({ status: 409 });
    expect(requests("rotate")).toBe(1);
  });

  it("says the rotate may have happened and how to check when the answer is lost", async () => {
    await postControl(sandbox, "faults", { operation: "rotate", kind: "hang", times: 1 });
    const deps = { ...world.deps, wink: sandboxWink(sandbox, 500) };
    const result = await rotate(
      entityId,
      APP.id,
      newSubmissionId(),
      "Booking site",
      APP.clientId,
      deps,
    );
    expect(result).toMatchObject({ ok: false, status: 504, outcomeUnknown: true });
    expect(!result.ok && result.error).toMatch(
      new RegExp(`may or may not have been rotated.*${APP.clientId}`),
    );
    expect(requests("rotate")).toBe(1);
    expect(world.lastAudit()).toMatchObject({ outcome: "unknown", clientId: APP.clientId });
  });

  it("refuses viewers and unknown entities before reading anything", async () => {
    world.viewer.role = "viewer";
    expect(await rotate(entityId, APP.id, newSubmissionId(), "Booking site")).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(world.lastAudit()).toMatchObject({
      action: "application.rotate",
      outcome: "refused",
      actor: { role: "viewer" },
    });

    world.viewer.role = "admin";
    expect(await rotate("ent-2", APP.id, newSubmissionId(), "Booking site")).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(requests("get")).toBe(0);
  });

  it("passes a 404 from Wink on as a refusal", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await rotate(entityId, missing, newSubmissionId(), "Booking site")).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(world.lastAudit()).toMatchObject({ outcome: "failed", status: 404 });
  });
});

describe("the pipeline's dependencies", () => {
  it("returns a rotate's new pair even when the audit cannot be written afterwards", async () => {
    const audit = async (event: { outcome: string }) => {
      if (event.outcome !== "refused") throw new Error("audit store unreachable");
    };
    const deps = { ...world.deps, audit };
    const result = await rotate(
      entityId,
      APP.id,
      newSubmissionId(),
      "Booking site",
      APP.clientId,
      deps,
    );
    expect(result).toMatchObject({ ok: true, data: { id: APP.id, secretKey: expect.any(String) } });
    expect(requests("rotate")).toBe(1);
  });

  it("asks the replay guard and the change lock it is given, and reaches Wink only past both", async () => {
    const asked: string[] = [];
    const guards = {
      claimSubmission: async (id: string, ttlMs: number) => {
        asked.push(`claim ${ttlMs > 0}`);
        return world.deps.guards.claimSubmission(id, ttlMs);
      },
      acquireChangeLock: async (key: string, ttlMs: number) => {
        asked.push(`lock ${key}`);
        return world.deps.guards.acquireChangeLock(key, ttlMs);
      },
    };
    const deps = { ...world.deps, guards };
    const id = newSubmissionId();
    expect(await rotate(entityId, APP.id, id, "Booking site", APP.clientId, deps)).toMatchObject({
      ok: true,
    });
    expect(asked).toEqual([`lock ${entityId}/${APP.id}`, "claim true"]);

    const refusing = { ...guards, claimSubmission: async () => false };
    const repeat = await updateApplication(
      {
        entityId,
        applicationId: APP.id,
        submissionId: newSubmissionId(),
        input: {
          name: "Never sent",
          redirectUris: ["https://example.com/cb"],
          postLogoutRedirectUris: [],
          scopes: ["booking.read"],
          iconIdentifier: "",
        },
      },
      { ...world.deps, guards: refusing },
    );
    expect(repeat).toMatchObject({
      ok: false,
      status: 409,
      error: "These changes were already sent once.",
    });
    expect(requests("update")).toBe(0);
  });
});

describe("deleteApplication", () => {
  it("deletes once on success: true", async () => {
    expect(await remove(entityId, APP.id, newSubmissionId(), "Booking site")).toEqual({
      ok: true,
      data: { id: APP.id, name: "Booking site" },
    });
    expect(world.lastAudit()).toMatchObject({ action: "application.delete", outcome: "succeeded" });
    expect(sandbox.stats().mutations.deletes).toBe(1);
  });

  it("returns Wink's message when it answers success: false", async () => {
    // The sandbox answers `success: false` for the account's founding application, as Wink does.
    const founding = await world.deps.wink.getApplication(entityId, FOUNDING_APPLICATION_ID);
    const result = await remove(
      entityId,
      FOUNDING_APPLICATION_ID,
      newSubmissionId(),
      founding.name,
    );
    const message =
      "This application was created with the account and cannot be deleted. Rotate its credentials instead.";
    expect(result).toMatchObject({ ok: false, error: message });
    expect(world.lastAudit()).toMatchObject({ outcome: "failed", reason: message });
  });

  it("refuses the console's own application", async () => {
    expect(
      await remove(entityId, CONSOLE_APPLICATION_ID, newSubmissionId(), "Applications Console"),
    ).toMatchObject({ ok: false, status: 403 });
    expect(requests("delete")).toBe(0);
  });
});

describe("updateApplication", () => {
  const input = {
    name: " Booking site 2 ",
    redirectUris: ["https://example.com/cb"],
    postLogoutRedirectUris: [],
    scopes: ["booking.read", "payment.write"],
    iconIdentifier: "",
  };

  it("sends the whole editable object", async () => {
    const result = await update(entityId, APP.id, newSubmissionId(), input);
    expect(result).toEqual({
      ok: true,
      data: { id: APP.id, name: "Booking site 2", recordSaved: true },
    });
    expect(requests("update")).toBe(1);
    expect(await world.deps.wink.getApplication(entityId, APP.id)).toMatchObject({
      name: "Booking site 2",
      redirectUris: ["https://example.com/cb"],
      postLogoutRedirectUris: [],
      scopes: ["booking.read", "payment.write"],
      iconIdentifier: null,
    });
    expect(world.lastAudit()).toMatchObject({ action: "application.update", outcome: "succeeded" });
  });

  it("saves the console's fields after Wink's PATCH, also when nothing else changed", async () => {
    const written: unknown[] = [];
    const record = {
      created: async () => undefined,
      rotated: async () => undefined,
      deleted: async () => undefined,
      details: async (details: unknown) => void written.push(details),
    };
    const deps = { ...world.deps, record };
    const sent = requests("update");
    // What the sandbox holds for APP (created above).
    const asInWink = {
      name: "Booking site",
      redirectUris: ["https://example.com/cb"],
      postLogoutRedirectUris: [],
      scopes: ["booking.read"],
      iconIdentifier: "",
    };
    const consoleOnly = await updateApplication(
      {
        entityId,
        applicationId: APP.id,
        submissionId: newSubmissionId(),
        input: { ...asInWink, owner: "Team B", description: "Books rooms" },
      },
      deps,
    );
    expect(consoleOnly).toMatchObject({ ok: true, data: { recordSaved: true } });
    expect(requests("update")).toBe(sent + 1);
    expect(written).toEqual([
      expect.objectContaining({
        applicationId: APP.id,
        owner: "Team B",
        description: "Books rooms",
      }),
    ]);
    const both = await updateApplication(
      {
        entityId,
        applicationId: APP.id,
        submissionId: newSubmissionId(),
        input: { ...input, name: "Booking site 3", owner: "Team C" },
      },
      deps,
    );
    expect(both).toMatchObject({ ok: true, data: { name: "Booking site 3", recordSaved: true } });
    expect(requests("update")).toBe(sent + 2);
    expect(written).toHaveLength(2);
  });

  it("tells Wink's saved change apart from a record that could not be saved", async () => {
    const failing = {
      created: async () => undefined,
      rotated: async () => undefined,
      deleted: async () => undefined,
      details: async () => {
        throw new Error("database unreachable");
      },
    };
    const deps = { ...world.deps, record: failing };
    const result = await updateApplication(
      {
        entityId,
        applicationId: APP.id,
        submissionId: newSubmissionId(),
        input: { ...input, name: "Booking site 4", owner: "Team D" },
      },
      deps,
    );
    expect(result).toMatchObject({
      ok: true,
      data: { name: "Booking site 4", recordSaved: false },
    });
    const consoleOnly = await updateApplication(
      {
        entityId,
        applicationId: APP.id,
        submissionId: newSubmissionId(),
        input: {
          name: "Booking site 4",
          redirectUris: input.redirectUris,
          postLogoutRedirectUris: [],
          scopes: input.scopes,
          iconIdentifier: "",
          owner: "Team E",
        },
      },
      deps,
    );
    // Wink saved it (the PATCH is always sent); the answer says the console's fields were not.
    expect(consoleOnly).toMatchObject({ ok: true, data: { recordSaved: false } });
  });

  it("refuses to drop the scopes the console needs from its own application", async () => {
    const result = await update(entityId, CONSOLE_APPLICATION_ID, newSubmissionId(), {
      ...input,
      scopes: ["account.read"],
    });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(!result.ok && result.fieldErrors?.scopes).toMatch(/account\.write, account\.remove/);
    expect(requests("update")).toBe(0);
  });

  it("refuses invalid input as a 400 with field errors, audited", async () => {
    const result = await update(entityId, APP.id, newSubmissionId(), { ...input, name: "" });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(!result.ok && result.fieldErrors?.name).toBeTruthy();
    expect(world.lastAudit()).toMatchObject({ action: "application.update", outcome: "refused" });
  });
});
