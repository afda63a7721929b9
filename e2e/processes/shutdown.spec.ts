import type { Page } from "@playwright/test";
import { startConsoleProcess, type ConsoleProcess } from "../support/console-process";
import { test, expect } from "../support/fixtures";
import { SANDBOX_ENTITY_ID } from "../support/sandbox";
import { requestToken } from "../support/secrets";
import { signInThroughSandbox } from "../support/sign-in";
import { createInSandbox } from "../support/wink";

// A console copy stopped (SIGTERM, as Docker and Kubernetes do) while an admin's rotate is on its
// way: the admin still gets the new secret, Wink rotated once, and the process exits by itself.

let console_: ConsoleProcess | undefined;
test.afterEach(async () => {
  if (console_ && console_.child.exitCode === null && console_.child.signalCode === null) {
    console_.child.kill("SIGKILL");
    await console_.exited;
  }
  console_ = undefined;
});

async function armRotate(page: Page, name: string) {
  await page.getByRole("button", { name: "Rotate credentials" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  const confirm = dialog.getByRole("button", { name: "Rotate credentials" });
  await expect(confirm).toBeEnabled();
  return confirm;
}

test("SIGTERM during a rotate: the admin gets the new secret, Wink rotates once, the copy exits", async ({
  browser,
  sandbox,
}, testInfo) => {
  test.setTimeout(90_000);
  console_ = await startConsoleProcess();
  const { url } = console_;
  testInfo.annotations.push({ type: "cold start (ms)", description: String(console_.coldStartMs) });

  const app = await createInSandbox({ clientType: "MACHINE_2_MACHINE", redirectUris: [] });
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await signInThroughSandbox(page, "admin", `${url}/`);
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto(`${url}/entities/${SANDBOX_ENTITY_ID}/applications/${app.id}`);
  const confirm = await armRotate(page, app.name);

  // Wink takes 3 s to answer the rotate: the signal arrives while it is in flight.
  await sandbox.fault({ operation: "rotate", kind: "latency", ms: 3000 });
  await confirm.click();
  await expect.poll(async () => (await sandbox.stats()).requests.rotate ?? 0).toBe(1);
  const signalledAt = performance.now();
  console_.child.kill("SIGTERM");

  // The action's answer carries the new pair, and it works at Wink.
  const reveal = page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });
  await expect(reveal).toBeVisible({ timeout: 15_000 });
  const clientId = (await reveal.getByTestId("reveal-client-id").textContent())!.trim();
  await reveal.getByTestId("reveal-toggle").click();
  const secret = (await reveal.getByTestId("reveal-secret").textContent())!.trim();
  expect(clientId).not.toBe(app.clientId);
  expect((await requestToken(clientId, secret)).status).toBe(200);

  // Next.js's own exit code for SIGTERM (143), not the console's bound (1): it finished in time.
  const exit = await console_.exited;
  expect(exit.code).toBe(143);
  testInfo.annotations.push({
    type: "shutdown with a rotate in flight (ms)",
    description: String(Math.round(exit.at - signalledAt)),
  });
  const output = console_.output();
  expect(output).toMatch(
    /"changesInFlight":1,?[^\n]*"event":"shutdown\.begin"|"event":"shutdown\.begin"[^\n]*"changesInFlight":1/,
  );
  expect(output).toContain('"event":"shutdown.ready-to-exit"');
  expect(output).not.toContain(secret);

  const stats = await sandbox.stats();
  expect(stats.requests.rotate).toBe(1);
  expect(stats.mutations.rotations).toBe(1);
  await context.close();
});

test("an idle copy stops on SIGTERM with Next.js's exit code and closes its database", async ({}, testInfo) => {
  // The embedded database's first start (initdb) takes long on a busy machine.
  test.setTimeout(90_000);
  console_ = await startConsoleProcess();
  expect((await fetch(`${console_.url}/api/health`)).status).toBe(200);
  const signalledAt = performance.now();
  console_.child.kill("SIGTERM");
  const exit = await console_.exited;
  expect(exit.code).toBe(143);
  testInfo.annotations.push(
    { type: "cold start (ms)", description: String(console_.coldStartMs) },
    { type: "idle shutdown (ms)", description: String(Math.round(exit.at - signalledAt)) },
  );
  expect(console_.output()).toContain('"event":"shutdown.ready-to-exit"');
  // Stopped listening: nothing answers any more.
  await expect(fetch(`${console_.url}/api/health`)).rejects.toThrow();
});
