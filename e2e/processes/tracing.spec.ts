import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SANDBOX_DEFAULTS } from "../../lib/wink-contract/sandbox-defaults";
import { AUTH_SECRET, startConsoleProcess, type ConsoleProcess } from "../support/console-process";
import { test, expect } from "../support/fixtures";
import { SANDBOX_ENTITY_ID } from "../support/sandbox";
import { signInThroughSandbox } from "../support/sign-in";

// A console with OTEL_EXPORTER_OTLP_ENDPOINT set exports its traces to a receiver in this test:
// each Wink call is a span inside the span Next.js makes for the page, with no secret anywhere.

type OtlpSpan = {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
};
type OtlpExport = { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };

let console_: ConsoleProcess | undefined;
test.afterEach(async () => {
  if (console_ && console_.child.exitCode === null && console_.child.signalCode === null) {
    console_.child.kill("SIGKILL");
    await console_.exited;
  }
  console_ = undefined;
});

test("a page's Wink calls are spans under Next.js's request span, with no secret", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const bodies: string[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (request.url === "/v1/traces") bodies.push(body);
      response.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  try {
    console_ = await startConsoleProcess({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    const context = await browser.newContext({ baseURL: console_.url });
    const page = await context.newPage();
    await signInThroughSandbox(page, "admin", `${console_.url}/`);
    await page.goto(`${console_.url}/entities/${SANDBOX_ENTITY_ID}/applications`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await context.close();

    const spans = () =>
      bodies.flatMap((body) =>
        (JSON.parse(body) as OtlpExport).resourceSpans.flatMap((resource) =>
          resource.scopeSpans.flatMap((scope) => scope.spans),
        ),
      );
    // The batch goes out every few seconds.
    await expect
      .poll(() => spans().some((span) => span.name === "wink listApplications"), {
        timeout: 20_000,
      })
      .toBe(true);
    const list = spans().find((span) => span.name === "wink listApplications")!;
    const parent = spans().find((span) => span.spanId === list.parentSpanId);
    expect(parent, "the Wink span's parent is a span Next.js exported").toBeDefined();
    expect(parent!.traceId).toBe(list.traceId);
    const attributes = Object.fromEntries(list.attributes.map(({ key, value }) => [key, value]));
    expect(attributes["wink.operation"]?.stringValue).toBe("listApplications");
    expect(Number(attributes["http.response.status_code"]?.intValue)).toBe(200);

    const everything = bodies.join("\n");
    for (const secret of [
      AUTH_SECRET,
      SANDBOX_DEFAULTS.consoleClientSecret,
      SANDBOX_DEFAULTS.oidcClientSecret,
      "Bearer ",
    ])
      expect(everything).not.toContain(secret);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
