/**
 * The list's secret column, its needs-rotation filter and its summary, under the default policy
 * (due after 90 days). The console runs on a PostgreSQL of this spec's own
 * (support/postgres-console.ts), where the spec dates each record's secret as a create or rotate
 * that many days ago would have.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { E2E } from "./support/ports";
import {
  issueSecretDaysAgo,
  signedIn,
  startDatabaseConsoles,
  type DatabaseConsoles,
} from "./support/postgres-console";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox } from "./support/wink";

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.use({ storageState: { cookies: [], origins: [] } });

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;

let started: DatabaseConsoles;
let admin: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  started = await startDatabaseConsoles("list_secrets", [E2E.databaseConsolePorts[0]], [{}]);
  admin = await signedIn(browser, started.consoles[0]!.url);
});
test.beforeEach(async () => {
  page = await admin.newPage();
});
test.afterEach(async () => {
  await page.close();
});
test.afterAll(async () => {
  await admin?.close();
  await started?.stop();
});

const dateSecret = (applicationId: string, days: number) =>
  issueSecretDaysAgo(started.sql, SANDBOX_ENTITY_ID, applicationId, days);

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
  for (const [index, days] of ages.entries()) await dateSecret(apps[index]!.id, days);
  return { word, names: ages.map((days) => `${word} ${days}`) };
}

test.describe("the list's secret column", () => {
  test("says due in 1 day at 89 days, due today at 90 and overdue by 1 day at 91", async () => {
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

  test("the summary links to the needs-rotation view, and Back restores the list", async () => {
    const { word, names } = await agedApplications(page);
    await page.goto(`${listPath}?q=${word}`);
    await expect(page.getByTestId("application-row")).toHaveCount(4);

    const summary = page.getByTestId("rotation-summary").getByRole("link");
    // The first test's applications count too.
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
