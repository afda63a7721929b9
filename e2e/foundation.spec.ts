import { test, expect } from "./support/fixtures";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID, SANDBOX_ENTITY_NAME } from "./support/sandbox";
import { signInThroughSandbox } from "./support/sign-in";

/** The number of applications the sandbox holds, asked of the sandbox directly. */
async function applicationCountInSandbox(): Promise<number> {
  const token = await fetch(`${E2E.sandboxUrl}/oauth2/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from("wink-console-sandbox:sandbox-console-secret-not-for-production").toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials&scope=account.read",
  }).then((response) => response.json());
  const list = await fetch(
    `${E2E.sandboxUrl}/api/managing-entity/${SANDBOX_ENTITY_ID}/application/list`,
    { headers: { Authorization: `Bearer ${token.access_token}`, "Wink-Version": "2.0" } },
  ).then((response) => response.json());
  return list.length;
}

test.describe("the console on the sandbox", () => {
  test("health and readiness answer", async ({ request, sandbox }) => {
    void sandbox;
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  test("the first page shows the seeded entity and how many applications it has", async ({
    adminPage,
    sandbox,
  }) => {
    void sandbox;
    await adminPage.goto("/");
    await expect(adminPage).toHaveURL(new RegExp(`/entities/${SANDBOX_ENTITY_ID}/applications`));
    await expect(adminPage.getByTestId("entity-name")).toHaveText(SANDBOX_ENTITY_NAME);
    const count = await applicationCountInSandbox();
    expect(count).toBeGreaterThan(3);
    await expect(adminPage.getByText(`${count} applications`)).toBeVisible();
  });

  test("a clear error panel when Wink is unavailable, and recovery after", async ({
    adminPage,
    sandbox,
  }) => {
    await sandbox.fault({ operation: "entities", kind: "status", status: 503 });
    await adminPage.goto("/");
    const panel = adminPage.getByTestId("wink-error");
    await expect(panel).toContainText("cannot reach your Wink account");
    await expect(panel).toContainText(/Wink is unavailable/);
    await sandbox.clearFaults();
    await panel.getByRole("link", { name: "Try again" }).click();
    await expect(adminPage.getByTestId("entity-name")).toHaveText(SANDBOX_ENTITY_NAME);
  });

  test("with every setting explicit (no embedded default) it works the same", async ({
    page,
    sandbox,
  }) => {
    void sandbox;
    await signInThroughSandbox(page, "admin", `${E2E.externalConsoleUrl}/`);
    await expect(page).toHaveURL(
      new RegExp(`^${E2E.externalConsoleUrl}/entities/${SANDBOX_ENTITY_ID}/applications`),
    );
    await expect(page.getByTestId("entity-name")).toHaveText(SANDBOX_ENTITY_NAME);
    const count = await applicationCountInSandbox();
    await expect(page.getByText(`${count} applications`)).toBeVisible();
  });
});
