import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, type Page, type Request } from "@playwright/test";

/**
 * Where the console's stdout and stderr go during the e2e run: playwright.config.ts starts the
 * console with `>> reports/console-e2e.log 2>&1`, relative to the directory the tests run in.
 */
export const CONSOLE_LOG = path.join(process.cwd(), "reports", "console-e2e.log");

/** The console's log from now on: call the result to read what it wrote since. */
export function consoleLogFromNow(): () => string {
  const start = existsSync(CONSOLE_LOG) ? statSync(CONSOLE_LOG).size : 0;
  return () => {
    if (!existsSync(CONSOLE_LOG)) return "";
    return readFileSync(CONSOLE_LOG).subarray(start).toString("utf8");
  };
}

export type Exchange = {
  url: string;
  method: string;
  /** The request's body, if any (a server action's arguments, a form). */
  requestBody: string;
  /** Set for a server action call. */
  action: boolean;
  /** A React Server Components payload (navigation, refresh, action result). */
  rsc: boolean;
  status?: number;
  contentType?: string;
  responseBody?: string;
};

/**
 * Records every request the page makes (URL and body), and every answer the console gives it, in
 * the order the requests left. The console's answers are fetched through Playwright's router and
 * handed on unchanged: Chromium does not reliably keep the bodies of streamed answers (RSC
 * payloads) for DevTools, and a body the test could not read would be a hole in its checks.
 * Static assets (/_next/static) are left alone.
 */
export async function recordTraffic(page: Page, consoleUrl: string) {
  const origin = new URL(consoleUrl).origin;
  const exchanges: Exchange[] = [];
  const pending = new Set<Promise<void>>();
  const byRequest = new Map<Request, Exchange>();

  page.on("request", (request) => {
    const headers = request.headers();
    const exchange: Exchange = {
      url: request.url(),
      method: request.method(),
      requestBody: request.postData() ?? "",
      action: "next-action" in headers,
      rsc: "rsc" in headers || "next-action" in headers,
    };
    byRequest.set(request, exchange);
    exchanges.push(exchange);
  });

  await page.route(
    (url) => url.origin === origin && !url.pathname.startsWith("/_next/static/"),
    async (route) => {
      const done = (async () => {
        const exchange = byRequest.get(route.request());
        try {
          const response = await route.fetch({ maxRedirects: 0 });
          const body = await response.body();
          if (exchange) {
            exchange.status = response.status();
            exchange.contentType = response.headers()["content-type"];
            if (exchange.contentType?.includes("text/x-component")) exchange.rsc = true;
            exchange.responseBody = body.toString("utf8");
          }
          await route.fulfill({ response, body });
        } catch {
          // The page went away (or the request was cancelled) before the answer came.
          await route.abort().catch(() => {});
        }
      })();
      pending.add(done);
      await done;
      pending.delete(done);
    },
  );

  return {
    exchanges,
    /** Waits for the answers still being fetched. */
    async settled() {
      await Promise.all(pending);
    },
    /** Waits until the page has stopped fetching (prefetches included) and every answer is in. */
    async quiet() {
      await page.waitForLoadState("networkidle");
      await Promise.all(pending);
    },
  };
}

/**
 * The secret a create or rotate returned, read from the one server action answer that carries it
 * (the RSC payload of `{ ok: true, data: { …, secretKey } }`).
 */
export function secretFromActionAnswer(exchanges: Exchange[]): { secret: string; from: Exchange } {
  const carrying = exchanges.filter(
    (exchange) => exchange.action && /"secretKey":"[^"]+"/.test(exchange.responseBody ?? ""),
  );
  expect(carrying, "exactly one server action answer carries a secret").toHaveLength(1);
  const from = carrying[0]!;
  const secret = /"secretKey":"([^"]+)"/.exec(from.responseBody!)![1]!;
  expect(secret.length).toBeGreaterThan(20);
  return { secret, from };
}

/**
 * Everything the browser keeps beyond the page (expectNoTraceOf covers the DOM, the URL, local
 * and session storage, cookies and history.state): IndexedDB, Cache Storage, the navigation and
 * resource timing entries (every URL the page visited or fetched).
 */
export async function browserKeepings(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const navigation = (
      window as unknown as { navigation?: { entries(): { url: string | null }[] } }
    ).navigation;
    return {
      indexedDB: JSON.stringify(
        (await indexedDB.databases?.())?.map((database) => database.name) ?? [],
      ),
      cacheStorage: JSON.stringify("caches" in window ? await caches.keys() : []),
      navigationEntries: JSON.stringify(navigation?.entries().map((entry) => entry.url) ?? []),
      resourceTiming: JSON.stringify(performance.getEntries().map((entry) => entry.name)),
      title: document.title,
    };
  });
}

/**
 * Whether the page's JavaScript heap holds `text`, after full garbage collections: a heap
 * snapshot through the Chrome DevTools Protocol (Chromium only), searched as text. Strings only
 * reachable from dropped state are collected first, so what is found is still referenced.
 */
export async function heapHolds(page: Page, text: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.enable");
    for (let round = 0; round < 3; round += 1) await cdp.send("HeapProfiler.collectGarbage");
    const chunks: string[] = [];
    cdp.on("HeapProfiler.addHeapSnapshotChunk", ({ chunk }) => chunks.push(chunk));
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    return chunks.join("").includes(text);
  } finally {
    await cdp.detach();
  }
}
