import { test, expect } from "./support/fixtures";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID, SANDBOX_ENTITY_NAME } from "./support/sandbox";
import { signInThroughSandbox } from "./support/sign-in";
import { listInSandbox } from "./support/wink";

async function applicationCountInSandbox(): Promise<number> {
  return (await listInSandbox()).length;
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
    await expect(adminPage.getByLabel("Entity").locator("option:checked")).toHaveText(
      SANDBOX_ENTITY_NAME,
    );
    const count = await applicationCountInSandbox();
    expect(count).toBeGreaterThan(3);
    await expect(adminPage.getByTestId("list-summary")).toHaveText(
      `Showing 1–${count} of ${count} applications`,
    );
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
    await expect(adminPage.getByLabel("Entity").locator("option:checked")).toHaveText(
      SANDBOX_ENTITY_NAME,
    );
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
    await expect(page.getByLabel("Entity").locator("option:checked")).toHaveText(
      SANDBOX_ENTITY_NAME,
    );
    const count = await applicationCountInSandbox();
    await expect(page.getByTestId("list-summary")).toHaveText(
      `Showing 1–${count} of ${count} applications`,
    );
  });
});
