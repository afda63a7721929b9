import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox } from "./support/wink";

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;

test("a name the list already has is warned about before anything is created", async ({
  adminPage: page,
  sandbox,
}) => {
  await createInSandbox({
    name: "Partner Portal",
    clientType: "MACHINE_2_MACHINE",
    redirectUris: [],
  });
  const before = (await sandbox.stats()).mutations.creates;
  await page.goto(listPath);
  await expect(page.getByRole("link", { name: "Partner Portal", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Create application" }).first().click();
  const form = page.getByRole("dialog", { name: "Create application" });
  const name = form.getByLabel("Name", { exact: true });
  // Read as the same name by people: other case and spacing.
  await name.fill("  partner   PORTAL ");
  await form.getByRole("radio", { name: "Machine to machine" }).click();
  await form.getByRole("button", { name: "Create application" }).click();

  const warning = form.getByRole("alert").filter({ hasText: "already exists" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("“Partner Portal”");
  await expect(name).toBeFocused();
  expect((await sandbox.stats()).mutations.creates).toBe(before);

  // Another name takes the warning away; the same one again brings it back.
  await name.fill("Partner Portal 2");
  await expect(warning).toBeHidden();
  await name.fill("Partner Portal");
  await form.getByRole("button", { name: "Create application" }).click();
  await expect(warning).toBeVisible();
  expect((await sandbox.stats()).mutations.creates).toBe(before);

  await warning.getByRole("button", { name: "Create anyway" }).click();
  await expect(page.getByTestId("reveal-secret")).toBeVisible();
  expect((await sandbox.stats()).mutations.creates).toBe(before + 1);
});

/** Opens the create dialog, types `name` as a machine-to-machine client, and submits it. */
async function submitCreate(page: Page, name: string) {
  await page.getByRole("button", { name: "Create application" }).first().click();
  const form = page.getByRole("dialog", { name: "Create application" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByRole("radio", { name: "Machine to machine" }).click();
  await form.getByRole("button", { name: "Create application" }).click();
  return form;
}

test("a same-name application on another page of the list is still caught", async ({
  adminPage: page,
  sandbox,
}) => {
  const word = `Paged${Date.now()}`;
  // One more than the default page size, all matching the search: the last one is on page 2.
  for (let index = 1; index <= 26; index += 1) {
    await createInSandbox({
      name: `${word} ${String(index).padStart(2, "0")}`,
      clientType: "MACHINE_2_MACHINE",
      redirectUris: [],
    });
  }
  const before = (await sandbox.stats()).mutations.creates;
  await page.goto(`${listPath}?q=${word}`);
  await expect(page.getByTestId("application-row")).toHaveCount(25);
  await expect(page.getByRole("link", { name: `${word} 26`, exact: true })).toHaveCount(0);

  const form = await submitCreate(page, `${word.toLowerCase()}  26`);
  const warning = form.getByRole("alert").filter({ hasText: "already exists" });
  await expect(warning).toContainText(`“${word} 26”`);
  expect((await sandbox.stats()).mutations.creates).toBe(before);
});

test("a same-name application the search hides is still caught", async ({
  adminPage: page,
  sandbox,
}) => {
  const twin = await createInSandbox({
    name: `Hidden twin ${Date.now()}`,
    clientType: "MACHINE_2_MACHINE",
    redirectUris: [],
  });
  const before = (await sandbox.stats()).mutations.creates;
  await page.goto(`${listPath}?q=nothing-is-called-this`);
  await expect(page.getByTestId("application-row")).toHaveCount(0);

  const form = await submitCreate(page, twin.name.toUpperCase());
  const warning = form.getByRole("alert").filter({ hasText: "already exists" });
  await expect(warning).toContainText(`“${twin.name}”`);
  expect((await sandbox.stats()).mutations.creates).toBe(before);
});

test("the submit button shows the check; a check that fails neither warns nor blocks", async ({
  adminPage: page,
  sandbox,
}) => {
  const twin = await createInSandbox({
    name: `Unchecked twin ${Date.now()}`,
    clientType: "MACHINE_2_MACHINE",
    redirectUris: [],
  });
  const before = (await sandbox.stats()).mutations.creates;
  await page.goto(listPath);
  await expect(page.getByTestId("application-row").first()).toBeVisible();

  // The check is held until the pending state has been seen, then fails as Wink's outage would.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.endsWith("/applications") && url.searchParams.has("sameName"),
    async (route) => {
      await held;
      await route.fulfill({ status: 502, json: { error: "Wink is unavailable." } });
    },
  );
  const form = await submitCreate(page, twin.name);
  const checking = form.getByRole("button", { name: "Checking the name…" });
  await expect(checking).toBeVisible();
  await expect(checking).toBeDisabled();
  release();

  await expect(page.getByTestId("reveal-secret")).toBeVisible();
  await expect(page.getByText("already exists")).toHaveCount(0);
  expect((await sandbox.stats()).mutations.creates).toBe(before + 1);
});
