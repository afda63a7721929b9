import { execFile } from "node:child_process";
import { promisify } from "node:util";
import dotenv from "dotenv";
import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";

const run = promisify(execFile);
const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;

/**
 * The snippets the dialog puts on the clipboard work as pasted: the token request, run by bash,
 * gets a token from the sandbox's token endpoint, and the .env block reads back as the pair.
 * (lib/applications/credential-snippets.test.ts runs the same builders over arbitrary secrets.)
 */
test("the copied token request and .env block carry the real pair", async ({ adminPage: page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(listPath);
  await page.getByRole("button", { name: "Create application" }).first().click();
  const form = page.getByRole("dialog", { name: "Create application" });
  await form.getByLabel("Name", { exact: true }).fill("Snippets as pasted");
  await form.getByRole("radio", { name: "Machine to machine" }).click();
  await form.getByRole("checkbox", { name: "Booking: read" }).check();
  await form.getByRole("button", { name: "Create application" }).click();

  const reveal = page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });
  await expect(reveal).toBeVisible();
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await reveal.getByRole("button", { name: "Copy client secret" }).click();
  const secret = await clipboard();
  const clientId = (await reveal.getByTestId("reveal-client-id").textContent())!.trim();

  await reveal.getByRole("button", { name: "Copy token request" }).click();
  const curl = await clipboard();
  expect(curl).toContain("--data-urlencode");
  const { stdout } = await run("bash", ["-c", `${curl} --silent --show-error`]);
  const token = JSON.parse(stdout) as { access_token?: string; scope?: string };
  expect(token.access_token).toBeTruthy();
  expect(token.scope).toBe("booking.read");

  await reveal.getByRole("button", { name: "Copy .env block" }).click();
  const env = dotenv.parse(await clipboard());
  expect(env).toEqual({ WINK_CLIENT_ID: clientId, WINK_CLIENT_SECRET: secret });
});
