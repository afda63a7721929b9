import type { Locator, Page } from "@playwright/test";
import {
  CONSOLE_TIMEOUT_S,
  FAULT_KINDS,
  rotateConsoleCredentialBehindItsBack,
  watchForCrashes,
  type FaultKind,
} from "./support/faults";
import { test, expect } from "./support/fixtures";
import type { SandboxStats } from "./support/sandbox";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox, listInSandbox, type SandboxApplication } from "./support/wink";

/**
 * What the console does when Wink fails: for each operation (list, create, edit, rotate, delete)
 * and for the token endpoint, each fault the sandbox can inject. Every case checks four things:
 *
 * 1. the console says what happened and what to do, in the words of lib/wink/messages.ts (and
 *    rotate-outcome.ts for a rotate);
 * 2. nothing crashed: no uncaught error, no Next.js error page;
 * 3. a change was sent once: no automatic repeat (counted by the sandbox), and it happened only
 *    when the sandbox was told to carry it out;
 * 4. once the sandbox works again, the console's own retry or refresh shows the truth and works.
 *
 * A lost answer costs the console's time-out (WINK_TIMEOUT_MS=4000), three times for a read, which
 * repeats transient failures twice: the slow cases take 10 to 15 seconds each. The file runs in
 * four to five minutes.
 */

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
const pageOf = (id: string) => `${listPath}/${id}`;

type Operation = "list" | "create" | "update" | "rotate" | "delete";
type Mutation = "creates" | "updates" | "rotations" | "deletes";

const requestsOf = (stats: SandboxStats, operation: string) => stats.requests[operation] ?? 0;

// ---------------------------------------------------------------------------------------------
// The console's words (lib/wink/messages.ts, operations.ts, rotate-outcome.ts)

const TRY_AGAIN = "Try again in a moment.";
const ACTION: Record<Operation, string> = {
  list: "list the applications",
  create: "create the application",
  update: "save the application",
  rotate: "rotate the application's credentials",
  delete: "delete the application",
};
const UNKNOWN_OUTCOME: Partial<Record<Operation, string>> = {
  create:
    "The outcome is unknown: the application may have been created. Check the list before creating it again.",
  update:
    "The outcome is unknown: the changes may have been saved. Reload the application before editing it again.",
  delete:
    "The outcome is unknown: the application may have been deleted. Reload the list before trying again.",
};

/** The sentences the console must show for this fault on this operation. */
function expectedWords(operation: Operation, { lost }: FaultKind, clientId: string): string[] {
  if (operation === "rotate") {
    // A rotate's answer carries the only copy of the new secret: the console says how to tell
    // whether it happened (the client ID changes with it) instead of offering a blind retry.
    const what =
      lost.kind === "status"
        ? `Wink failed (HTTP ${lost.status})`
        : lost.kind === "malformed"
          ? "Wink's answer could not be read"
          : "Wink did not answer in time";
    return [
      `${what}, so the credentials may or may not have been rotated.`,
      `compare its client ID with the one before (${clientId}).`,
      "If it is unchanged, nothing happened and it is safe to try again.",
    ];
  }
  const what =
    lost.kind === "status"
      ? `Wink is unavailable (HTTP ${lost.status}).`
      : lost.kind === "malformed"
        ? `Wink's answer to the request to ${ACTION[operation]} could not be read: it does not match Wink's contract.`
        : `Wink did not answer within ${CONSOLE_TIMEOUT_S} s.`;
  return [`${what} ${UNKNOWN_OUTCOME[operation] ?? TRY_AGAIN}`];
}

// ---------------------------------------------------------------------------------------------
// How each operation is driven through the UI

type Context = { page: Page; app: SandboxApplication; name: string };

interface Flow {
  operation: Operation;
  /** The sandbox's counter of the change; none for the list. */
  mutation?: Mutation;
  /** Where it starts, up to the one click that sends the request. */
  prepare(context: Context): Promise<void>;
  send(context: Context): Promise<void>;
  /** Where the console says what went wrong. */
  failure(context: Context): Locator;
  /**
   * Wink works again: the console's own way back, ending on a screen that proves it works.
   * `applied`: whether the faulted change happened. Returns how many changes the recovery made.
   */
  recover(context: Context, applied: boolean): Promise<number>;
  /** The request went through (after a transparent token refresh). */
  succeeded(context: Context): Promise<void>;
}

const createDialog = (page: Page) => page.getByRole("dialog", { name: "Create application" });
const revealDialog = (page: Page) => page.getByTestId("reveal-secret");

/** Opens the rotate or delete dialog and types the name; returns the armed confirm button. */
async function armDangerDialog(page: Page, opener: string, confirmLabel: string, name: string) {
  await page.getByRole("button", { name: opener }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  const confirm = dialog.getByRole("button", { name: confirmLabel });
  await expect(confirm).toBeEnabled();
  return confirm;
}

const FLOWS: Flow[] = [
  {
    operation: "list",
    async prepare() {},
    async send({ page }) {
      const response = await page.goto(listPath);
      expect(response?.status(), "the page itself did not fail").toBeLessThan(500);
    },
    failure: ({ page }) =>
      page.getByTestId("list-error").filter({ hasText: "The applications could not be loaded" }),
    async recover({ page }) {
      await page.getByTestId("list-error").getByRole("button", { name: "Retry" }).click();
      await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
      await expect(page.getByTestId("list-error")).toHaveCount(0);
      return 0;
    },
    async succeeded({ page }) {
      await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
    },
  },
  {
    operation: "create",
    mutation: "creates",
    async prepare({ page, name }) {
      await page.goto(listPath);
      await page.getByRole("button", { name: "Create application" }).first().click();
      const dialog = createDialog(page);
      await dialog.getByLabel("Name").fill(name);
      await dialog.getByRole("radio", { name: "Machine to machine" }).click();
    },
    async send({ page }) {
      await createDialog(page).getByRole("button", { name: "Create application" }).click();
    },
    failure: ({ page }) =>
      createDialog(page)
        .getByRole("alert")
        .filter({ hasText: "It is not known whether it was created" }),
    async recover({ page, name }, applied) {
      // As the message says: check the list. It tells the truth either way.
      await page.reload();
      await expect(page.getByTestId("list-summary")).toBeVisible();
      await expect(page.getByRole("link", { name, exact: true })).toHaveCount(applied ? 1 : 0);
      // And creating works again.
      await page.getByRole("button", { name: "Create application" }).first().click();
      await createDialog(page).getByLabel("Name").fill(`${name} (again)`);
      await createDialog(page).getByRole("radio", { name: "Machine to machine" }).click();
      await createDialog(page).getByRole("button", { name: "Create application" }).click();
      await expect(revealDialog(page)).toBeVisible();
      return 1;
    },
    async succeeded({ page }) {
      await expect(revealDialog(page)).toBeVisible();
    },
  },
  {
    operation: "update",
    mutation: "updates",
    async prepare({ page, app, name }) {
      await page.goto(`${pageOf(app.id)}/edit`);
      await expect(page.getByLabel("Name")).toHaveValue(app.name);
      await page.getByLabel("Name").fill(name);
    },
    async send({ page }) {
      await page.getByRole("button", { name: "Save changes" }).click();
    },
    failure: ({ page }) =>
      page.getByRole("alert").filter({ hasText: "It is not known whether the changes were saved" }),
    async recover({ page, app, name }) {
      // The form keeps what was typed: saving again sends the whole object once more.
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page).toHaveURL(new RegExp(`${pageOf(app.id)}$`));
      await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
      return 1;
    },
    async succeeded({ page, app, name }) {
      await expect(page).toHaveURL(new RegExp(`${pageOf(app.id)}$`));
      await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
    },
  },
  {
    operation: "rotate",
    mutation: "rotations",
    async prepare({ page, app }) {
      await page.goto(pageOf(app.id));
      await armDangerDialog(page, "Rotate credentials", "Rotate credentials", app.name);
    },
    async send({ page }) {
      await page
        .getByRole("alertdialog")
        .getByRole("button", { name: "Rotate credentials" })
        .click();
    },
    failure: ({ page }) =>
      page
        .getByRole("alertdialog")
        .getByRole("alert")
        .filter({ hasText: "The credentials may have been rotated" }),
    async recover({ page, app }, applied) {
      // No blind retry: the dialog offers only Close, and closing shows the client ID as it is now.
      const dialog = page.getByRole("alertdialog");
      await expect(dialog.getByRole("button", { name: "Rotate credentials" })).toHaveCount(0);
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(dialog).toBeHidden();
      const clientId = page.getByTestId("client-id");
      if (applied) await expect(clientId).not.toHaveText(app.clientId);
      else await expect(clientId).toHaveText(app.clientId);
      // Rotating works again, from a fresh page (it checks the client ID the admin saw).
      await page.reload();
      const confirm = await armDangerDialog(
        page,
        "Rotate credentials",
        "Rotate credentials",
        app.name,
      );
      await confirm.click();
      await expect(revealDialog(page)).toBeVisible();
      return 1;
    },
    async succeeded({ page }) {
      await expect(revealDialog(page)).toBeVisible();
    },
  },
  {
    operation: "delete",
    mutation: "deletes",
    async prepare({ page, app }) {
      await page.goto(pageOf(app.id));
      await armDangerDialog(page, "Delete", "Delete application", app.name);
    },
    async send({ page }) {
      await page
        .getByRole("alertdialog")
        .getByRole("button", { name: "Delete application" })
        .click();
    },
    failure: ({ page }) =>
      page
        .getByRole("alertdialog")
        .getByRole("alert")
        .filter({ hasText: "The application may have been deleted" }),
    async recover({ page, app }, applied) {
      const dialog = page.getByRole("alertdialog");
      await expect(dialog.getByRole("button", { name: "Delete application" })).toHaveCount(0);
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(dialog).toBeHidden();
      // Closing reloads the page: it shows whether the application is still there.
      if (applied) {
        await expect(page.getByRole("heading", { name: "Application not found" })).toBeVisible();
      } else {
        await expect(page.getByRole("heading", { name: app.name })).toBeVisible();
        const confirm = await armDangerDialog(page, "Delete", "Delete application", app.name);
        await confirm.click();
        await expect(page).toHaveURL(new RegExp(`${listPath}(\\?.*)?$`));
      }
      await page.goto(listPath);
      await expect(page.getByTestId("list-summary")).toBeVisible();
      await expect(page.getByRole("link", { name: app.name, exact: true })).toHaveCount(0);
      return applied ? 0 : 1;
    },
    async succeeded({ page }) {
      await expect(page).toHaveURL(new RegExp(`${listPath}(\\?.*)?$`));
    },
  },
];

async function contextFor(page: Page, flow: Flow, label: string): Promise<Context> {
  const stamp = `${Date.now()}`;
  const app = await createInSandbox({ name: `Fault target ${stamp}` });
  return { page, app, name: `${flow.operation} under ${label} ${stamp}` };
}

// ---------------------------------------------------------------------------------------------

for (const flow of FLOWS) {
  test.describe(`${flow.operation}, when Wink fails`, () => {
    for (const kind of FAULT_KINDS) {
      test(`${kind.label}: says so, sends once, recovers`, async ({ adminPage: page, sandbox }) => {
        test.setTimeout(kind.slow ? 75_000 : 45_000);
        const expectNoCrash = watchForCrashes(page);
        const context = await contextFor(page, flow, kind.label);
        await flow.prepare(context);
        const before = await sandbox.stats();

        await sandbox.fault({ operation: flow.operation, ...kind.fault });
        await flow.send(context);

        const failure = flow.failure(context);
        await expect(failure).toBeVisible({ timeout: kind.slow ? 30_000 : 10_000 });
        for (const words of expectedWords(flow.operation, kind, context.app.clientId)) {
          await expect(failure).toContainText(words);
        }
        await expectNoCrash();

        let applied = false;
        if (flow.mutation) {
          const mutation = flow.mutation;
          const done = async () =>
            (await sandbox.stats()).mutations[mutation] - before.mutations[mutation];
          if (kind.latencyMs) {
            // Let the late answer arrive: whatever the sandbox did, it has done by then.
            await page.waitForTimeout(kind.latencyMs - CONSOLE_TIMEOUT_S * 1000 + 1000);
          }
          // Done (or not) exactly as the sandbox was told.
          await expect.poll(done, { timeout: 5_000 }).toBe(kind.applied ? 1 : 0);
          applied = (await done()) === 1;
          // Sent once: never repeated on its own.
          const after = await sandbox.stats();
          expect(requestsOf(after, flow.operation) - requestsOf(before, flow.operation)).toBe(1);
        } else {
          // Reads repeat a transient failure, a bounded number of times.
          const after = await sandbox.stats();
          const sent = requestsOf(after, flow.operation) - requestsOf(before, flow.operation);
          expect(sent).toBeGreaterThanOrEqual(1);
          expect(sent).toBeLessThanOrEqual(3);
        }

        await sandbox.clearFaults();
        const changedOnRecovery = await flow.recover(context, applied);
        await expectNoCrash();
        if (flow.mutation) {
          const stats = await sandbox.stats();
          expect(stats.mutations[flow.mutation] - before.mutations[flow.mutation]).toBe(
            (applied ? 1 : 0) + changedOnRecovery,
          );
        }
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The token endpoint

/** The console's words for a failed token request (TOKEN_MESSAGES, tokenUnreachableMessage). */
function tokenWords({ lost }: FaultKind): string {
  if (lost.kind === "status") {
    return `Wink's sign-in service is unreachable (HTTP ${lost.status}). ${TRY_AGAIN}`;
  }
  if (lost.kind === "malformed") {
    return "Wink's sign-in service answered with something that is not an access token. Try again in a moment; if it persists, check WINK_TOKEN_URL.";
  }
  return `Wink's sign-in service is unreachable (no answer within ${CONSOLE_TIMEOUT_S} s). ${TRY_AGAIN}`;
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

// With a hanging token endpoint a page load waits out three token requests (the read of the
// entities tries three times, each with a token request of its own): about 13 s here, and about
// 31 s with the default WINK_TIMEOUT_MS of 10 s, during which the browser gets no byte at all (the
// layout awaits the entities before it renders anything).
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
  const INVALID_CLIENT =
    "The console's Wink credential was refused: the client id or secret is wrong, or the application was rotated or deleted. Update WINK_CLIENT_ID and WINK_CLIENT_SECRET.";

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
