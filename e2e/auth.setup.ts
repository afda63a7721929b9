import { expect, test as setup } from "@playwright/test";
import { signInThroughSandbox } from "./support/sign-in";
import { storageStateOf } from "./support/fixtures";

// Signs in once per role through the real OIDC flow and keeps the session for the other tests.
for (const user of ["admin", "viewer"] as const) {
  setup(`sign in as the ${user}`, async ({ page }) => {
    await signInThroughSandbox(page, user);
    await expect(page.getByTestId("viewer-role")).toBeVisible();
    await page.context().storageState({ path: storageStateOf(user) });
  });
}
