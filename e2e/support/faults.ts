import { expect, type Page } from "@playwright/test";
import { SANDBOX_DEFAULTS } from "../../lib/wink-contract/sandbox-defaults";
import { E2E } from "./ports";
import { SANDBOX_ENTITY_ID } from "./sandbox";
import { requestToken } from "./secrets";

/** The console's own application in the sandbox's seed (`wink-console-sandbox`). */
export const CONSOLE_APPLICATION_ID = "0b7e5c1a-3f2d-4e8b-9a6c-5d4e3f2a1b0c";

/** The console's WINK_TIMEOUT_MS in playwright.config.ts: every lost answer costs this long. */
export const CONSOLE_TIMEOUT_S = 4;

/** What an injected fault looks like from the console's side. */
export type FaultKind = {
  label: string;
  /** The sandbox fault, without its operation. */
  fault: Record<string, unknown>;
  /** How the console's message starts to say what happened, per wording family. */
  lost: { kind: "status"; status: number } | { kind: "malformed" } | { kind: "timeout" };
  /** Whether the sandbox carries out the change behind the fault (see sandbox/README.md). */
  applied: boolean;
  /** The console waits out its time-out (and a read repeats it twice). */
  slow: boolean;
  /** For a late answer: when the sandbox answers (and acts). */
  latencyMs?: number;
};

/**
 * Every way a Wink answer can go wrong, as the sandbox injects it. The labels of the status faults
 * say which body comes with them: Spring's problem details, Wink's bare `{}`, a proxy's HTML.
 */
export const FAULT_KINDS: FaultKind[] = [
  {
    label: "HTTP 500 with problem details",
    fault: { kind: "status", status: 500 },
    lost: { kind: "status", status: 500 },
    applied: false,
    slow: false,
  },
  {
    label: "HTTP 503",
    fault: { kind: "status", status: 503 },
    lost: { kind: "status", status: 503 },
    applied: false,
    slow: false,
  },
  {
    label: "HTTP 500 with a bare {} body",
    fault: { kind: "status", status: 500, body: "empty-object" },
    lost: { kind: "status", status: 500 },
    applied: false,
    slow: false,
  },
  {
    label: "HTTP 502 with a non-JSON (HTML) body",
    fault: { kind: "status", status: 502, body: "non-json" },
    lost: { kind: "status", status: 502 },
    applied: false,
    slow: false,
  },
  {
    label: "a 200 whose body breaks the contract",
    fault: { kind: "malformed" },
    lost: { kind: "malformed" },
    applied: true,
    slow: false,
  },
  {
    label: "no answer at all (hang)",
    fault: { kind: "hang" },
    lost: { kind: "timeout" },
    applied: true,
    slow: true,
  },
  {
    label: "an answer after the time-out (6 s)",
    fault: { kind: "latency", ms: 6000 },
    lost: { kind: "timeout" },
    applied: true,
    slow: true,
    latencyMs: 6000,
  },
];

/**
 * Collects what would mean the console crashed: an uncaught error in the page, Next.js's error
 * page or overlay. Call the result after each step that met a fault.
 */
export function watchForCrashes(page: Page) {
  const uncaught: string[] = [];
  page.on("pageerror", (error) => uncaught.push(error.message));
  return async function expectNoCrash() {
    await expect(page.locator("body")).not.toContainText(
      /Application error|exception has occurred|Internal Server Error|Unhandled Runtime Error/i,
    );
    await expect(page.locator("nextjs-portal")).toHaveCount(0);
    expect(uncaught, "uncaught errors in the page").toEqual([]);
  };
}

/**
 * Rotates the console's own application through the sandbox's API, with the console's own
 * credential, as someone in Wink's portal would: the console's client id and secret stop working at
 * once, and its cached token with them. `sandbox.reset()` restores the seeded credential.
 */
export async function rotateConsoleCredentialBehindItsBack(): Promise<{ clientId: string }> {
  const token = await requestToken(
    SANDBOX_DEFAULTS.consoleClientId,
    SANDBOX_DEFAULTS.consoleClientSecret,
  );
  expect(token.status, "a token for the console's credential").toBe(200);
  const response = await fetch(
    `${E2E.sandboxUrl}/api/managing-entity/${SANDBOX_ENTITY_ID}/application/${CONSOLE_APPLICATION_ID}/revoke`,
    {
      headers: {
        Authorization: `Bearer ${token.body.access_token}`,
        "Wink-Version": "2.0",
        Accept: "application/json",
      },
    },
  );
  expect(response.status, "rotate the console's application").toBe(200);
  const rotated = (await response.json()) as { clientId: string };
  return { clientId: rotated.clientId };
}
