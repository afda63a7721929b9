import type { APIRequestContext, Page } from "@playwright/test";
import { SANDBOX_DEFAULTS } from "../lib/wink-contract/sandbox-defaults";
import { parseCsv } from "../test/csv";
import { expect, test } from "./support/fixtures";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";

// Events come from the console's test-only seeding route (on only in the e2e console, see
// playwright.config.ts): the console's embedded database is open in its own process, and two
// processes must never open one PGlite directory. Each test tags its events with a word of its own
// and searches for it, so events other tests write do not count.

const ACTIVITY = `/entities/${SANDBOX_ENTITY_ID}/activity`;

interface SeedEvent {
  actor: { email: string; name: string; role: string };
  action: "application.create" | "application.update" | "application.rotate" | "application.delete";
  outcome: "succeeded" | "failed" | "unknown" | "refused";
  applicationId?: string;
  applicationName?: string;
  clientId?: string;
  winkStatus?: number | null;
  winkRequestId?: string;
  reason?: string;
  changes?: Record<string, unknown>;
}

const ada = { email: "ada@sandbox.test", name: "Ada Admin", role: "admin" };
const bob = { email: "bob@sandbox.test", name: "Bob Builder", role: "admin" };

async function seed(request: APIRequestContext, events: SeedEvent[]): Promise<number[]> {
  const response = await request.post(`/api/entities/${SANDBOX_ENTITY_ID}/activity/seed`, {
    data: { events },
    headers: { Origin: E2E.consoleUrl },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { ids: number[] }).ids;
}

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

test.describe("activity", () => {
  test("filters live in the URL, survive a reload, and show who did what in words", async ({
    adminPage: page,
  }) => {
    const word = tag();
    const ids = await seed(page.request, [
      {
        actor: ada,
        action: "application.create",
        outcome: "succeeded",
        applicationId: `gone-${word}`,
        applicationName: `Shop ${word}`,
        winkStatus: 201,
        winkRequestId: `req-${word}-1`,
      },
      {
        actor: bob,
        action: "application.update",
        outcome: "succeeded",
        applicationId: `gone-${word}`,
        applicationName: `Shop ${word}`,
        winkStatus: 200,
        winkRequestId: `req-${word}-2`,
        changes: {
          scopes: { added: ["payment.write"], removed: ["booking.read"] },
          redirectUris: { added: ["https://shop.test/cb"], removed: [] },
        },
      },
      {
        actor: bob,
        action: "application.rotate",
        outcome: "refused",
        applicationId: `gone-${word}`,
        applicationName: `Shop ${word}`,
        reason: `Only admins can change applications. ${word}`,
      },
      {
        actor: ada,
        action: "application.delete",
        outcome: "unknown",
        applicationId: `gone-${word}`,
        applicationName: `Shop ${word}`,
        reason: "Wink did not answer in time.",
        winkRequestId: `req-${word}-4`,
      },
    ]);

    await page.goto(`${ACTIVITY}?q=${word}`);
    await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
    await expect(page.getByTestId("activity-event")).toHaveCount(4);
    await expect.poll(() => shownIds(page)).toEqual([...ids].reverse());

    const update = page.locator(`[data-event-id="${ids[1]}"]`);
    await expect(update.getByTestId("event-actor-name")).toHaveText("Bob Builder");
    await expect(update.getByTestId("event-actor-email")).toHaveText("bob@sandbox.test");
    await expect(update.getByTestId("event-action")).toHaveText("updated");
    await expect(update.getByTestId("event-outcome")).toHaveText("Succeeded");
    await expect(update.getByTestId("event-request-id")).toHaveText(`req-${word}-2`);
    const added = update.getByTestId("event-changes").locator("li", { hasText: "payment.write" });
    await expect(added).toHaveClass(/text-risk-high/);
    await expect(update.getByTestId("event-changes")).toContainText("https://shop.test/cb");
    // Names from admins and Wink are isolated from the text around them.
    await expect(update.getByTestId("event-application").locator("bdi")).toHaveText(`Shop ${word}`);

    const rotate = page.locator(`[data-event-id="${ids[2]}"]`);
    await expect(rotate.getByTestId("event-action")).toHaveText("rotated the credentials of");
    await expect(rotate.getByTestId("event-outcome")).toHaveText("Refused");
    await expect(rotate.getByTestId("event-reason")).toContainText("Only admins");
    await expect(
      page.locator(`[data-event-id="${ids[3]}"]`).getByTestId("event-outcome"),
    ).toHaveText("May or may not have happened");

    // The GET form: choose, apply, and the filters are in the URL.
    const filters = page.getByTestId("activity-filters");
    await filters.getByLabel("Person").selectOption("bob@sandbox.test");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/actor=bob%40sandbox\.test/);
    await expect(page).toHaveURL(new RegExp(`q=${word}`));
    await expect.poll(() => shownIds(page)).toEqual([ids[2], ids[1]]);

    await filters.getByLabel("Outcome").selectOption("refused");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/outcome=refused/);
    await expect(page.getByTestId("activity-event")).toHaveCount(1);

    await page.reload();
    await expect.poll(() => shownIds(page)).toEqual([ids[2]]);
    await expect(filters.getByLabel("Outcome")).toHaveValue("refused");
    await expect(filters.getByLabel("Person")).toHaveValue("bob@sandbox.test");
    await expect(filters.getByLabel("Search")).toHaveValue(word);

    // A day range that holds no event of today.
    await page.goto(`${ACTIVITY}?q=${word}&to=2001-01-01`);
    await expect(page.getByTestId("activity-empty")).toHaveText("No events match these filters.");
  });

  test("pages by keyset: Older and Newer carry the last event's time and id", async ({
    adminPage: page,
  }) => {
    const word = tag();
    const events = Array.from({ length: 120 }, (_, n) => ({
      actor: n % 2 ? ada : bob,
      action: "application.update" as const,
      outcome: "succeeded" as const,
      applicationId: `app-${word}-${n % 3}`,
      applicationName: `Paged ${n % 3}`,
      reason: `${word} ${n}`,
    }));
    const ids = (await seed(page.request, events)).reverse();

    await page.goto(`${ACTIVITY}?q=${word}`);
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
  }) => {
    const word = tag();
    const ids = await seed(adminPage.request, [
      {
        actor: ada,
        action: "application.create",
        outcome: "succeeded",
        applicationId: `x-${word}`,
        applicationName: `=HYPERLINK("http://evil.test","${word}")`,
        clientId: `client-${word}`,
        winkStatus: 201,
        winkRequestId: `req-${word}`,
      },
      {
        actor: bob,
        action: "application.update",
        outcome: "failed",
        applicationId: `x-${word}`,
        applicationName: `Shop, "quoted" ${word}`,
        winkStatus: 400,
        reason: `line one\nline two ${word}`,
        changes: { scopes: { added: ["account.read", "payment.read"], removed: [] } },
      },
      { actor: ada, action: "application.delete", outcome: "succeeded", reason: word },
    ]);

    await page.goto(`${ACTIVITY}?q=${word}&action=application.update`);
    const shown = await shownIds(page);
    expect(shown).toEqual([ids[1]]);
    // Nothing on the page changes or removes an event: the only buttons are the filters' and the
    // chain check's.
    const buttons = await page.getByRole("main").getByRole("button").allInnerTexts();
    expect(buttons.sort()).toEqual(["Apply filters", "Verify history"]);

    await page.goto(`${ACTIVITY}?q=${word}`);
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
    const created = rows.find((row) => Number(row.id) === ids[0])!;
    expect(created.application_name).toBe(`'=HYPERLINK("http://evil.test","${word}")`);
    expect(created.action_words).toBe("created");
    expect(created.client_id).toBe(`client-${word}`);
    const updated = rows.find((row) => Number(row.id) === ids[1])!;
    expect(updated.reason).toBe(`line one\nline two ${word}`);
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
    expect(objects.find((row) => row.id === ids[1])).toMatchObject({
      actor_email: "bob@sandbox.test",
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
  }) => {
    await page.goto(`/entities/${SANDBOX_ENTITY_ID}/applications`);
    const first = page.getByTestId("application-name").first();
    await first.click();
    await expect(page).toHaveURL(/\/applications\/[^/]+$/);
    const applicationId = decodeURIComponent(page.url().split("/").pop()!);
    const word = tag();
    const ids = await seed(
      page.request,
      Array.from({ length: 25 }, (_, n) => ({
        actor: ada,
        action: "application.update" as const,
        outcome: "succeeded" as const,
        applicationId,
        applicationName: `History ${word}`,
        reason: `${word} ${n}`,
      })),
    );

    await page.reload();
    const history = page.getByTestId("application-history");
    await expect(history.getByRole("heading", { name: "History" })).toBeVisible();
    const rows = history.getByTestId("activity-event");
    await expect(rows).toHaveCount(20);
    const shown = await rows.evaluateAll((elements) =>
      elements.map((element) => Number(element.getAttribute("data-event-id"))),
    );
    expect(shown).toEqual([...ids].reverse().slice(0, 20));

    await history.getByRole("link", { name: "All activity of this application" }).click();
    await expect(page).toHaveURL(
      new RegExp(`/activity\\?application=${encodeURIComponent(applicationId)}`),
    );
    await expect(page.getByTestId("activity-filters").getByLabel("Application")).toHaveValue(
      applicationId,
    );
    await expect.poll(async () => (await shownIds(page)).slice(0, 25)).toEqual([...ids].reverse());
  });

  test("the shell links to the activity, and the seeding route refuses viewers", async ({
    adminPage,
    viewerPage,
  }) => {
    await adminPage.goto(`/entities/${SANDBOX_ENTITY_ID}/applications`);
    await adminPage
      .getByRole("navigation", { name: "Sections" })
      .getByRole("link", { name: "Activity" })
      .click();
    await expect(adminPage).toHaveURL(new RegExp(`${ACTIVITY}$`));
    const refused = await viewerPage.request.post(
      `/api/entities/${SANDBOX_ENTITY_ID}/activity/seed`,
      {
        data: { events: [] },
        headers: { Origin: E2E.consoleUrl },
      },
    );
    expect(refused.status()).toBe(403);
  });
});
