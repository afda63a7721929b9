import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox } from "./support/wink";

// The e2e console runs with the default policy: secrets are due after 90 days. Secrets are dated
// through the console's test-only route (on only in the e2e console, see playwright.config.ts):
// its embedded database is open in its own process.

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;

async function dateSecret(page: Page, applicationId: string, daysAgo: number): Promise<void> {
  const response = await page.request.post(
    `/api/entities/${SANDBOX_ENTITY_ID}/applications/secret-issued`,
    { data: { applicationId, daysAgo }, headers: { Origin: E2E.consoleUrl } },
  );
  expect(response.status()).toBe(200);
}

const rowOf = (page: Page, name: string) =>
  page
    .getByTestId("application-row")
    .filter({ has: page.getByRole("link", { name, exact: true }) });

/** Four applications whose secrets are 10, 89, 90 and 91 days old, named after a word of their own. */
async function agedApplications(page: Page) {
  const word = `Aged${Date.now().toString(36)}`;
  const ages = [10, 89, 90, 91] as const;
  const apps = [];
  for (const days of ages) apps.push(await createInSandbox({ name: `${word} ${days}` }));
  // The list's first read puts them in the console's record.
  await page.goto(`${listPath}?q=${word}`);
  await expect(page.getByTestId("application-row")).toHaveCount(4);
  for (const [index, days] of ages.entries()) await dateSecret(page, apps[index]!.id, days);
  return { word, names: ages.map((days) => `${word} ${days}`) };
}

test.describe("the list's secret column", () => {
  test("says due in 1 day at 89 days, due today at 90 and overdue by 1 day at 91", async ({
    adminPage: page,
  }) => {
    const { word, names } = await agedApplications(page);
    await page.goto(`${listPath}?q=${word}`);
    const due = (name: string) => rowOf(page, name).getByTestId("secret-due");
    await expect(due(names[0]!)).toHaveText("due in 80 days");
    await expect(due(names[1]!)).toHaveText("due in 1 day");
    await expect(due(names[2]!)).toHaveText("due today");
    await expect(due(names[3]!)).toHaveText("overdue by 1 day");
    await expect(rowOf(page, names[3]!).getByTestId("secret-age")).toContainText(/^91 days old/);

    // Sorted by due date: the oldest secret first.
    await page.getByRole("button", { name: "Secret", exact: true }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("sort") === "secret");
    await expect(page.getByTestId("application-name")).toHaveText([...names].reverse());
  });

  test("the summary links to the needs-rotation view, and Back restores the list", async ({
    adminPage: page,
  }) => {
    const { word, names } = await agedApplications(page);
    await page.goto(`${listPath}?q=${word}`);
    await expect(page.getByTestId("application-row")).toHaveCount(4);

    const summary = page.getByTestId("rotation-summary").getByRole("link");
    // Other tests' applications count too: the numbers are at least these.
    await expect(summary).toHaveText(/^\d+ overdue, \d+ due within 14 days/);
    await summary.click();

    await expect(page).toHaveURL(
      (url) => url.searchParams.get("rotation") === "needed" && url.searchParams.get("q") === word,
    );
    await expect(page.getByLabel("Secret", { exact: true })).toHaveValue("needed");
    await expect(page.getByTestId("application-name")).toHaveText(names.slice(1));

    await page.goBack();
    await expect(page).toHaveURL((url) => !url.searchParams.has("rotation"));
    await expect(page.getByLabel("Secret", { exact: true })).toHaveValue("");
    await expect(page.getByTestId("application-row")).toHaveCount(4);
  });
});
