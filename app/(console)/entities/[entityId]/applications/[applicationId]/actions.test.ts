import { beforeEach, describe, expect, it, vi } from "vitest";
import { WinkError } from "@/lib/wink/errors";

const mocks = vi.hoisted(() => ({
  viewer: { email: "admin@example.test", name: null, role: "admin" as "admin" | "viewer" },
  wink: {
    clientId: "console-client",
    getApplication: vi.fn(),
    updateApplication: vi.fn(),
    deleteApplication: vi.fn(),
    rotateApplicationCredentials: vi.fn(),
  },
  audit: vi.fn(),
}));

vi.mock("@/lib/auth/guard", () => ({
  authorize: async (permission: "read" | "change") =>
    permission === "change" && mocks.viewer.role !== "admin"
      ? {
          ok: false,
          status: 403,
          error: "Only admins can change applications.",
          viewer: mocks.viewer,
        }
      : { ok: true, viewer: mocks.viewer },
}));
vi.mock("@/lib/entities", () => ({ isKnownEntity: async (id: unknown) => id === "ent-1" }));
vi.mock("@/lib/env", () => ({
  getEnv: () => ({ wink: { scopes: ["account.read", "account.write", "account.remove"] } }),
}));
vi.mock("@/lib/audit", () => ({ audit: mocks.audit }));
vi.mock("@/lib/wink", async () => {
  const errors = await import("@/lib/wink/errors");
  return { getWinkClient: () => mocks.wink, isWinkError: errors.isWinkError };
});

const { deleteApplication, rotateApplicationCredentials, updateApplication } =
  await import("./actions");

/** A rotate confirmed on a page that showed `seenClientId` (the current one, unless a test says). */
const rotate = (
  entityId: string,
  applicationId: string,
  submissionId: string,
  confirmName: string,
  seenClientId = APP.clientId,
) => rotateApplicationCredentials(entityId, applicationId, submissionId, confirmName, seenClientId);

const APP = {
  id: "app-1",
  name: "Booking site",
  clientId: "client-old",
  redirectUris: ["https://example.com/cb"],
  postLogoutRedirectUris: [],
  scopes: ["booking.read"],
  iconIdentifier: null,
};

let counter = 0;
const newSubmissionId = () => `submission-${Date.now()}-${++counter}`.padEnd(20, "x");

function lastAudit() {
  return mocks.audit.mock.calls.at(-1)?.[0];
}

function unknownOutcome(operation: string) {
  return new WinkError({
    kind: "timeout",
    safeMessage: "Wink did not answer within 10 s.",
    operation,
    retryable: false,
    outcome: "unknown",
  });
}

beforeEach(() => {
  mocks.viewer.role = "admin";
  mocks.audit.mockReset();
  for (const fn of [
    mocks.wink.getApplication,
    mocks.wink.updateApplication,
    mocks.wink.deleteApplication,
    mocks.wink.rotateApplicationCredentials,
  ]) {
    fn.mockReset();
  }
  mocks.wink.getApplication.mockResolvedValue(APP);
});

describe("rotateApplicationCredentials", () => {
  it("refuses when the credentials changed since the page was opened (a second tab)", async () => {
    const result = await rotate(
      "ent-1",
      "app-1",
      newSubmissionId(),
      "Booking site",
      "client-older",
    );
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(!result.ok && result.error).toMatch(/rotated since this page was opened/);
    expect(mocks.wink.rotateApplicationCredentials).not.toHaveBeenCalled();
  });

  it("lets only one of two simultaneous rotates of the same application reach Wink", async () => {
    let finish: (value: unknown) => void = () => {};
    mocks.wink.rotateApplicationCredentials.mockImplementation(
      () => new Promise((resolve) => (finish = resolve)),
    );
    const first = rotate("ent-1", "app-1", newSubmissionId(), "Booking site");
    await vi.waitFor(() => expect(mocks.wink.rotateApplicationCredentials).toHaveBeenCalled());
    const second = await rotate("ent-1", "app-1", newSubmissionId(), "Booking site");
    expect(second).toMatchObject({ ok: false, status: 409 });
    finish({ id: "app-1", clientId: "client-new", secretKey: "s3cr3t-value" });
    expect(await first).toMatchObject({ ok: true });
    expect(mocks.wink.rotateApplicationCredentials).toHaveBeenCalledTimes(1);
  });

  it("rotates once and returns the new pair, auditing the new client ID and never the secret", async () => {
    mocks.wink.rotateApplicationCredentials.mockResolvedValue({
      id: "app-1",
      clientId: "client-new",
      secretKey: "s3cr3t-value",
    });
    const result = await rotate("ent-1", "app-1", newSubmissionId(), " Booking site ");
    expect(result).toEqual({
      ok: true,
      data: {
        id: "app-1",
        name: "Booking site",
        clientId: "client-new",
        secretKey: "s3cr3t-value",
      },
    });
    expect(mocks.wink.rotateApplicationCredentials).toHaveBeenCalledTimes(1);
    expect(lastAudit()).toMatchObject({
      action: "application.rotate",
      outcome: "succeeded",
      actor: { email: "admin@example.test", role: "admin" },
      entityId: "ent-1",
      applicationId: "app-1",
      clientId: "client-new",
    });
    expect(JSON.stringify(mocks.audit.mock.calls)).not.toContain("s3cr3t-value");
  });

  it("refuses the console's own application, without asking Wink to rotate", async () => {
    mocks.wink.getApplication.mockResolvedValue({ ...APP, clientId: "console-client" });
    const result = await rotate("ent-1", "app-1", newSubmissionId(), "Booking site");
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(!result.ok && result.error).toMatch(/lock the console out/);
    expect(mocks.wink.rotateApplicationCredentials).not.toHaveBeenCalled();
    expect(lastAudit()).toMatchObject({ outcome: "refused", clientId: "console-client" });
  });

  it("refuses a name that does not match, without spending the submission id", async () => {
    const id = newSubmissionId();
    const wrong = await rotate("ent-1", "app-1", id, "Booking");
    expect(wrong).toMatchObject({ ok: false, status: 400 });
    expect(!wrong.ok && wrong.fieldErrors?.confirmName).toMatch(/Booking site/);
    expect(mocks.wink.rotateApplicationCredentials).not.toHaveBeenCalled();
    expect(lastAudit()).toMatchObject({ outcome: "refused" });

    mocks.wink.rotateApplicationCredentials.mockResolvedValue({
      id: "app-1",
      clientId: "client-new",
      secretKey: "s",
    });
    expect(await rotate("ent-1", "app-1", id, "Booking site")).toMatchObject({
      ok: true,
    });
  });

  it("answers a replayed submission with 409 and rotates only once", async () => {
    mocks.wink.rotateApplicationCredentials.mockResolvedValue({
      id: "app-1",
      clientId: "client-new",
      secretKey: "s",
    });
    const id = newSubmissionId();
    const [first, second] = await Promise.all([
      rotate("ent-1", "app-1", id, "Booking site"),
      rotate("ent-1", "app-1", id, "Booking site"),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((result) => !result.ok)).toMatchObject({ status: 409 });
    expect(mocks.wink.rotateApplicationCredentials).toHaveBeenCalledTimes(1);
  });

  it("says the rotate may have happened and how to check when the answer is lost", async () => {
    mocks.wink.rotateApplicationCredentials.mockRejectedValue(
      unknownOutcome("rotateApplicationCredentials"),
    );
    const result = await rotate("ent-1", "app-1", newSubmissionId(), "Booking site");
    expect(result).toMatchObject({ ok: false, status: 504, outcomeUnknown: true });
    expect(!result.ok && result.error).toMatch(/may or may not have been rotated.*client-old/);
    expect(mocks.wink.rotateApplicationCredentials).toHaveBeenCalledTimes(1);
    expect(lastAudit()).toMatchObject({ outcome: "unknown", clientId: "client-old" });
  });

  it("refuses viewers and unknown entities before reading anything", async () => {
    mocks.viewer.role = "viewer";
    expect(await rotate("ent-1", "app-1", newSubmissionId(), "Booking site")).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(lastAudit()).toMatchObject({
      action: "application.rotate",
      outcome: "refused",
      actor: { role: "viewer" },
    });

    mocks.viewer.role = "admin";
    expect(await rotate("ent-2", "app-1", newSubmissionId(), "Booking site")).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(mocks.wink.getApplication).not.toHaveBeenCalled();
  });

  it("passes a 404 from Wink on as a refusal", async () => {
    mocks.wink.getApplication.mockRejectedValue(
      new WinkError({
        kind: "http",
        status: 404,
        safeMessage: "Wink could not find the application.",
        operation: "getApplication",
        retryable: false,
        outcome: "not-performed",
      }),
    );
    expect(await rotate("ent-1", "app-1", newSubmissionId(), "Booking site")).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(lastAudit()).toMatchObject({ outcome: "failed", status: 404 });
  });
});

describe("deleteApplication", () => {
  it("deletes once on success: true", async () => {
    mocks.wink.deleteApplication.mockResolvedValue({ id: "app-1", success: true, message: "" });
    expect(await deleteApplication("ent-1", "app-1", newSubmissionId(), "Booking site")).toEqual({
      ok: true,
      data: { id: "app-1", name: "Booking site" },
    });
    expect(lastAudit()).toMatchObject({ action: "application.delete", outcome: "succeeded" });
  });

  it("returns Wink's message when it answers success: false", async () => {
    mocks.wink.deleteApplication.mockResolvedValue({
      id: "app-1",
      success: false,
      message: "Application is in use",
    });
    const result = await deleteApplication("ent-1", "app-1", newSubmissionId(), "Booking site");
    expect(result).toMatchObject({ ok: false, error: "Application is in use" });
    expect(lastAudit()).toMatchObject({ outcome: "failed", reason: "Application is in use" });
  });

  it("refuses the console's own application", async () => {
    mocks.wink.getApplication.mockResolvedValue({ ...APP, clientId: "console-client" });
    expect(
      await deleteApplication("ent-1", "app-1", newSubmissionId(), "Booking site"),
    ).toMatchObject({ ok: false, status: 403 });
    expect(mocks.wink.deleteApplication).not.toHaveBeenCalled();
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
    mocks.wink.updateApplication.mockResolvedValue({
      id: "app-1",
      name: "Booking site 2",
      redirectUris: [],
    });
    const result = await updateApplication("ent-1", "app-1", newSubmissionId(), input);
    expect(result).toEqual({ ok: true, data: { id: "app-1", name: "Booking site 2" } });
    expect(mocks.wink.updateApplication).toHaveBeenCalledWith("ent-1", "app-1", {
      name: "Booking site 2",
      redirectUris: ["https://example.com/cb"],
      postLogoutRedirectUris: [],
      scopes: ["booking.read", "payment.write"],
      iconIdentifier: null,
    });
    expect(lastAudit()).toMatchObject({ action: "application.update", outcome: "succeeded" });
  });

  it("refuses to drop the scopes the console needs from its own application", async () => {
    mocks.wink.getApplication.mockResolvedValue({
      ...APP,
      clientId: "console-client",
      scopes: ["account.read", "account.write", "account.remove"],
    });
    const result = await updateApplication("ent-1", "app-1", newSubmissionId(), {
      ...input,
      scopes: ["account.read"],
    });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(!result.ok && result.fieldErrors?.scopes).toMatch(/account\.write, account\.remove/);
    expect(mocks.wink.updateApplication).not.toHaveBeenCalled();
  });

  it("refuses invalid input as a 400 with field errors, audited", async () => {
    const result = await updateApplication("ent-1", "app-1", newSubmissionId(), {
      ...input,
      name: "",
    });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(!result.ok && result.fieldErrors?.name).toBeTruthy();
    expect(lastAudit()).toMatchObject({ action: "application.update", outcome: "refused" });
  });
});
