import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { callServerAction, serverActionsOfBuild, type ServerAction } from "./support/actions";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { signInThroughSandbox } from "./support/sign-in";

/**
 * What each server action of the build may do for whom. An action missing from this table fails
 * the test: a new endpoint must be placed in it deliberately.
 */
const ACTION_PERMISSIONS: Record<string, "public" | "change"> = {
  // Starts the authorization code flow: meant for anonymous visitors.
  signInWithIdentityProvider: "public",
  // Ends the caller's own session and nothing else.
  signOutEverywhere: "public",
  createApplication: "change",
  updateApplication: "change",
  rotateApplicationCredentials: "change",
  deleteApplication: "change",
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
