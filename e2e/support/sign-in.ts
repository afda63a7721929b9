import { expect, type Page } from "@playwright/test";
import { SANDBOX_PASSWORD, USERS, type UserKey } from "./sandbox";

/**
 * Signs in the way a person does: the console's sign-in page, the identity provider's own page
 * (the sandbox's), and back. Starts from `path` so that deep links can be checked too.
 */
export async function signInThroughSandbox(page: Page, user: UserKey, path = "/") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: /^Sign in with/ }).click();
  await page.getByLabel("Email").fill(USERS[user]);
  await page.getByLabel("Password").fill(SANDBOX_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
