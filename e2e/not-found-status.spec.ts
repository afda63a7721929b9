import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox } from "./support/wink";

/**
 * An id Wink does not know answers a real HTTP 404, not a 200 page that says "not found": links
 * checkers, monitors and caches read the status, not the words. (A streamed response cannot change
 * its status once begun, so no loading boundary may sit above a page that can be not found.)
 */

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
const UNKNOWN_ID = "7f3e2d1c-0b9a-4c8d-8e7f-6a5b4c3d2e1f";

test.describe("unknown ids", () => {
  for (const [label, path] of [
    ["an unknown application", `${listPath}/${UNKNOWN_ID}`],
    ["the edit page of an unknown application", `${listPath}/${UNKNOWN_ID}/edit`],
    ["an id no application can have", `${listPath}/${"x".repeat(300)}`],
    ["an unknown managing entity", `/entities/${UNKNOWN_ID}/applications`],
    ["an application of an unknown managing entity", `/entities/${UNKNOWN_ID}/applications/x`],
  ] as const) {
    test(`${label} answers 404`, async ({ adminPage: page }) => {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(404);
      expect(await response.text()).toMatch(/not found/i);
    });
  }

  test("a known application and its edit page answer 200", async ({ adminPage: page }) => {
    const app = await createInSandbox({ clientType: "MACHINE_2_MACHINE", redirectUris: [] });
    for (const path of [listPath, `${listPath}/${app.id}`, `${listPath}/${app.id}/edit`]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
    }
  });

  test("the not-found page is what people see, with a way back", async ({ adminPage: page }) => {
    const response = await page.goto(`${listPath}/${UNKNOWN_ID}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Application not found" })).toBeVisible();
    await page.getByRole("link", { name: "Back to applications" }).click();
    await expect(page).toHaveURL(listPath);
  });
});
