import { TOKEN_MESSAGES } from "../../lib/wink-contract/messages";
import { rotateConsoleCredentialBehindItsBack, watchForCrashes } from "../support/faults";
import { FLOWS } from "../support/fault-flows";
import { contextFor, listPath, pageOf, requestsOf } from "../support/fault-matrix";
import { test, expect } from "../support/fixtures";
import { SANDBOX_ENTITY_ID } from "../support/sandbox";
import { createInSandbox, listInSandbox } from "../support/wink";

// ---------------------------------------------------------------------------------------------
// Tokens that stop working while the console holds them

test.describe("the console's token is refused mid-session (expired or revoked)", () => {
  // The sandbox's tokens live 300 s and the console renews them 30 s early, so a real expiry
  // would take minutes. What the console sees of an expired token is one 401 from the API:
  // injected here, once. It must fetch a new token and send the request again, once, and nothing
  // may happen twice (a 401 means Wink did nothing).
  for (const flow of FLOWS) {
    test(`${flow.operation}: a fresh token, one repeat, done once`, async ({
      adminPage: page,
      sandbox,
    }) => {
      const expectNoCrash = watchForCrashes(page);
      const context = await contextFor(page, flow, "an expired token");
      await flow.prepare(context);
      const before = await sandbox.stats();

      await sandbox.fault({ operation: flow.operation, kind: "status", status: 401, times: 1 });
      await flow.send(context);
      await flow.succeeded(context);
      await expectNoCrash();

      const after = await sandbox.stats();
      expect(after.tokens.issued).toBeGreaterThan(before.tokens.issued);
      expect(requestsOf(after, flow.operation) - requestsOf(before, flow.operation)).toBe(2);
      if (flow.mutation) {
        expect(after.mutations[flow.mutation] - before.mutations[flow.mutation]).toBe(1);
      }
    });
  }
});

test.describe("the console's credential rotated behind its back", () => {
  const INVALID_CLIENT = TOKEN_MESSAGES.invalidClient;

  test("every page says so and what to change; a restored credential brings it back", async ({
    adminPage: page,
    sandbox,
    request,
  }) => {
    const expectNoCrash = watchForCrashes(page);
    const target = await createInSandbox({ name: `Locked-out target ${Date.now()}` });
    await page.goto(listPath);
    await expect(page.getByTestId("list-summary")).toBeVisible();

    try {
      await rotateConsoleCredentialBehindItsBack();

      await page.goto(listPath);
      const panel = page.getByTestId("wink-error");
      await expect(panel).toContainText("The console cannot reach your Wink account");
      await expect(panel).toContainText(INVALID_CLIENT);
      await expectNoCrash();

      await page.goto(pageOf(target.id));
      await expect(page.getByTestId("wink-error")).toContainText(INVALID_CLIENT);
      await expectNoCrash();

      // The JSON read behind the list's refetches, then the readiness probe (which would use a
      // cached token without asking Wink, so it goes second: see the next test).
      const list = await page.request.get(`/api/entities/${SANDBOX_ENTITY_ID}/applications`);
      expect(list.status()).toBe(502);
      expect((await list.json()).error).toBe(INVALID_CLIENT);
      const ready = await request.get("/api/ready");
      expect(ready.status()).toBe(503);
      expect((await ready.json()).reason).toBe(INVALID_CLIENT);
    } finally {
      // The seeded credential again, as an operator would fix WINK_CLIENT_ID/_SECRET.
      await sandbox.reset();
    }

    await page.goto(listPath);
    await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
    await expectNoCrash();
    expect((await request.get("/api/ready")).status()).toBe(200);
    expect((await listInSandbox()).length).toBeGreaterThan(0);
  });

  test("readiness notices the rotated credential as soon as the pages do", async ({
    adminPage: page,
    sandbox,
    request,
  }) => {
    // Pages, actions and route handlers share one token cache per process (lib/wink/index.ts):
    // once a page has found the credential dead, readiness says so too.
    try {
      expect((await request.get("/api/ready")).status()).toBe(200);
      await rotateConsoleCredentialBehindItsBack();
      await page.goto(listPath);
      await expect(page.getByTestId("wink-error")).toContainText(INVALID_CLIENT);
      const ready = await request.get("/api/ready");
      expect(ready.status()).toBe(503);
    } finally {
      await sandbox.reset();
    }
  });
});
