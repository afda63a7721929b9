import {
  formatSeconds,
  TOKEN_MESSAGES,
  tokenUnavailableMessage,
  tokenUnreachableMessage,
} from "../../lib/wink-contract/messages";
import { CONSOLE_TIMEOUT_S, FAULT_KINDS, watchForCrashes, type FaultKind } from "../support/faults";
import { FLOWS } from "../support/fault-flows";
import { createDialog, listPath, requestsOf, revealDialog } from "../support/fault-matrix";
import { test, expect } from "../support/fixtures";
import { SANDBOX_ENTITY_ID } from "../support/sandbox";
import type { SandboxApplication } from "../support/wink";

// ---------------------------------------------------------------------------------------------
// The token endpoint

/** The console's words for a failed token request, from the contract's messages. */
function tokenWords({ lost }: FaultKind): string {
  if (lost.kind === "status") return tokenUnavailableMessage(lost.status);
  if (lost.kind === "malformed") return TOKEN_MESSAGES.invalidResponse;
  return tokenUnreachableMessage(`no answer within ${formatSeconds(CONSOLE_TIMEOUT_S * 1000)}`);
}

/**
 * The console holds a token for minutes, so a broken token endpoint only shows when it needs a new
 * one. A 401 on its next request (what Wink answers to an expired or revoked token) makes it drop
 * the cached token and ask again: that request meets the fault. With a cold cache the 401 is
 * never reached, and the first token request meets the fault all the same.
 */
async function breakTokenEndpoint(
  sandbox: { fault(fault: Record<string, unknown>): Promise<unknown> },
  nextOperation: string,
  kind: FaultKind,
) {
  await sandbox.fault({ operation: nextOperation, kind: "status", status: 401, times: 1 });
  await sandbox.fault({ operation: "token", ...kind.fault });
}

// With a hanging token endpoint a page load waits out one token request (a token request that got
// no answer is not repeated by the read that needed it; the next request asks again): about 4 s
// here, and about 10 s with the default WINK_TIMEOUT_MS, during which the browser gets no byte at
// all (the layout awaits the entities before it renders anything).
test.describe("the token endpoint, when it fails", () => {
  for (const kind of FAULT_KINDS) {
    test(`${kind.label}: the pages say so, and recover`, async ({
      adminPage: page,
      sandbox,
      request,
    }) => {
      test.setTimeout(kind.slow ? 75_000 : 45_000);
      const expectNoCrash = watchForCrashes(page);
      const issued = (await sandbox.stats()).tokens.issued;
      await breakTokenEndpoint(sandbox, "entities", kind);

      const response = await page.goto(listPath);
      expect(response?.status()).toBeLessThan(500);
      const panel = page.getByTestId("wink-error");
      await expect(panel).toContainText("The console cannot reach your Wink account", {
        timeout: kind.slow ? 30_000 : 10_000,
      });
      await expect(panel).toContainText(tokenWords(kind));
      await expectNoCrash();

      if (!kind.slow) {
        // The JSON read behind the list's refetches says the same. Route handlers hold their own
        // copy of lib/wink (and of its token cache; see "readiness" below): make that copy drop
        // its token too. Then the readiness probe, in the same copy, says why it is not ready.
        await sandbox.fault({ operation: "entities", kind: "status", status: 401, times: 1 });
        const list = await page.request.get(`/api/entities/${SANDBOX_ENTITY_ID}/applications`);
        expect(list.status()).toBe(502);
        expect((await list.json()).error).toBe(tokenWords(kind));
        const ready = await request.get("/api/ready");
        expect(ready.status()).toBe(503);
        expect(await ready.json()).toEqual({ ready: false, reason: tokenWords(kind) });
        expect((await sandbox.stats()).tokens.issued, "no token was issued").toBe(issued);
      }

      await sandbox.clearFaults();
      // A reload, not the panel's "Try again": see the next test for why.
      await page.reload();
      await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
      await expectNoCrash();
      expect((await request.get("/api/ready")).status()).toBe(200);
    });
  }

  test("the panel's Try again brings the pages back once Wink works again", async ({
    adminPage: page,
    sandbox,
  }) => {
    // The panel is the entity layout's: its "Try again" must load the layout again, not only
    // the page segment a client navigation would re-render.
    const kind = FAULT_KINDS.find((each) => each.label === "HTTP 503")!;
    await breakTokenEndpoint(sandbox, "entities", kind);
    await page.goto(listPath);
    const panel = page.getByTestId("wink-error");
    await expect(panel).toContainText(tokenWords(kind));

    await sandbox.clearFaults();
    await panel.getByRole("link", { name: "Try again" }).click();
    await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
  });

  for (const kind of FAULT_KINDS.filter((each) =>
    ["HTTP 503", "no answer at all (hang)"].includes(each.label),
  )) {
    test(`${kind.label} during a create: not created, and says why`, async ({
      adminPage: page,
      sandbox,
    }) => {
      test.setTimeout(45_000);
      const expectNoCrash = watchForCrashes(page);
      const name = `Create without a token ${Date.now()}`;
      const flow = FLOWS.find((each) => each.operation === "create")!;
      // The create flow needs no target application; its context wants one all the same.
      const context = { page, app: {} as SandboxApplication, name };
      await flow.prepare(context);

      await breakTokenEndpoint(sandbox, "create", kind);
      await flow.send(context);
      const failure = createDialog(page).getByRole("alert").filter({ hasText: "Not created" });
      await expect(failure).toContainText(tokenWords(kind), { timeout: 15_000 });
      await expectNoCrash();
      const stats = await sandbox.stats();
      expect(stats.mutations.creates).toBe(0);
      // The first send met the 401 and did nothing; without a token the console stops there.
      expect(requestsOf(stats, "create")).toBeLessThanOrEqual(1);

      await sandbox.clearFaults();
      await flow.send(context);
      await expect(revealDialog(page)).toBeVisible();
      expect((await sandbox.stats()).mutations.creates).toBe(1);
      await page.reload();
      await expect(page.getByRole("link", { name, exact: true })).toHaveCount(1);
    });
  }
});
