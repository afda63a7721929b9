import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { serverActionsOfBuild } from "./support/actions";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID, SANDBOX_PASSWORD, USERS } from "./support/sandbox";
import { signInThroughSandbox } from "./support/sign-in";

const applicationsPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
const CONFIGURATION_WORDS = /AUTH_OIDC|client credentials/;

/** Fails the test on any 5xx the page receives. */
function collectServerErrors(page: Page): string[] {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) failures.push(`${response.status()} ${response.url()}`);
  });
  return failures;
}

/** On the sandbox's sign-in page: the password form. */
async function signInAtSandbox(page: Page, user: keyof typeof USERS = "admin") {
  await page.getByLabel("Email").fill(USERS[user]);
  await page.getByLabel("Password").fill(SANDBOX_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function pressSignIn(page: Page) {
  await page.getByRole("button", { name: /^Sign in with/ }).click();
  await expect(page.getByLabel("Password")).toBeVisible();
}

test.describe("return paths, whatever their characters", () => {
  test("signed in, a return path with a non-ASCII character is followed, not a 500", async ({
    adminPage,
  }) => {
    const failures = collectServerErrors(adminPage);
    await adminPage.goto("/sign-in?callbackUrl=/%E2%9C%93");
    await expect(adminPage).toHaveURL(`${E2E.consoleUrl}/%E2%9C%93`);
    // The same place, however the link wrote it.
    await adminPage.goto(`/sign-in?callbackUrl=${encodeURIComponent(`${applicationsPath}?q=✓`)}`);
    await expect(adminPage).toHaveURL(`${E2E.consoleUrl}${applicationsPath}?q=%E2%9C%93`);
    expect(failures).toEqual([]);
  });

  test("signed out, a sign-in that started at a Cyrillic query ends there, signed in", async ({
    page,
  }) => {
    const failures = collectServerErrors(page);
    await signInThroughSandbox(page, "admin", `${applicationsPath}?q=привет`);
    await expect(page).toHaveURL(new RegExp(`${applicationsPath}\\?q=`));
    expect(new URL(page.url()).searchParams.get("q")).toBe("привет");
    await expect(page.getByTestId("viewer-role")).toHaveText("Admin");
    expect(failures).toEqual([]);
  });

  test("signed out, a Cyrillic path segment written unencoded in the link round-trips", async ({
    page,
  }) => {
    const failures = collectServerErrors(page);
    await page.goto("/sign-in?callbackUrl=/пример");
    await pressSignIn(page);
    await signInAtSandbox(page);
    await expect(page).toHaveURL(`${E2E.consoleUrl}/%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80`);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe("/пример");
    // Signed in: the console opens without asking again.
    await page.goto("/");
    await expect(page.getByTestId("viewer-role")).toHaveText("Admin");
    expect(failures).toEqual([]);
  });

  test("other sites stay refused, however the path is written", async ({ adminPage }) => {
    for (const callbackUrl of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "/.//evil.example",
      "/..//evil.example",
    ]) {
      await adminPage.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await expect(adminPage, callbackUrl).toHaveURL(new RegExp(`^${E2E.consoleUrl}/entities/`));
    }
  });
});

test.describe("sign-in failures that are not configuration errors", () => {
  test("started again in another tab: the first tab says so, and starting again works", async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const first = await context.newPage();
    const failures = collectServerErrors(first);
    await first.goto(applicationsPath);
    await pressSignIn(first);

    // A second tab of the same browser starts its own sign-in, replacing the check cookies.
    const second = await context.newPage();
    await second.goto("/sign-in");
    await pressSignIn(second);

    await signInAtSandbox(first);
    await expect(first).toHaveURL(/\/sign-in\?error=StartedElsewhere/);
    await expect(
      first.getByRole("alert").filter({ hasText: "Sign-in was started again elsewhere" }),
    ).toBeVisible();
    await expect(first.getByText(CONFIGURATION_WORDS)).toHaveCount(0);

    // The identity provider remembers the person now: starting again comes straight back.
    await first.getByRole("button", { name: /^Start again with/ }).click();
    await expect(first).toHaveURL(new RegExp(`${applicationsPath}$`));
    await expect(first.getByTestId("viewer-role")).toHaveText("Admin");
    expect(failures).toEqual([]);
    await context.close();
  });

  test("one that took too long (its check cookies expired) says so, and keeps the return path", async ({
    page,
  }) => {
    const deepLink = `${applicationsPath}?q=booking`;
    await page.goto(deepLink);
    await pressSignIn(page);
    // Auth.js's check cookies live 15 minutes; the browser drops them after that.
    await page.context().clearCookies({ name: /^authjs\.(state|pkce\.code_verifier|nonce)$/ });
    await signInAtSandbox(page);

    await expect(page).toHaveURL(/\/sign-in\?error=Expired/);
    await expect(
      page.getByRole("alert").filter({ hasText: "This sign-in took too long" }),
    ).toBeVisible();
    await expect(page.getByText(CONFIGURATION_WORDS)).toHaveCount(0);

    await page.getByRole("button", { name: /^Start again with/ }).click();
    await expect(page).toHaveURL(new RegExp(`${applicationsPath}\\?q=booking$`));
    await expect(page.getByTestId("viewer-role")).toHaveText("Admin");
  });

  test("one cancelled at the identity provider says so, and starting again signs in", async ({
    page,
  }) => {
    const deepLink = `${applicationsPath}?q=пример`;
    await page.goto(deepLink);
    await pressSignIn(page);
    await page.getByRole("button", { name: "Cancel sign-in" }).click();

    await expect(page).toHaveURL(/\/sign-in\?error=Cancelled/);
    await expect(
      page.getByRole("alert").filter({ hasText: "Sign-in was cancelled" }),
    ).toBeVisible();
    await expect(page.getByText(CONFIGURATION_WORDS)).toHaveCount(0);

    await page.getByRole("button", { name: /^Start again with/ }).click();
    await signInAtSandbox(page, "viewer");
    await expect(page).toHaveURL(new RegExp(`${applicationsPath}\\?q=`));
    expect(new URL(page.url()).searchParams.get("q")).toBe("пример");
    await expect(page.getByTestId("viewer-role")).toHaveText("Viewer");
  });
});

test.describe("a forged X-Forwarded-Host from a client", () => {
  const FORGED = { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };
  const consoles = [
    ["with no origin configured (the request's Host)", E2E.consoleUrl],
    ["with AUTH_URL", E2E.externalConsoleUrl],
  ] as const;

  /** A server action's redirect target, as Next.js reports it to a script. */
  async function actionRedirect(
    request: APIRequestContext,
    consoleUrl: string,
    name: string,
    body: { multipart: Record<string, string> } | { data: string },
  ) {
    const action = serverActionsOfBuild().find((candidate) => candidate.name === name)!;
    const response = await request.post(`${consoleUrl}${action.pagePath}`, {
      headers: {
        "Next-Action": action.id,
        Accept: "text/x-component",
        // What a script sends instead of an Origin; a browser's own request would match anyway.
        "Sec-Fetch-Site": "same-origin",
        ...("data" in body ? { "Content-Type": "text/plain;charset=UTF-8" } : {}),
        ...FORGED,
      },
      ...body,
      maxRedirects: 0,
    });
    const location = response.headers()["x-action-redirect"] ?? response.headers()["location"];
    expect(location, `${name} redirects (status ${response.status()})`).toBeTruthy();
    return { location: new URL(location!.split(";")[0]!, consoleUrl), response };
  }

  for (const [what, consoleUrl] of consoles) {
    test(`${what}: sign-in sends the identity provider the console's own redirect_uri`, async ({
      playwright,
    }) => {
      const request = await playwright.request.newContext();
      const { location, response } = await actionRedirect(
        request,
        consoleUrl,
        "signInWithIdentityProvider",
        // The form's FormData, as React encodes it.
        { multipart: { "0": '["$K1"]', "1_callbackUrl": applicationsPath } },
      );
      expect(location.origin).toBe(E2E.sandboxUrl);
      expect(location.searchParams.get("redirect_uri")).toBe(
        `${consoleUrl}/api/auth/callback/oidc`,
      );
      const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
      for (const cookie of cookies) expect(cookie.value).not.toContain("evil.example");
      await request.dispose();
    });

    test(`${what}: sign-out sends the identity provider the console's own return address`, async ({
      playwright,
    }) => {
      const request = await playwright.request.newContext();
      const { location } = await actionRedirect(request, consoleUrl, "signOutEverywhere", {
        data: "[]",
      });
      expect(location.href).not.toContain("evil.example");
      expect(location.searchParams.get("post_logout_redirect_uri")).toBe(
        `${consoleUrl}/signed-out`,
      );
      await request.dispose();
    });
  }

  test("it does not name the redirect to sign-in, nor turn on HSTS over plain http", async ({
    playwright,
  }) => {
    const request = await playwright.request.newContext();
    const response = await request.get(`${E2E.consoleUrl}${applicationsPath}`, {
      headers: FORGED,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).not.toContain("evil.example");
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
    await request.dispose();
  });

  test("in a browser that sends it on every request, sign-in still completes on the console", async ({
    browser,
  }) => {
    const context = await browser.newContext({ extraHTTPHeaders: FORGED });
    const page = await context.newPage();
    const redirectUris: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin === E2E.sandboxUrl && url.searchParams.has("redirect_uri")) {
        redirectUris.push(url.searchParams.get("redirect_uri")!);
      }
    });
    await signInThroughSandbox(page, "admin", applicationsPath);
    await expect(page).toHaveURL(new RegExp(`^${E2E.consoleUrl}${applicationsPath}$`));
    expect(redirectUris).toEqual([`${E2E.consoleUrl}/api/auth/callback/oidc`]);
    await context.close();
  });
});
