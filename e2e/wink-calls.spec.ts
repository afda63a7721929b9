import { test, expect } from "./support/fixtures";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID, type SandboxControls } from "./support/sandbox";
import { signInThroughSandbox } from "./support/sign-in";
import { createInSandbox } from "./support/wink";

// What a person's action costs Wink, counted by the sandbox per operation. The main e2e console
// runs without the entity cache (WINK_ENTITY_CACHE_SECONDS=0, for the entity-fault tests); the
// explicit-settings console keeps the default.

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
// A save and a rotate read the application before they change it (their checks need Wink as it is
// now); the page shown next is Wink's answer to the change, not a second read. A delete checks what
// the page just showed, so the list after it is its one read.
const GET_PER_EDIT_SAVE = 1;
const GET_PER_ROTATE = 1;
const GET_PER_DELETE = 0;

/** The Wink calls `run` caused, by operation. */
async function callsOf(sandbox: SandboxControls, run: () => Promise<void>) {
  const before = (await sandbox.stats()).requests;
  await run();
  const after = (await sandbox.stats()).requests;
  return (operation: string) => (after[operation] ?? 0) - (before[operation] ?? 0);
}

test("with the entity cache, sign-in, two list loads and a refetch ask for the entities once", async ({
  page,
  sandbox,
}) => {
  const calls = await callsOf(sandbox, async () => {
    await signInThroughSandbox(page, "admin", `${E2E.externalConsoleUrl}/`);
    await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
    await page.reload();
    await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
    const refetch = await page.request.get(
      `${E2E.externalConsoleUrl}/api/entities/${SANDBOX_ENTITY_ID}/applications`,
    );
    expect(refetch.status()).toBe(200);
  });
  // None when an earlier test of this console filled the cache less than 30 s ago.
  expect(calls("entities")).toBeLessThanOrEqual(1);
  expect(calls("list")).toBe(3);
});

test("saving an edit renders the application page once", async ({ adminPage: page, sandbox }) => {
  const app = await createInSandbox();
  await page.goto(`${listPath}/${app.id}/edit`);
  await expect(page.getByLabel("Name")).toHaveValue(app.name);
  // The edit page's own requests (its links' prefetches among them) are not the save's.
  await page.waitForLoadState("networkidle");
  const calls = await callsOf(sandbox, async () => {
    await page.getByLabel("Name").fill(`${app.name} (edited)`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: `${app.name} (edited)` })).toBeVisible();
    await page.waitForLoadState("networkidle");
  });
  expect(calls("update")).toBe(1);
  expect(calls("get")).toBe(GET_PER_EDIT_SAVE);
});

test("rotating reads the application once, and the page after shows the new client ID", async ({
  adminPage: page,
  sandbox,
}) => {
  const app = await createInSandbox();
  await page.goto(`${listPath}/${app.id}`);
  await expect(page.getByTestId("client-id")).toHaveText(app.clientId);
  await page.waitForLoadState("networkidle");
  let clientId = "";
  const calls = await callsOf(sandbox, async () => {
    await page.getByRole("button", { name: "Rotate credentials" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByLabel(`Type ${app.name} to confirm`).fill(app.name);
    await dialog.getByRole("button", { name: "Rotate credentials" }).click();
    const reveal = page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });
    clientId = (await reveal.getByTestId("reveal-client-id").textContent())!.trim();
    await reveal.getByTestId("reveal-stored-checkbox").check();
    await reveal.getByTestId("reveal-done").click();
    await expect(reveal).toBeHidden();
    await expect(page.getByTestId("client-id")).toHaveText(clientId);
    await page.waitForLoadState("networkidle");
  });
  expect(clientId).not.toBe(app.clientId);
  expect(calls("rotate")).toBe(1);
  expect(calls("get")).toBe(GET_PER_ROTATE);
});

test("deleting loads the list once", async ({ adminPage: page, sandbox }) => {
  const app = await createInSandbox();
  // The list first, so that the browser holds a cached copy of it, as after any visit.
  await page.goto(listPath);
  await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
  await page.goto(`${listPath}/${app.id}`);
  await page.waitForLoadState("networkidle");
  const calls = await callsOf(sandbox, async () => {
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByLabel(`Type ${app.name} to confirm`).fill(app.name);
    await dialog.getByRole("button", { name: "Delete application" }).click();
    await expect(page).toHaveURL(new RegExp(`${listPath}(\\?.*)?$`));
    await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
    await page.waitForLoadState("networkidle");
  });
  expect(calls("delete")).toBe(1);
  expect(calls("list")).toBe(1);
  expect(calls("get")).toBe(GET_PER_DELETE);
});

test("the create form's same-name check answers from the list's copy, with no Wink call", async ({
  adminPage: page,
  sandbox,
}) => {
  const twin = await createInSandbox({
    name: `Copied twin ${Date.now()}`,
    clientType: "MACHINE_2_MACHINE",
    redirectUris: [],
  });
  await page.goto(listPath);
  await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
  await page.getByRole("button", { name: "Create application" }).first().click();
  const form = page.getByRole("dialog", { name: "Create application" });
  await form.getByLabel("Name", { exact: true }).fill(twin.name);
  await form.getByRole("radio", { name: "Machine to machine" }).click();
  await page.waitForLoadState("networkidle");
  // A refetch of the list, as a page load does, renews the console's copy of Wink's list just
  // before the submit: filling the form may take longer than the copy's few seconds of life.
  const refetch = await page.request.get(`/api${listPath}`);
  expect(refetch.status()).toBe(200);
  const calls = await callsOf(sandbox, async () => {
    await form.getByRole("button", { name: "Create application" }).click();
    await expect(form.getByRole("alert").filter({ hasText: "already exists" })).toContainText(
      `“${twin.name}”`,
    );
  });
  expect(calls("list")).toBe(0);
  expect(calls("create")).toBe(0);
});
