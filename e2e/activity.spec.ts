import type { Page } from "@playwright/test";
import { SANDBOX_DEFAULTS } from "../lib/wink-contract/sandbox-defaults";
import { parseCsv } from "../test/csv";
import {
  createApp,
  deleteApp,
  rotateApp,
  updateApp,
  type EditableApplication,
} from "./support/activity-events";
import { expect, test } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";

// Events come from real changes: the console's server actions, sent as its pages send them, by the
// signed-in admin and viewer, with the sandbox's fault controls for the failures. Each test works on
// applications of its own and searches for them (by id or by a word in their names), so events other
// tests write do not count.

const ACTIVITY = `/entities/${SANDBOX_ENTITY_ID}/activity`;

function tag(): string {
  return `tag${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The ids of the events on the page, top to bottom. */
async function shownIds(page: Page): Promise<number[]> {
  const rows = page.getByTestId("activity-event");
  const ids = await rows.evaluateAll((elements) =>
    elements.map((element) => Number(element.getAttribute("data-event-id"))),
  );
  return ids;
}

/** Every event of the filtered view, newest first, from the JSON lines export. */
async function exportedIds(page: Page, query: string): Promise<number[]> {
  const response = await page.request.get(
    `/api/entities/${SANDBOX_ENTITY_ID}/activity/export.jsonl?${query}`,
  );
  expect(response.status()).toBe(200);
  return (await response.text())
    .trimEnd()
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { id: number }).id);
}

/** What the row of each shown event says it did, top to bottom: "updated Succeeded". */
async function shownActions(page: Page): Promise<string[]> {
  const rows = page.getByTestId("activity-event");
  const out: string[] = [];
  for (const row of await rows.all()) {
    out.push(
      `${await row.getByTestId("event-action").innerText()} ${await row.getByTestId("event-outcome").innerText()}`,
    );
  }
  return out;
}

const web = (name: string, overrides: Partial<EditableApplication> = {}): EditableApplication => ({
  name,
  redirectUris: ["https://shop.test/start"],
  postLogoutRedirectUris: [],
  scopes: ["booking.read"],
  iconIdentifier: null,
  ...overrides,
});

test.describe("activity", () => {
  test("filters live in the URL, survive a reload, and show who did what in words", async ({
    adminPage: page,
    viewerPage,
    sandbox,
  }) => {
    const word = tag();
    const admin = page.request;
    // Created, updated (scopes and a URI), refused (a viewer's rotate), and a delete whose answer
    // is lost (Wink fails with a 500: it may or may not have deleted).
    const app = await createApp(admin, { ...web(`Shop ${word}`), clientType: "WEB" });
    const saved = await updateApp(
      admin,
      app.id,
      web(app.name, {
        scopes: ["payment.write"],
        redirectUris: ["https://shop.test/start", "https://shop.test/cb"],
      }),
    );
    expect(saved.ok).toBe(true);
    const refused = await rotateApp(viewerPage.request, app);
    expect(refused).toMatchObject({ ok: false, status: 403 });
    await sandbox.fault({ operation: "delete", kind: "status", status: 500, times: 1 });
    expect((await deleteApp(admin, app)).ok).toBe(false);
    await sandbox.clearFaults();

    await page.goto(`${ACTIVITY}?q=${app.id}`);
    await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
    await expect(page.getByTestId("activity-event")).toHaveCount(4);
    await expect
      .poll(() => shownActions(page))
      .toEqual([
        "deleted May or may not have happened",
        "rotated the credentials of Refused",
        "updated Succeeded",
        "created Succeeded",
      ]);
    const ids = await shownIds(page);

    const update = page.locator(`[data-event-id="${ids[2]}"]`);
    await expect(update.getByTestId("event-actor-name")).toHaveText("Ada Admin");
    await expect(update.getByTestId("event-actor-email")).toHaveText("admin@sandbox.test");
    await expect(update.getByTestId("event-action")).toHaveText("updated");
    await expect(update.getByTestId("event-outcome")).toHaveText("Succeeded");
    await expect(update.getByTestId("event-wink-status")).toHaveText("HTTP 200");
    const added = update.getByTestId("event-changes").locator("li", { hasText: "payment.write" });
    await expect(added).toHaveClass(/text-risk-high/);
    await expect(update.getByTestId("event-changes")).toContainText("booking.read");
    await expect(update.getByTestId("event-changes")).toContainText("https://shop.test/cb");
    // Names from admins and Wink are isolated from the text around them.
    await expect(update.getByTestId("event-application").locator("bdi")).toHaveText(`Shop ${word}`);

    const rotate = page.locator(`[data-event-id="${ids[1]}"]`);
    await expect(rotate.getByTestId("event-action")).toHaveText("rotated the credentials of");
    await expect(rotate.getByTestId("event-outcome")).toHaveText("Refused");
    await expect(rotate.getByTestId("event-reason")).toContainText("Only admins");
    await expect(rotate.getByTestId("event-actor-email")).toHaveText("viewer@sandbox.test");
    await expect(
      page.locator(`[data-event-id="${ids[0]}"]`).getByTestId("event-wink-status"),
    ).toHaveText("HTTP 500");

    // The GET form: choose, apply, and the filters are in the URL.
    const filters = page.getByTestId("activity-filters");
    await filters.getByLabel("Person").selectOption("admin@sandbox.test");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/actor=admin%40sandbox\.test/);
    await expect(page).toHaveURL(new RegExp(`q=${app.id}`));
    await expect.poll(() => shownIds(page)).toEqual([ids[0], ids[2], ids[3]]);

    await filters.getByLabel("Outcome").selectOption("succeeded");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/outcome=succeeded/);
    await expect(page.getByTestId("activity-event")).toHaveCount(2);

    await page.reload();
    await expect.poll(() => shownIds(page)).toEqual([ids[2], ids[3]]);
    await expect(filters.getByLabel("Outcome")).toHaveValue("succeeded");
    await expect(filters.getByLabel("Person")).toHaveValue("admin@sandbox.test");
    await expect(filters.getByLabel("Search")).toHaveValue(app.id);

    // A day range that holds no event of today.
    await page.goto(`${ACTIVITY}?q=${app.id}&to=2001-01-01`);
    await expect(page.getByTestId("activity-empty")).toHaveText("No events match these filters.");
  });

  test("pages by keyset: Older and Newer carry the last event's time and id", async ({
    adminPage: page,
    viewerPage,
  }) => {
    test.setTimeout(120_000);
    const word = tag();
    const app = await createApp(page.request, {
      ...web(`Paged ${word}`, { redirectUris: [] }),
      clientType: "MACHINE_2_MACHINE",
    });
    // 119 more: a viewer's saves, each refused (and recorded) before Wink is asked.
    for (let n = 0; n < 119; n++) {
      const answer = await updateApp(viewerPage.request, app.id, web(`${app.name} ${n}`));
      expect(answer.status).toBe(403);
    }
    const ids = await exportedIds(page, `q=${app.id}`);
    expect(ids).toHaveLength(120);

    await page.goto(`${ACTIVITY}?q=${app.id}`);
    await expect.poll(() => shownIds(page)).toEqual(ids.slice(0, 50));
    await expect(page.getByText("← Newer")).toHaveAttribute("aria-disabled", "true");

    await page.getByRole("link", { name: "Older →" }).click();
    await expect(page).toHaveURL(new RegExp(`before=[^&]+_${ids[49]}`));
    expect(page.url()).not.toMatch(/offset|page=/);
    await expect.poll(() => shownIds(page)).toEqual(ids.slice(50, 100));

    await page.getByRole("link", { name: "Older →" }).click();
    await expect.poll(() => shownIds(page)).toEqual(ids.slice(100));
    await expect(page.getByText("Older →")).toHaveAttribute("aria-disabled", "true");

    await page.getByRole("link", { name: "← Newer" }).click();
    await expect(page).toHaveURL(new RegExp(`after=[^&]+_${ids[100]}`));
    await expect.poll(() => shownIds(page)).toEqual(ids.slice(50, 100));
    await page.reload();
    await expect.poll(() => shownIds(page)).toEqual(ids.slice(50, 100));

    await page.getByRole("link", { name: "← Newer" }).click();
    await expect.poll(() => shownIds(page)).toEqual(ids.slice(0, 50));
  });

  test("a viewer reads the activity and exports it as CSV and JSON lines, matching the page", async ({
    adminPage,
    viewerPage: page,
    sandbox,
  }) => {
    const word = tag();
    const admin = adminPage.request;
    const machine = (name: string) => ({
      ...web(name, { redirectUris: [] }),
      clientType: "MACHINE_2_MACHINE" as const,
    });
    // A name a spreadsheet would run as a formula, and one with a comma and quotes.
    const formula = await createApp(admin, machine(`=HYPERLINK("http://evil.test","${word}")`));
    const quoted = await createApp(admin, machine(`Shop, "quoted" ${word}`));
    await sandbox.fault({ operation: "update", kind: "status", status: 400, times: 1 });
    const failed = await updateApp(admin, quoted.id, {
      ...machine(quoted.name),
      scopes: ["booking.read", "account.read", "payment.read"],
    });
    expect(failed.ok).toBe(false);
    await sandbox.clearFaults();
    expect((await deleteApp(admin, formula)).ok).toBe(true);

    await page.goto(`${ACTIVITY}?q=${word}&action=application.update`);
    await expect(page.getByTestId("activity-event")).toHaveCount(1);
    const [failedId] = await shownIds(page);
    await expect(page.getByTestId("event-outcome")).toHaveText("Failed");
    // Nothing on the page changes or removes an event: the only buttons are the filters' and the
    // chain check's.
    const buttons = await page.getByRole("main").getByRole("button").allInnerTexts();
    expect(buttons.sort()).toEqual(["Apply filters", "Verify history"]);

    await page.goto(`${ACTIVITY}?q=${word}`);
    await expect(page.getByTestId("activity-event")).toHaveCount(4);
    const pageIds = await shownIds(page);
    const csvHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const jsonHref = await page
      .getByRole("link", { name: "Export JSON lines" })
      .getAttribute("href");
    expect(csvHref).toContain(`q=${word}`);

    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const day = new Date().toISOString().slice(0, 10);
    expect(csv.headers()["content-disposition"]).toBe(
      `attachment; filename="activity-${SANDBOX_ENTITY_ID}-${day}.csv"`,
    );
    const csvText = await csv.text();
    const rows = parseCsv(csvText);
    expect(rows.map((row) => Number(row.id))).toEqual(pageIds);
    const created = rows.find(
      (row) => row.action === "application.create" && row.application_id === formula.id,
    )!;
    expect(created.application_name).toBe(`'=HYPERLINK("http://evil.test","${word}")`);
    expect(created.action_words).toBe("created");
    expect(created.client_id).toBe(formula.clientId);
    const updated = rows.find((row) => Number(row.id) === failedId)!;
    const shownReason = await page
      .locator(`[data-event-id="${failedId}"]`)
      .getByTestId("event-reason")
      .innerText();
    expect(updated.reason).toBe(shownReason);
    expect(updated.application_name).toBe(`Shop, "quoted" ${word}`);
    expect(updated.scopes_added).toBe("account.read payment.read");
    expect(updated.outcome_words).toBe("Failed");

    const jsonl = await page.request.get(jsonHref!);
    expect(jsonl.status()).toBe(200);
    expect(jsonl.headers()["content-disposition"]).toContain(
      `activity-${SANDBOX_ENTITY_ID}-${day}.jsonl`,
    );
    const jsonText = await jsonl.text();
    const objects = jsonText
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects.map((row) => row.id)).toEqual(pageIds);
    expect(objects.find((row) => row.id === failedId)).toMatchObject({
      actor_email: "admin@sandbox.test",
      wink_status: 400,
      scopes_added: ["account.read", "payment.read"],
    });
    // The page's names match the export's, event by event.
    for (const row of objects) {
      const name = await page
        .locator(`[data-event-id="${row.id}"]`)
        .getByTestId("event-actor-name")
        .innerText();
      expect(name).toBe(row.actor_name);
    }

    for (const body of [csvText, jsonText]) {
      for (const secret of [
        SANDBOX_DEFAULTS.consoleClientSecret,
        SANDBOX_DEFAULTS.oidcClientSecret,
        formula.secretKey,
        quoted.secretKey,
      ]) {
        expect(body).not.toContain(secret);
      }
      expect(body).not.toMatch(/secret|password|authorization|bearer/i);
    }
  });

  test("the history's chain verifies on demand, for a viewer too", async ({ viewerPage: page }) => {
    await page.goto(ACTIVITY);
    const status = page.getByTestId("chain-status");
    await expect(status).toBeVisible();
    await page.getByRole("button", { name: "Verify history" }).click();
    await expect(status).toHaveAttribute("data-state", "verified");
    await expect(status).toContainText("The history verifies");
  });

  test("an application's page shows its last 20 events and links to all of them", async ({
    adminPage: page,
    viewerPage,
  }) => {
    const word = tag();
    const app = await createApp(page.request, {
      ...web(`History ${word}`, { redirectUris: [] }),
      clientType: "MACHINE_2_MACHINE",
    });
    // 24 more: a viewer's saves of it, each refused and recorded.
    for (let n = 0; n < 24; n++) {
      expect((await updateApp(viewerPage.request, app.id, web(`${app.name} ${n}`))).status).toBe(
        403,
      );
    }
    const ids = await exportedIds(page, `application=${encodeURIComponent(app.id)}`);
    expect(ids).toHaveLength(25);

    await page.goto(`/entities/${SANDBOX_ENTITY_ID}/applications/${app.id}`);
    const history = page.getByTestId("application-history");
    await expect(history.getByRole("heading", { name: "History" })).toBeVisible();
    const rows = history.getByTestId("activity-event");
    await expect(rows).toHaveCount(20);
    const shown = await rows.evaluateAll((elements) =>
      elements.map((element) => Number(element.getAttribute("data-event-id"))),
    );
    expect(shown).toEqual(ids.slice(0, 20));

    await history.getByRole("link", { name: "All activity of this application" }).click();
    await expect(page).toHaveURL(
      new RegExp(`/activity\\?application=${encodeURIComponent(app.id)}`),
    );
    await expect(page.getByTestId("activity-filters").getByLabel("Application")).toHaveValue(
      app.id,
    );
    await expect.poll(() => shownIds(page)).toEqual(ids);
  });

  test("the shell links to the activity, and a viewer's change is refused and recorded", async ({
    adminPage,
    viewerPage,
  }) => {
    await adminPage.goto(`/entities/${SANDBOX_ENTITY_ID}/applications`);
    await adminPage
      .getByRole("navigation", { name: "Sections" })
      .getByRole("link", { name: "Activity" })
      .click();
    await expect(adminPage).toHaveURL(new RegExp(`${ACTIVITY}$`));
    const app = await createApp(adminPage.request, {
      ...web(`Refused ${tag()}`, { redirectUris: [] }),
      clientType: "MACHINE_2_MACHINE",
    });
    expect(await deleteApp(viewerPage.request, app)).toMatchObject({ ok: false, status: 403 });
    await viewerPage.goto(`${ACTIVITY}?q=${app.id}&outcome=refused`);
    await expect(viewerPage.getByTestId("event-action")).toHaveText("deleted");
    await expect(viewerPage.getByTestId("event-actor-email")).toHaveText("viewer@sandbox.test");
  });
});
