import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./support/fixtures";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID, USERS } from "./support/sandbox";
import { signInThroughSandbox } from "./support/sign-in";

const applicationsPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;

test.describe("signing in", () => {
  test("an anonymous visitor is sent to sign-in, and the admin lands on the console", async ({
    page,
  }) => {
    await signInThroughSandbox(page, "admin");
    await expect(page).toHaveURL(new RegExp(applicationsPath));
    await expect(page.getByTestId("viewer-role")).toHaveText("Admin");
    await expect(page.getByText(USERS.admin)).toBeVisible();
  });

  test("a deep link survives sign-in", async ({ page }) => {
    const deepLink = `${applicationsPath}?q=booking&page=1`;
    await signInThroughSandbox(page, "viewer", deepLink);
    await expect(page).toHaveURL(new RegExp(`${applicationsPath}\\?q=booking&page=1$`));
    await expect(page.getByTestId("viewer-role")).toHaveText("Viewer");
  });

  test("sign-out ends the session here and at the identity provider", async ({ page }) => {
    await signInThroughSandbox(page, "admin");
    await expect(page.getByTestId("viewer-role")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signed-out$/);
    await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();

    // The console's session is gone...
    await page.goto(applicationsPath);
    await expect(page).toHaveURL(/\/sign-in/);
    // ...and so is the identity provider's: it asks for the password again.
    await page.getByRole("button", { name: /^Sign in with/ }).click();
    await expect(page.getByLabel("Password")).toBeVisible();
  });

  test("someone on neither list sees who they are and a way out", async ({ page }) => {
    await signInThroughSandbox(page, "stranger");
    await expect(page).toHaveURL(/\/no-access$/);
    await expect(page.getByRole("heading", { name: "No access to this console" })).toBeVisible();
    await expect(page.getByText(USERS.stranger)).toBeVisible();
    // Every console page sends them back here; no application data is shown.
    await page.goto(applicationsPath);
    await expect(page).toHaveURL(/\/no-access$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signed-out$/);
  });

  test("a wrong password is refused on the identity provider's page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: /^Sign in with/ }).click();
    await page.getByLabel("Email").fill(USERS.admin);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText(/do not match a sandbox account/)).toBeVisible();
    await expect(page).not.toHaveURL(/localhost:3001\/entities/);
  });

  for (const [what, url] of [
    ["an unreachable identity provider", E2E.unreachableIdpConsoleUrl],
    ["a wrong client secret at the identity provider", E2E.wrongSecretConsoleUrl],
  ] as const) {
    test(`${what} gives a clear message on the sign-in page, not a 500`, async ({ page }) => {
      const failures: number[] = [];
      page.on("response", (response) => {
        if (response.status() >= 500) failures.push(response.status());
      });
      await page.goto(`${url}/entities/${SANDBOX_ENTITY_ID}/applications`);
      await page.getByRole("button", { name: /^Sign in with/ }).click();
      if (url === E2E.wrongSecretConsoleUrl) {
        // The provider is up: sign in there; the console's code exchange is what fails.
        await page.getByLabel("Email").fill(USERS.admin);
        await page.getByLabel("Password").fill("sandbox");
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
      }
      await expect(page).toHaveURL(new RegExp(`^${url}/sign-in\\?`));
      await expect(
        page.getByRole("alert").filter({ hasText: "The identity provider could not be used" }),
      ).toBeVisible();
      await expect(page.getByText(/AUTH_OIDC_CLIENT_SECRET/)).toBeVisible();
      expect(failures).toEqual([]);
    });
  }
});

test.describe("security headers", () => {
  test("a signed-in page carries them", async ({ adminPage }) => {
    const response = await adminPage.goto(applicationsPath);
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["cache-control"]).toContain("no-store");
    // Served over plain http here: HSTS would be ignored, and is only sent over https.
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  test("every script on the page carries the nonce", async ({ adminPage }) => {
    const response = await adminPage.goto(applicationsPath);
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"]!)![1];
    const scripts = await adminPage
      .locator("script")
      .evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);
  });
});

test.describe("accessibility", () => {
  const axe = (page: import("@playwright/test").Page) =>
    new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();

  test("the sign-in page", async ({ page }) => {
    await page.goto("/sign-in");
    expect((await axe(page)).violations).toEqual([]);
  });

  test("the no-access page", async ({ page }) => {
    await signInThroughSandbox(page, "stranger");
    await expect(page).toHaveURL(/\/no-access$/);
    expect((await axe(page)).violations).toEqual([]);
  });

  test("the signed-in shell", async ({ adminPage }) => {
    await adminPage.goto(applicationsPath);
    await expect(adminPage.getByTestId("viewer-role")).toBeVisible();
    expect((await axe(adminPage)).violations).toEqual([]);
  });
});
