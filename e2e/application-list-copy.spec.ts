import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox } from "./support/wink";

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;

test("a search right after a page load sees the list that page load read, not an older copy", async ({
  adminPage: page,
}) => {
  const search = page.getByRole("searchbox", { name: "Search applications" });
  // A view change first: the route handler answers it and keeps a copy of Wink's list.
  await page.goto(listPath);
  await search.fill("no such application");
  await expect(page.getByTestId("list-summary")).toHaveText(/^No applications match/);

  // Created elsewhere, then a page load: it reads Wink afresh, and the copy with it.
  const app = await createInSandbox({ name: `Copied ${Date.now()}` });
  await page.goto(listPath);
  await expect(page.getByTestId("application-row").first()).toBeVisible();
  await search.fill(app.name);
  await expect(page.getByTestId("application-name")).toHaveText([app.name]);
});
