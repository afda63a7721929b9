import { expect } from "@playwright/test";
import {
  armDangerDialog,
  createDialog,
  listPath,
  pageOf,
  revealDialog,
  type Flow,
} from "./fault-matrix";

/** How each operation is driven through the UI, from its page to the screen that proves it worked. */
export const FLOWS: Flow[] = [
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

/** The flow of one operation. */
export function flowOf(operation: Flow["operation"]): Flow {
  const flow = FLOWS.find((each) => each.operation === operation);
  if (!flow) throw new Error(`no flow for ${operation}`);
  return flow;
}
