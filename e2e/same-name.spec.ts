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
