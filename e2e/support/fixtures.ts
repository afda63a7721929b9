import { test as base, expect, type Page } from "@playwright/test";
import path from "node:path";
import { SandboxControls, type UserKey } from "./sandbox";

export function storageStateOf(user: UserKey): string {
  return path.join(process.cwd(), "playwright", ".auth", `${user}.json`);
}

type Fixtures = {
  sandbox: SandboxControls;
  /** A page signed in as the admin (the default `page` is anonymous). */
  adminPage: Page;
  viewerPage: Page;
};

/**
 * The sandbox starts every test from its seed, with no faults: tests do not depend on each other.
 */
export const test = base.extend<Fixtures>({
  sandbox: async ({}, use) => {
    const sandbox = new SandboxControls();
    await sandbox.reset();
    await sandbox.clearFaults();
    await use(sandbox);
    await sandbox.clearFaults();
  },
  adminPage: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: storageStateOf("admin") });
    await use(await context.newPage());
    await context.close();
  },
  viewerPage: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: storageStateOf("viewer") });
    await use(await context.newPage());
    await context.close();
  },
});

export { expect };
