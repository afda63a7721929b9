/**
 * The secret-age policy at its edges, on the application page: a secret issued 89, 90 and 91 days
 * ago under the default limit of 90 days is "due in 1 day", "due today" and "overdue by 1 day";
 * a console started with CONSOLE_SECRET_MAX_AGE_DAYS=0 shows the age alone. The console's own
 * credential counts too, and its page says how to replace it.
 *
 * Both consoles run on a PostgreSQL of this spec's own (support/postgres-console.ts), where the
 * spec sets each record's `secret_issued_at`, as a create or rotate that many days ago would have.
 * `npm run report:secrets` then runs as operators run it, on the same database, and posts its
 * digest to a webhook receiver of the spec's own.
 */
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { SANDBOX_DEFAULTS } from "../lib/wink-contract/sandbox-defaults";
import { E2E } from "./support/ports";
import {
  issueSecretDaysAgo,
  signedIn,
  startDatabaseConsoles,
  type DatabaseConsoles,
} from "./support/postgres-console";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox, listInSandbox, type SandboxApplication } from "./support/wink";

const run = promisify(execFile);

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.use({ storageState: { cookies: [], origins: [] } });

let started: DatabaseConsoles;
let policyOn: BrowserContext;
let policyOff: BrowserContext;
const apps: Record<89 | 90 | 91, SandboxApplication> = {} as never;
let consoleApp: SandboxApplication;

/** WCAG 2.1 AA, as the other pages are checked. */
async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
}

const pageOf = (id: string) => `/entities/${SANDBOX_ENTITY_ID}/applications/${id}`;

const issuedDaysAgo = (applicationId: string, days: number) =>
  issueSecretDaysAgo(started.sql, SANDBOX_ENTITY_ID, applicationId, days);

test.beforeAll(async ({ browser }) => {
  const [onPort, offPort] = E2E.databaseConsolePorts;
  started = await startDatabaseConsoles(
    "secret_policy",
    [onPort, offPort],
    [{}, { CONSOLE_SECRET_MAX_AGE_DAYS: "0" }],
  );
  policyOn = await signedIn(browser, started.consoles[0]!.url);
  policyOff = await signedIn(browser, started.consoles[1]!.url);
  const stamp = Date.now().toString(36);
  for (const days of [89, 90, 91] as const) {
    apps[days] = await createInSandbox({ name: `Policy ${days} ${stamp}` });
  }
  consoleApp = (await listInSandbox()).find(
    (application) => application.clientId === SANDBOX_DEFAULTS.consoleClientId,
  )!;
  // An application's page writes its record when the console first sees it.
  const page = await policyOn.newPage();
  for (const app of [apps[89], apps[90], apps[91], consoleApp]) {
    await page.goto(pageOf(app.id));
    await expect(page.getByTestId("record-secret-issued")).toBeVisible();
  }
  await page.close();
  for (const days of [89, 90, 91] as const) await issuedDaysAgo(apps[days].id, days);
  await issuedDaysAgo(consoleApp.id, 100);
});

test.afterAll(async () => {
  await policyOn?.close();
  await policyOff?.close();
  await started?.stop();
});

for (const [days, words, state] of [
  [89, "due in 1 day", "due"],
  [90, "due today", "due"],
  [91, "overdue by 1 day", "overdue"],
] as const) {
  test(`a secret issued ${days} days ago is ${words}, with the rotate button beside`, async () => {
    const page = await policyOn.newPage();
    await page.goto(pageOf(apps[days].id));
    const issued = page.getByTestId("record-secret-issued");
    await expect(issued).toContainText(`(${days} days ago)`);
    const standing = page.getByTestId("record-secret-standing").getByTestId("secret-standing");
    await expect(standing).toHaveText(words);
    await expect(standing).toHaveAttribute("data-state", state);
    await expect(page.getByTestId("rotation-due")).toHaveText(
      `The secret is ${words}: rotate the credentials.`,
    );
    await expect(page.getByRole("button", { name: "Rotate credentials" })).toBeEnabled();
    if (state === "overdue") expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });
}

test("with the policy off, the page shows the age alone", async () => {
  const page = await policyOff.newPage();
  await page.goto(pageOf(apps[91].id));
  await expect(page.getByTestId("record-secret-issued")).toContainText("(91 days ago)");
  await expect(page.getByTestId("secret-standing")).toHaveCount(0);
  await expect(page.getByTestId("rotation-due")).toHaveCount(0);
  await page.close();
});

test("the console's own credential counts too, and its page says how to replace it", async () => {
  const page = await policyOn.newPage();
  await page.goto(pageOf(consoleApp.id));
  const due = page.getByTestId("rotation-due");
  await expect(due).toContainText("The secret is overdue by 10 days");
  await due.getByRole("link", { name: "how to rotate the console's credential" }).click();
  await expect(page).toHaveURL(/\/console-credential$/);
  await expect(page.getByRole("heading", { name: "Console credential", level: 1 })).toBeVisible();
  const standing = page.getByTestId("console-credential-standing");
  await expect(standing.getByTestId("secret-standing")).toHaveText("overdue by 10 days");
  await expect(standing.getByTestId("console-credential-age")).toHaveText("100 days");
  const steps = page.getByTestId("rotation-steps").getByRole("listitem");
  await expect(steps).toHaveCount(5);
  await expect(steps.nth(0)).toContainText("Machine to machine");
  await expect(steps.nth(1)).toContainText("WINK_CLIENT_SECRET_FILE");
  await expect(steps.nth(3)).toContainText("/api/ready");
  await expect(steps.nth(4)).toContainText("Delete the old application");
  expect(await accessibilityViolations(page)).toEqual([]);
  // Never the secret itself.
  await expect(page.locator("body")).not.toContainText(SANDBOX_DEFAULTS.consoleClientSecret);
  // The shell links to it from every page of the entity.
  await page.goto(`/entities/${SANDBOX_ENTITY_ID}/activity`);
  await page
    .getByRole("navigation", { name: "Sections" })
    .getByRole("link", { name: "Console credential" })
    .click();
  await expect(page).toHaveURL(/\/console-credential$/);
  await page.close();
});

test("npm run report:secrets prints the due and overdue secrets and posts them to the webhook once a day", async () => {
  const received: unknown[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push(JSON.parse(body));
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  // A path that stands for the token a real incoming-webhook URL carries: never to be printed.
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/T0KEN-in-path`;
  const env = {
    ...process.env,
    DATABASE_URL: started.sql.options.connectionString!,
    SANDBOX_URL: E2E.sandboxUrl,
    CONSOLE_NOTIFY_WEBHOOK_URL: webhookUrl,
  };
  const report = (...args: string[]) =>
    run("npm", ["run", "--silent", "report:secrets", "--", ...args], { env });
  try {
    const text = await report();
    expect(text.stdout).toContain(`Policy 91`);
    expect(text.stdout).toContain("overdue by 1 day");
    expect(text.stdout).toContain("due today");
    expect(text.stdout).toContain("due in 1 day");
    expect(`${text.stdout}${text.stderr}`).not.toContain("T0KEN-in-path");
    expect(`${text.stdout}${text.stderr}`).not.toContain(SANDBOX_DEFAULTS.consoleClientSecret);
    expect(received).toHaveLength(1);
    const message = JSON.stringify(received[0]);
    expect(message).toContain(apps[91].name);
    expect(message).toContain("overdue by 10 days"); // the console's own credential
    expect(message).not.toContain(SANDBOX_DEFAULTS.consoleClientSecret);

    // The same day again (a retry, or the cron firing twice): printed, not posted again.
    const json = JSON.parse((await report("--json")).stdout) as {
      entities: { applications: { id: string; words: string }[] }[];
    };
    const listed = json.entities.flatMap((entity) => entity.applications);
    expect(listed.find((app) => app.id === apps[89].id)?.words).toBe("due in 1 day");
    expect(listed.find((app) => app.id === apps[91].id)?.words).toBe("overdue by 1 day");
    expect(received).toHaveLength(1);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
