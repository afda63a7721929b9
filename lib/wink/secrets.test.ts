import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { redact } from "@/lib/log";
import type { WinkEvent } from "./client";
import { WinkError } from "./errors";
import { logWinkEvent } from "./index";
import {
  clientFor,
  sendJson,
  startFakeWink,
  TEST_CLIENT_SECRET,
  type FakeWink,
  type Handler,
} from "./testing/fake-wink";
import { basicAuthorization } from "./token";

/** No error, event or log line of lib/wink carries the credential or an access token. */

const ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.access-token-that-must-not-leak.sig";
const FORBIDDEN = [
  TEST_CLIENT_SECRET,
  encodeURIComponent(TEST_CLIENT_SECRET),
  ACCESS_TOKEN,
  basicAuthorization("console:client id", TEST_CLIENT_SECRET).slice("Basic ".length),
];

let fake: FakeWink;
beforeEach(async () => {
  fake = await startFakeWink();
  fake.onToken((_q, response) =>
    sendJson(response, 200, { access_token: ACCESS_TOKEN, token_type: "Bearer", expires_in: 600 }),
  );
});
afterEach(() => fake.close());

function expectNoSecret(text: string) {
  for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
}

const scenarios: [string, (fake: FakeWink) => void][] = [
  ["a 401 twice", (f) => f.onApi((_q, r) => sendJson(r, 401, { detail: "Bad token" }))],
  ["a 500", (f) => f.onApi((_q, r) => sendJson(r, 500, "boom"))],
  ["a time-out", (f) => f.onApi(() => undefined)],
  ["a malformed body", (f) => f.onApi((_q, r) => sendJson(r, 200, { secretKey: 1 }))],
  [
    "invalid_client quoting the secret",
    (f) =>
      f.onToken(((_q, r) =>
        sendJson(r, 401, {
          error: "invalid_client",
          error_description: `secret ${TEST_CLIENT_SECRET} is wrong`,
        })) as Handler),
  ],
  [
    "an odd token refusal quoting the secret",
    (f) =>
      f.onToken((_q, r) =>
        sendJson(r, 400, { error: "invalid_request", error_description: TEST_CLIENT_SECRET }),
      ),
  ],
  ["a token time-out", (f) => f.onToken(() => undefined)],
];

describe("secrets stay out of errors, events and logs", () => {
  it.each(scenarios)("after %s", async (_name, breakIt) => {
    breakIt(fake);
    const events: WinkEvent[] = [];
    const client = clientFor(fake, {
      timeoutMs: 200,
      retry: { delaysMs: [] },
      onEvent: (event) => events.push(event),
    });

    const error = await client
      .rotateApplicationCredentials("me-1", "app-1")
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WinkError);
    const winkError = error as WinkError;
    expectNoSecret(winkError.message);
    expectNoSecret(String(winkError));
    expectNoSecret(JSON.stringify(winkError));
    expectNoSecret(winkError.stack ?? "");
    expectNoSecret(inspect(winkError, { depth: 10 }));
    expectNoSecret(JSON.stringify(redact({ error: winkError })));
    expectNoSecret(JSON.stringify(events));
    expectNoSecret(inspect(client, { depth: 10 }));
    expectNoSecret(JSON.stringify(client));
  });

  it("logs Wink events without secrets", async () => {
    const lines: string[] = [];
    const { setLogSink } = await import("@/lib/log");
    setLogSink((_level, line) => lines.push(line));
    try {
      fake.onApi((_q, r) => sendJson(r, 503, {}));
      await clientFor(fake, { onEvent: logWinkEvent })
        .listApplications("me-1")
        .catch(() => undefined);
    } finally {
      setLogSink();
    }
    expect(lines.map((line) => JSON.parse(line).event)).toEqual([
      "wink.token",
      "wink.request.failed",
      "wink.retry",
      "wink.request.failed",
      "wink.retry",
      "wink.request.failed",
    ]);
    expectNoSecret(lines.join("\n"));
  });
});
