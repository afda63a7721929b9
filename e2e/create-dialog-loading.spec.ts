import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";

// The create dialog's code is fetched when its button is first used, not with the list.

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;

test("opens from the keyboard, says it is loading, and gives the focus back", async ({
  adminPage: page,
}) => {
  await page.goto(listPath);
  await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
  // Script requests from now on wait until the button has shown that it is loading.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await released;
    await route.continue();
  });

  const button = page.getByRole("button", { name: "Create application" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("status").filter({ hasText: "Opening the form" })).toBeAttached();
  await expect(button).toBeFocused();
  release();

  const dialog = page.getByRole("dialog", { name: "Create application" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Name")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).not.toHaveAttribute("aria-busy");
});

test("a failed load says so, and the button tries again", async ({ adminPage: page }) => {
  await page.goto(listPath);
  await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
  await page.route("**/_next/static/chunks/**", (route) => route.abort());

  const button = page.getByRole("button", { name: "Create application" });
  await button.click();
  await expect(page.getByRole("alert").filter({ hasText: "could not be loaded" })).toBeVisible();

  await page.unroute("**/_next/static/chunks/**");
  await button.click();
  await expect(page.getByRole("dialog", { name: "Create application" })).toBeVisible();
});
