import { expect, type Page } from "@playwright/test";
import { E2E } from "./ports";

/** Asks the sandbox's token endpoint for a token with the given credentials, as an integrator would. */
export async function requestToken(clientId: string, secret: string, scope?: string) {
  const body = new URLSearchParams({ grant_type: "client_credentials" });
  if (scope) body.set("scope", scope);
  const response = await fetch(`${E2E.sandboxUrl}/oauth2/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/** The secret is nowhere the browser keeps things: the page, its storage, its URL, its history. */
export async function expectNoTraceOf(page: Page, secret: string) {
  expect(page.url()).not.toContain(secret);
  expect(await page.content()).not.toContain(secret);
  const stored = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookies: document.cookie,
    history: JSON.stringify(history.state ?? null),
  }));
  for (const [where, value] of Object.entries(stored)) {
    expect(value, `browser ${where}`).not.toContain(secret);
  }
  const cookies = await page.context().cookies();
  expect(JSON.stringify(cookies)).not.toContain(secret);
}
