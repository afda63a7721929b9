import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox } from "./support/wink";

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
const pageOf = (id: string) => `${listPath}/${id}`;

test.describe("the list's URL state", () => {
  test("the search is kept in the URL, and a reload shows the same view", async ({
    adminPage: page,
  }) => {
    const app = await createInSandbox({ name: `Kept ${Date.now()}` });
    await page.goto(listPath);
    await page.getByRole("searchbox", { name: "Search applications" }).fill(app.name);
    await expect(page).toHaveURL((url) => url.searchParams.get("q") === app.name);
    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search applications" })).toHaveValue(
      app.name,
    );
    await expect(page.getByTestId("application-row")).toHaveCount(1);
  });

  test("a result clicked right after typing opens the application, and the page stays", async ({
    adminPage: page,
  }) => {
    const app = await createInSandbox({ name: `Clicked ${Date.now()}` });
    await page.goto(listPath);
    await expect(page.getByTestId("application-row").first()).toBeVisible();
    // The application's page is slow to come, so the search's delayed URL write, if still
    // pending, lands while the navigation is under way.
    await page.route(
      (url) => url.pathname === pageOf(app.id),
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 750));
        await route.continue();
      },
    );

    await page.getByRole("searchbox", { name: "Search applications" }).fill(app.name);
    await page
      .getByTestId("application-row")
      .first()
      .getByRole("link", { name: app.name, exact: true })
      .click();

    await expect(page).toHaveURL((url) => url.pathname === pageOf(app.id));
    await expect(page.getByRole("heading", { name: app.name })).toBeVisible();
    // Nothing pending may take the browser back to the list afterwards.
    await page.waitForTimeout(1_000);
    await expect(page).toHaveURL((url) => url.pathname === pageOf(app.id));
    await expect(page.getByRole("heading", { name: app.name })).toBeVisible();
  });
});
