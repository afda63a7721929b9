import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { callServerAction, serverActionsOfBuild, type ServerAction } from "./support/actions";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { signInThroughSandbox } from "./support/sign-in";
import { createInSandbox, getInSandbox } from "./support/wink";

/**
 * What each server action of the build may do for whom. An action missing from this table fails
 * the test: a new endpoint must be placed in it deliberately.
 */
const ACTION_PERMISSIONS: Record<string, "public" | "read" | "change"> = {
  // Starts the authorization code flow: meant for anonymous visitors.
  signInWithIdentityProvider: "public",
  // Ends the caller's own session and nothing else.
  signOutEverywhere: "public",
  createApplication: "change",
  updateApplication: "change",
  rotateApplicationCredentials: "change",
  deleteApplication: "change",
  // Walks the audit history's hash chain: a read, for viewers too; anonymous callers go to sign-in.
  verifyHistory: "read",
};

/** Arguments shaped like the real ones, so only the guard can stop them. */
const SAMPLE_ARGS = [
  SANDBOX_ENTITY_ID,
  "00000000-0000-4000-8000-000000000000",
  "attack-submission-0000000001",
  {
    name: "Attacker's app",
    clientType: "MACHINE_2_MACHINE",
    redirectUris: [],
    postLogoutRedirectUris: [],
    scopes: ["payment.write"],
    iconIdentifier: null,
  },
];

const guarded = () =>
  serverActionsOfBuild().filter((action) => ACTION_PERMISSIONS[action.name] === "change");

async function expectRefused(
  request: APIRequestContext,
  action: ServerAction,
  expectedStatus: 401 | 403,
) {
  const { status, body } = await callServerAction(request, action, SAMPLE_ARGS);
  expect(status, `${action.name}: HTTP status`).toBeLessThan(500);
  expect(body, `${action.name} must refuse`).toContain('"ok":false');
  expect(body, `${action.name} must refuse with ${expectedStatus}`).toContain(
    `"status":${expectedStatus}`,
  );
}

test.describe("server actions called directly", () => {
  test("every action of the build is in the permission table", () => {
    const actions = serverActionsOfBuild();
    expect(actions.length).toBeGreaterThan(1);
    for (const action of actions) {
      expect(ACTION_PERMISSIONS, `${action.file}#${action.name}`).toHaveProperty(action.name);
    }
  });

  test("anonymous callers are refused by every guarded action, and Wink is never asked", async ({
    playwright,
    sandbox,
  }) => {
    const anonymous = await playwright.request.newContext();
    for (const action of guarded()) await expectRefused(anonymous, action, 401);
    const stats = await sandbox.stats();
    expect(stats.mutations).toMatchObject({ creates: 0, updates: 0, deletes: 0, rotations: 0 });
    await anonymous.dispose();
  });

  test("viewers are refused by every action that changes something", async ({
    viewerPage,
    sandbox,
  }) => {
    for (const action of guarded()) await expectRefused(viewerPage.request, action, 403);
    const stats = await sandbox.stats();
    expect(stats.mutations).toMatchObject({ creates: 0, updates: 0, deletes: 0, rotations: 0 });
  });

  test("people on neither list are refused too", async ({ page, sandbox }) => {
    await signInThroughSandbox(page, "stranger");
    await expect(page).toHaveURL(/\/no-access$/);
    for (const action of guarded()) await expectRefused(page.request, action, 403);
    const stats = await sandbox.stats();
    expect(stats.mutations).toMatchObject({ creates: 0, updates: 0, deletes: 0, rotations: 0 });
  });

  test("a cross-origin POST to an action is refused", async ({ adminPage, sandbox }) => {
    const create = guarded().find((action) => action.name === "createApplication");
    test.skip(!create, "no create action in this build");
    const { status, body } = await callServerAction(
      adminPage.request,
      create!,
      SAMPLE_ARGS,
      "https://evil.example",
    );
    expect(body).not.toContain('"ok":true');
    expect(status).toBeGreaterThanOrEqual(400);
    expect((await sandbox.stats()).mutations.creates).toBe(0);
  });
});

test.describe("where a change comes from", () => {
  const action = (name: string) => serverActionsOfBuild().find((entry) => entry.name === name)!;

  let submissions = 0;
  /** A delete the guard alone can stop: a fresh application, confirmed by its name. */
  async function deleteArgs(): Promise<unknown[]> {
    const application = await createInSandbox({ name: `Origin check ${++submissions}` });
    const submissionId = `origin-check-submission-${String(submissions).padStart(4, "0")}`;
    return [SANDBOX_ENTITY_ID, application.id, submissionId, application.name];
  }

  test("an admin's action with no Origin and no Sec-Fetch-Site is refused with 403, and Wink is never asked", async ({
    adminPage,
    sandbox,
  }) => {
    const args = await deleteArgs();
    const { creates, updates, deletes, rotations } = (await sandbox.stats()).mutations;
    for (const guardedAction of guarded()) {
      const { status, body } = await callServerAction(
        adminPage.request,
        guardedAction,
        SAMPLE_ARGS,
        null,
      );
      expect(status, guardedAction.name).toBe(403);
      expect(body).not.toContain('"ok":true');
    }
    const { status } = await callServerAction(
      adminPage.request,
      action("deleteApplication"),
      args,
      null,
    );
    expect(status).toBe(403);
    expect((await getInSandbox(args[1] as string)).status).toBe(200);
    expect((await sandbox.stats()).mutations).toMatchObject({
      creates,
      updates,
      deletes,
      rotations,
    });
  });

  test("an admin's action from a foreign Origin is refused with 403, even with a matching X-Forwarded-Host", async ({
    adminPage,
    sandbox,
  }) => {
    const forged: Record<string, string>[] = [
      {},
      { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" },
    ];
    for (const headers of forged) {
      const { status } = await callServerAction(
        adminPage.request,
        action("deleteApplication"),
        await deleteArgs(),
        "https://evil.example",
        headers,
      );
      expect(status).toBe(403);
    }
    // "null" is the Origin of a sandboxed frame or a file: not the console either.
    const opaque = await callServerAction(
      adminPage.request,
      action("deleteApplication"),
      await deleteArgs(),
      "null",
    );
    expect(opaque.status).toBe(403);
    expect((await sandbox.stats()).mutations.deletes).toBe(0);
  });

  test("a form posted without JavaScript (no Next-Action header) and no Origin is refused too", async ({
    adminPage,
    sandbox,
  }) => {
    const remove = action("deleteApplication");
    const response = await adminPage.request.post(`${E2E.consoleUrl}${remove.pagePath}`, {
      multipart: { [`$ACTION_ID_${remove.id}`]: "" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect((await sandbox.stats()).mutations.deletes).toBe(0);
  });

  test("the same delete from the console's own origin goes through, with Origin or Sec-Fetch-Site", async ({
    adminPage,
    sandbox,
  }) => {
    const first = await callServerAction(
      adminPage.request,
      action("deleteApplication"),
      await deleteArgs(),
    );
    expect(first.body).toContain('"ok":true');
    const second = await callServerAction(
      adminPage.request,
      action("deleteApplication"),
      await deleteArgs(),
      null,
      { "Sec-Fetch-Site": "same-origin" },
    );
    expect(second.body).toContain('"ok":true');
    expect((await sandbox.stats()).mutations.deletes).toBe(2);
  });

  test("state-changing requests to route handlers and Auth.js need the console's origin too", async ({
    adminPage,
  }) => {
    const listUrl = `${E2E.consoleUrl}/api/entities/${SANDBOX_ENTITY_ID}/applications`;
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const refused = await adminPage.request.fetch(listUrl, { method, maxRedirects: 0 });
      expect(refused.status(), `${method} without Origin`).toBe(403);
      const foreign = await adminPage.request.fetch(listUrl, {
        method,
        headers: { Origin: "https://evil.example" },
        maxRedirects: 0,
      });
      expect(foreign.status(), `${method} from another origin`).toBe(403);
      // From the console's own origin the request reaches the route, which has no such method.
      const own = await adminPage.request.fetch(listUrl, {
        method,
        headers: { Origin: E2E.consoleUrl },
        maxRedirects: 0,
      });
      expect(own.status(), `${method} from the console`).toBe(405);
    }
    const signOut = await adminPage.request.post(`${E2E.consoleUrl}/api/auth/signout`, {
      maxRedirects: 0,
    });
    expect(signOut.status()).toBe(403);
    // Reads need no Origin: a navigation has none.
    expect((await adminPage.request.get(listUrl)).status()).toBe(200);
  });
});

test.describe("route handlers called directly", () => {
  const listUrl = `${E2E.consoleUrl}/api/entities/${SANDBOX_ENTITY_ID}/applications`;

  test("the application list needs a session with a role", async ({
    playwright,
    page,
    viewerPage,
  }) => {
    const anonymous = await playwright.request.newContext();
    expect((await anonymous.get(listUrl)).status()).toBe(401);
    await anonymous.dispose();

    await signInThroughSandbox(page, "stranger");
    await expect(page).toHaveURL(/\/no-access$/);
    expect((await page.request.get(listUrl)).status()).toBe(403);

    const asViewer = await viewerPage.request.get(listUrl);
    expect(asViewer.status()).toBe(200);
    expect(asViewer.headers()["cache-control"]).toContain("no-store");
  });

  test("an entity the console does not manage is not found", async ({ viewerPage }) => {
    const response = await viewerPage.request.get(
      `${E2E.consoleUrl}/api/entities/some-other-entity/applications`,
    );
    expect(response.status()).toBe(404);
  });
});
