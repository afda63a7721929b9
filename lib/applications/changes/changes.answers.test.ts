/**
 * The least Wink calls a change needs: a delete confirmed on a page checks against what that page
 * showed a moment ago instead of reading again, and a save or a rotate leaves Wink's answer for the
 * page shown next. Every check still holds; the sandbox counts what reached Wink.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Application } from "@/lib/wink";
import { CONSOLE_APPLICATION_ID } from "@/sandbox/state/seed";
import { deleteApplication } from "./delete";
import { rotateApplicationCredentials } from "./rotate";
import { changeSuite, type TestWorld } from "./testing";
import { updateApplication } from "./update";

const suite = changeSuite({ prefix: "answers-submission" });
const { newSubmissionId, requests } = suite;
let world: TestWorld;
let entityId: string;
let APP: { id: string; name: string; clientId: string };
beforeEach(() => ({ world, entityId, app: APP } = suite));

/** What the application page showed (it noted it, as lib/applications/load-application does). */
async function showPage(applicationId: string): Promise<Application> {
  const application = await world.deps.wink.getApplication(entityId, applicationId);
  world.deps.answers.noteShown(entityId, application);
  return application;
}

const remove = (applicationId: string, typed: string) =>
  deleteApplication(
    { entityId, applicationId, submissionId: newSubmissionId(), input: typed },
    world.deps,
  );

describe("a delete confirmed on a page just shown", () => {
  it("deletes without reading the application again", async () => {
    await showPage(APP.id);
    const gets = requests("get");
    expect(await remove(APP.id, "Booking site")).toEqual({
      ok: true,
      data: { id: APP.id, name: "Booking site" },
    });
    expect(requests("get")).toBe(gets);
    expect(requests("delete")).toBe(1);
    expect(world.lastAudit()).toMatchObject({
      action: "application.delete",
      outcome: "succeeded",
      clientId: APP.clientId,
    });
    // Gone: nothing about it is answered from memory any more.
    expect(world.deps.answers.recentlyShown(entityId, APP.id)).toBeUndefined();
  });

  it("still refuses the console's own application and a name that does not match", async () => {
    await showPage(CONSOLE_APPLICATION_ID);
    await showPage(APP.id);
    const gets = requests("get");
    expect(await remove(CONSOLE_APPLICATION_ID, "Applications Console")).toMatchObject({
      ok: false,
      status: 403,
    });
    const wrong = await remove(APP.id, "Booking");
    expect(wrong).toMatchObject({ ok: false, status: 400 });
    expect(!wrong.ok && wrong.fieldErrors?.confirmName).toMatch(/Booking site/);
    expect(requests("get")).toBe(gets);
    expect(requests("delete")).toBe(0);
  });

  it("reads Wink when no page of this process showed the application", async () => {
    expect(await remove(APP.id, "Booking site")).toMatchObject({ ok: true });
    expect(requests("get")).toBe(1);
  });
});

describe("a change leaves Wink's answer for the page shown next", () => {
  it("a rotate: the new client ID, never the secret, taken once", async () => {
    const result = await rotateApplicationCredentials(
      {
        entityId,
        applicationId: APP.id,
        submissionId: newSubmissionId(),
        input: "Booking site",
        expectedClientId: APP.clientId,
      },
      world.deps,
    );
    if (!result.ok) throw new Error(result.error);
    // The rotate's own checks still read Wink, under the lock.
    expect(requests("get")).toBe(1);
    const next = world.deps.answers.takeChanged(entityId, APP.id);
    expect(next?.application).toEqual(await world.deps.wink.getApplication(entityId, APP.id));
    expect(JSON.stringify(next)).not.toContain(result.data.secretKey);
    expect(world.deps.answers.takeChanged(entityId, APP.id)).toBeUndefined();
  });

  it("a save: the application as Wink now holds it", async () => {
    const result = await updateApplication(
      {
        entityId,
        applicationId: APP.id,
        submissionId: newSubmissionId(),
        input: {
          name: " Booking site 2 ",
          redirectUris: ["https://example.com/cb", "https://example.com/cb2"],
          postLogoutRedirectUris: ["https://example.com/out"],
          scopes: ["booking.read", "payment.write"],
          iconIdentifier: "brand/app-icon",
        },
      },
      world.deps,
    );
    expect(result).toMatchObject({ ok: true });
    const next = world.deps.answers.takeChanged(entityId, APP.id);
    expect(next?.application).toEqual(await world.deps.wink.getApplication(entityId, APP.id));
  });

  it("nothing when Wink refused the change", async () => {
    const result = await rotateApplicationCredentials(
      {
        entityId,
        applicationId: APP.id,
        submissionId: newSubmissionId(),
        input: "Booking site",
        expectedClientId: "client-older",
      },
      world.deps,
    );
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(world.deps.answers.takeChanged(entityId, APP.id)).toBeUndefined();
  });
});
