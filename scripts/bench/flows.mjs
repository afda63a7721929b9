// Wink calls per flow: what one person's action costs Wink, counted by the sandbox per operation.
// Each flow runs in Chromium the way a person does it, and is counted from its first request until
// the page has settled (the list refreshed, the dialog closed).

import { signIn } from "./browser.mjs";
import { ENTITY_ID, statsDelta } from "./sandbox.mjs";

const VIEWPORT = { width: 1280, height: 800 };
/** Waits for late requests (a refetch after a dialog closes) before the count is read. */
const SETTLE_MS = 1_500;

/**
 * The least each flow needs from Wink, per operation (the token is cached by then and not
 * counted). A read beyond these is a render or a fetch made twice.
 */
export const FLOW_AIMS = {
  "sign-in (identity provider → list)": { entities: 1, list: 1 },
  "list view (a page load)": { list: 1 },
  "list refetch (/api/entities/:id/applications)": { list: 1 },
  "application page": { get: 1 },
  "create (through the secret dialog closing and the list refreshing)": { create: 1, list: 1 },
  "edit save (back on the application page)": { update: 1, get: 1 },
  "rotate (through the secret dialog closing)": { rotate: 1, get: 1 },
  "delete (back on the list)": { delete: 1, list: 1 },
};

const total = (calls) => Object.values(calls).reduce((sum, count) => sum + count, 0);

async function settle(page) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.waitForTimeout(SETTLE_MS);
}

/** Counts the Wink calls of `run`; `sandbox` is the bench's sandbox client. */
async function count(sandbox, run) {
  const before = await sandbox.stats();
  await run();
  const delta = statsDelta(before, await sandbox.stats());
  const calls = {};
  for (const [operation, n] of Object.entries(delta.requests)) {
    if (operation !== "token" && n > 0) calls[operation] = n;
  }
  return { calls, tokenRequests: delta.tokenRequests };
}

/**
 * Runs every flow once in a fresh browser context and returns, per flow, the Wink calls by
 * operation, their total and the aim. The console keeps its entity cache (its default time to
 * live) as a deployment would; sign-in runs first, on a console that has just served the earlier
 * phases.
 */
export async function measureFlows({ browser, sandbox, consoleUrl }) {
  await sandbox.clearFaults();
  const listUrl = `${consoleUrl}/entities/${ENTITY_ID}/applications`;
  const flows = {};
  const record = async (name, run) => {
    const counted = await count(sandbox, run);
    flows[name] = { ...counted, total: total(counted.calls), aim: FLOW_AIMS[name] };
  };

  let session;
  await record("sign-in (identity provider → list)", async () => {
    session = await signIn(browser, consoleUrl);
  });

  const context = await browser.newContext({
    storageState: session.storageState,
    viewport: VIEWPORT,
  });
  try {
    const page = await context.newPage();
    await record("list view (a page load)", async () => {
      await page.goto(listUrl);
      await page.getByTestId("list-summary").waitFor();
      await settle(page);
    });
    await record("list refetch (/api/entities/:id/applications)", async () => {
      const status = await page.evaluate(
        async (url) => (await fetch(url, { headers: { Accept: "application/json" } })).status,
        `/api/entities/${ENTITY_ID}/applications`,
      );
      if (status !== 200) throw new Error(`list refetch: HTTP ${status}`);
    });

    const name = `Bench flow ${Date.now()}`;
    await record("create (through the secret dialog closing and the list refreshing)", async () => {
      await page.getByRole("button", { name: "Create application" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Create application" });
      await dialog.getByLabel("Name").fill(name);
      await dialog.getByRole("radio", { name: "Machine to machine" }).click();
      await dialog.getByRole("checkbox", { name: "Booking: read" }).check();
      await dialog.getByRole("button", { name: "Create application" }).click();
      await closeReveal(page);
      await page.getByRole("link", { name, exact: true }).waitFor();
      await settle(page);
    });

    const target = await sandbox.createApplication(`Bench target ${Date.now()}`);
    const applicationUrl = `${listUrl}/${target.id}`;
    await record("application page", async () => {
      await page.goto(applicationUrl);
      await page.getByRole("heading", { name: target.name }).waitFor();
      await settle(page);
    });
    // Not counted: opening the edit page (a render of its own, like the application page's).
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Name").waitFor();
    await settle(page);
    await record("edit save (back on the application page)", async () => {
      const edited = `${target.name} (edited)`;
      await page.getByLabel("Name").fill(edited);
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.waitForURL((url) => url.pathname.endsWith(target.id));
      await page.getByRole("heading", { name: edited }).waitFor();
      await settle(page);
    });
    const typeName = async () => {
      const dialog = page.getByRole("alertdialog");
      const label = dialog.getByLabel(/^Type .* to confirm$/);
      await label.fill(`${target.name} (edited)`);
      return dialog;
    };
    await record("rotate (through the secret dialog closing)", async () => {
      await page.getByRole("button", { name: "Rotate credentials" }).click();
      const dialog = await typeName();
      await dialog.getByRole("button", { name: "Rotate credentials" }).click();
      await closeReveal(page);
      await settle(page);
    });
    await record("delete (back on the list)", async () => {
      await page.getByRole("button", { name: "Delete" }).click();
      const dialog = await typeName();
      await dialog.getByRole("button", { name: "Delete application" }).click();
      await page.waitForURL((url) => url.pathname.endsWith("/applications"));
      await page.getByTestId("list-summary").waitFor();
      await settle(page);
    });
  } finally {
    await context.close();
  }
  return { flows };
}

async function closeReveal(page) {
  const reveal = page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });
  await reveal.waitFor();
  await reveal.getByTestId("reveal-stored-checkbox").check();
  await reveal.getByTestId("reveal-done").click();
  await reveal.waitFor({ state: "hidden" });
}

/** "2 (list 1, entities 1)" */
export function formatCalls(calls) {
  const parts = Object.entries(calls).map(([operation, n]) => `${operation} ${n}`);
  return `${total(calls)}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}
