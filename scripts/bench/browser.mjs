// Chromium through Playwright: the real OIDC sign-in, and the in-browser measurements (first
// render and keystrokes on a large list, JavaScript weight).

import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { ADMIN } from "./sandbox.mjs";
import { median } from "./stats.mjs";

export const CHROME_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromePath() {
  const path = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  return existsSync(path) ? path : undefined;
}

export function launchBrowser() {
  return chromium.launch({ executablePath: chromePath(), args: CHROME_FLAGS, headless: true });
}

const VIEWPORT = { width: 1280, height: 800 };

/**
 * Signs in as the admin the way a person does: the console's sign-in page, the sandbox's own
 * sign-in form, and back. Returns the storage state (for more browser contexts) and the Cookie
 * header for plain HTTP requests.
 */
export async function signIn(browser, consoleUrl) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${consoleUrl}/`);
    await page.waitForURL(/\/sign-in/, { timeout: 30_000 });
    await page.getByRole("button", { name: /^Sign in with/ }).click();
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(
      (url) => url.origin === consoleUrl && /\/entities\/[^/]+\/applications/.test(url.pathname),
      { timeout: 30_000 },
    );
    const cookies = await context.cookies(consoleUrl);
    if (!cookies.some((cookie) => /session-token/.test(cookie.name))) {
      throw new Error(`signed in, but no session cookie (${cookies.map((c) => c.name)})`);
    }
    return {
      storageState: await context.storageState(),
      cookieHeader: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "),
      landedOn: page.url(),
    };
  } finally {
    await context.close();
  }
}

const ROW = "[data-testid=application-row], table tbody tr";

/**
 * Records, from inside the page, when the first row of the list is on screen: the first
 * animation frame after a row enters the DOM, in ms since navigation start.
 */
function firstRowObserver(selector) {
  const check = () => {
    if (window.__benchFirstRow !== undefined || !document.querySelector(selector)) return false;
    window.__benchFirstRow = null;
    requestAnimationFrame(() => {
      window.__benchFirstRow = performance.now();
    });
    return true;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** One cold navigation to the list: time to first row, and what the document weighed. */
async function timeFirstRender(browser, storageState, url) {
  const context = await browser.newContext({ storageState, viewport: VIEWPORT });
  try {
    await context.addInitScript(firstRowObserver, ROW);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
    await page.locator(ROW).first().waitFor({ state: "visible", timeout: 60_000 });
    await page.waitForFunction(() => typeof window.__benchFirstRow === "number", null, {
      timeout: 10_000,
    });
    return await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType("navigation");
      return {
        firstRowMs: window.__benchFirstRow,
        responseStartMs: navigation?.responseStart ?? null,
        responseEndMs: navigation?.responseEnd ?? null,
        documentTransferBytes: navigation?.transferSize ?? null,
        documentDecodedBytes: navigation?.decodedBodySize ?? null,
      };
    });
  } finally {
    await context.close();
  }
}

/** Arms a watcher on the list summary; `__benchKey` resolves when its text changes. */
function armKeystrokeWatcher(timeoutMs) {
  const summary = document.querySelector("[data-testid=list-summary]");
  const before = summary?.textContent ?? "";
  let keydownAt = null;
  window.addEventListener(
    "keydown",
    () => {
      keydownAt = performance.now();
    },
    { capture: true, once: true },
  );
  window.__benchKey = new Promise((resolve) => {
    if (!summary) return resolve({ error: "no [data-testid=list-summary]" });
    const observer = new MutationObserver(() => {
      if (summary.textContent === before) return;
      observer.disconnect();
      const changedAt = performance.now();
      requestAnimationFrame(() =>
        resolve({ keydownAt, changedAt, paintedAt: performance.now(), text: summary.textContent }),
      );
    });
    observer.observe(summary, { childList: true, characterData: true, subtree: true });
    setTimeout(() => {
      observer.disconnect();
      resolve({ error: `no change within ${timeoutMs} ms`, text: before });
    }, timeoutMs);
  });
}

/**
 * The list with many applications: time to the first row (several navigations, each in a new
 * context, so with a cold cache), then the time from a keystroke in the search box to the updated
 * list (several keystrokes).
 */
export async function measureScale(browser, storageState, url, { navigations, keys }) {
  const renders = [];
  for (let i = 0; i < navigations; i += 1) {
    renders.push(await timeFirstRender(browser, storageState, url));
  }
  const context = await browser.newContext({ storageState, viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await page.locator(ROW).first().waitFor({ state: "visible", timeout: 60_000 });
    // Hydrated when the client-rendered summary reacts; networkidle covers the refetch on mount.
    await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => {});
    const search = page.getByLabel("Search applications");
    await search.click();
    const strokes = [];
    for (const key of keys) {
      await page.evaluate(armKeystrokeWatcher, 5000);
      await page.keyboard.press(key);
      const outcome = await page.evaluate(() => window.__benchKey);
      strokes.push({ key, ...outcome });
      // Let the debounced URL write (250 ms) and any transition settle before the next key.
      await page.waitForTimeout(400);
    }
    await page.close();

    const measured = strokes.filter((stroke) => stroke.keydownAt !== null && !stroke.error);
    const keystrokeMs = measured.map((stroke) => stroke.paintedAt - stroke.keydownAt);
    return {
      firstRowMs: median(renders.map((render) => render.firstRowMs)),
      firstRowRunsMs: renders.map((render) => render.firstRowMs),
      htmlResponseEndMs: median(renders.map((render) => render.responseEndMs)),
      documentTransferBytes: median(renders.map((render) => render.documentTransferBytes)),
      documentDecodedBytes: median(renders.map((render) => render.documentDecodedBytes)),
      keystrokeMs: median(keystrokeMs),
      keystrokeMaxMs: keystrokeMs.length ? Math.max(...keystrokeMs) : null,
      keystrokesMeasured: measured.length,
      keystrokes: strokes,
    };
  } finally {
    await context.close();
  }
}

/** Bytes on the wire (compressed, headers included) of one cold load of `url`, by resource type. */
async function transferOnce(browser, storageState, url) {
  const context = await browser.newContext({ storageState, viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const types = new Map();
    const bytes = new Map();
    cdp.on("Network.responseReceived", (event) => types.set(event.requestId, event.type));
    cdp.on("Network.loadingFinished", (event) =>
      bytes.set(event.requestId, event.encodedDataLength),
    );
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => {});
    const byType = {};
    let scripts = 0;
    for (const [requestId, length] of bytes) {
      const type = types.get(requestId) ?? "Other";
      byType[type] = (byType[type] ?? 0) + length;
      if (type === "Script") scripts += 1;
    }
    const total = Object.values(byType).reduce((sum, value) => sum + value, 0);
    return { scriptBytes: byType.Script ?? 0, scriptFiles: scripts, totalBytes: total, byType };
  } finally {
    await context.close();
  }
}

export async function measureWeight(browser, storageState, url, runs) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) samples.push(await transferOnce(browser, storageState, url));
  return {
    scriptBytes: median(samples.map((sample) => sample.scriptBytes)),
    scriptFiles: median(samples.map((sample) => sample.scriptFiles)),
    totalBytes: median(samples.map((sample) => sample.totalBytes)),
    documentBytes: median(samples.map((sample) => sample.byType.Document ?? 0)),
    byType: samples.at(-1)?.byType ?? {},
  };
}
