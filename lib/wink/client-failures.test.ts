import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WinkEvent } from "./client";
import { WinkError } from "./errors";
import { clientFor, sendJson, startFakeWink, type FakeWink } from "./testing/fake-wink";

/** Retries, time-outs, broken connections and unreadable answers: what is repeated, and what not. */

let fake: FakeWink;
beforeEach(async () => {
  fake = await startFakeWink();
});
afterEach(() => fake.close());

const CREATE = {
  name: "Engine",
  clientType: "WEB" as const,
  redirectUris: ["https://a.example/cb"],
};
const hang = () => undefined;

async function failure(promise: Promise<unknown>): Promise<WinkError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WinkError);
  return error as WinkError;
}

describe("reads", () => {
  it("repeat 503, 503 and then succeed: three calls", async () => {
    fake.onApi((_q, response, n) =>
      n < 3 ? sendJson(response, 503, {}) : sendJson(response, 200, []),
    );
    expect(await clientFor(fake).listApplications("me-1")).toEqual([]);
    expect(fake.apiRequests).toHaveLength(3);
  });

  it("give up after two repeats, with a retryable error", async () => {
    fake.onApi((_q, response) => sendJson(response, 502, "<html>Bad gateway</html>"));
    const error = await failure(clientFor(fake).listManagingEntities());
    expect(fake.apiRequests).toHaveLength(3);
    expect(error.status).toBe(502);
    expect(error.retryable).toBe(true);
    expect(error.outcome).toBe("not-performed");
    expect(error.message).toBe("Wink is unavailable (HTTP 502). Try again in a moment.");
  });

  it("do not repeat a 500", async () => {
    fake.onApi((_q, response) => sendJson(response, 500, {}));
    await failure(clientFor(fake).listApplications("me-1"));
    expect(fake.apiRequests).toHaveLength(1);
  });

  it("honour Retry-After, up to the cap", async () => {
    const events: WinkEvent[] = [];
    fake.onApi((_q, response, n) =>
      n === 1 ? sendJson(response, 503, {}, { "Retry-After": "120" }) : sendJson(response, 200, []),
    );
    const client = clientFor(fake, {
      retry: { delaysMs: [10, 30], maxRetryAfterMs: 80, random: () => 0.5 },
      onEvent: (event) => events.push(event),
    });
    await client.listAllManagingEntities();
    expect(events.find((event) => event.type === "retry")).toMatchObject({ delayMs: 80 });
  });

  it("repeat a time-out", async () => {
    fake.onApi((_q, response, n) => (n === 1 ? hang() : sendJson(response, 200, [])));
    await clientFor(fake, { timeoutMs: 200 }).listApplications("me-1");
    expect(fake.apiRequests).toHaveLength(2);
  });
});

describe("changes are sent once", () => {
  it.each([
    ["rotate", "rotateApplicationCredentials"],
    ["create", "createApplication"],
  ] as const)(
    "a %s that meets a 503 is not repeated, and its outcome is unknown",
    async (_n, op) => {
      fake.onApi((_q, response) => sendJson(response, 503, {}));
      const client = clientFor(fake);
      const call =
        op === "createApplication"
          ? client.createApplication("me-1", CREATE)
          : client.rotateApplicationCredentials("me-1", "app-1");
      const error = await failure(call);
      expect(fake.apiRequests).toHaveLength(1);
      expect(error.outcome).toBe("unknown");
      expect(error.retryable).toBe(false);
      expect(error.message).toContain("The outcome is unknown");
    },
  );

  it.each([
    ["rotate", "rotateApplicationCredentials"],
    ["create", "createApplication"],
  ] as const)(
    "a %s that times out is not repeated, and says the outcome is unknown",
    async (_n, op) => {
      fake.onApi(hang);
      const client = clientFor(fake, { timeoutMs: 200 });
      const call =
        op === "createApplication"
          ? client.createApplication("me-1", CREATE)
          : client.rotateApplicationCredentials("me-1", "app-1");
      const error = await failure(call);
      expect(fake.apiRequests).toHaveLength(1);
      expect(error.kind).toBe("timeout");
      expect(error.outcome).toBe("unknown");
      expect(error.message).toMatch(/^Wink did not answer within 0\.2 s\. The outcome is unknown/);
    },
  );

  it("a refused change (4xx) was not performed", async () => {
    fake.onApi((_q, response) =>
      sendJson(response, 400, { title: "Bad Request", detail: "Name taken" }),
    );
    const error = await failure(clientFor(fake).createApplication("me-1", CREATE));
    expect(error.outcome).toBe("not-performed");
    expect(error.message).toBe("Wink refused to create the application: Name taken.");
  });

  it("a change whose connection is refused was not performed", async () => {
    const closed = await startFakeWink();
    await closed.close();
    const client = clientFor(fake, { apiUrl: closed.url });
    const error = await failure(client.deleteApplication("me-1", "app-1"));
    expect(error.kind).toBe("network");
    expect(error.outcome).toBe("not-performed");
    expect(error.retryable).toBe(true);
  });
});

describe("time-outs", () => {
  it("abort a request that never answers, the socket held open", async () => {
    fake.onApi(hang);
    const started = Date.now();
    const error = await failure(
      clientFor(fake, { timeoutMs: 250, retry: { delaysMs: [] } }).listApplications("me-1"),
    );
    expect(error.kind).toBe("timeout");
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("cover the body: headers sent, body never finished", async () => {
    fake.onApi((_q, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write("[");
    });
    const error = await failure(
      clientFor(fake, { timeoutMs: 250, retry: { delaysMs: [] } }).listApplications("me-1"),
    );
    expect(error.kind).toBe("timeout");
  });
});

describe("unreadable answers", () => {
  it.each([
    ["an object where a list is due", { not: "a list" }],
    ["a list item without an id", [{ name: "x", clientId: "c" }]],
    ["a body that is not JSON", "<html>OK</html>"],
    ["an empty body", ""],
  ])("%s is an invalid-response error, not a crash", async (_name, body) => {
    fake.onApi((_q, response) => sendJson(response, 200, body));
    const error = await failure(clientFor(fake).listApplications("me-1"));
    expect(error.kind).toBe("invalid-response");
    expect(error.outcome).toBe("not-performed");
    expect(fake.apiRequests).toHaveLength(1);
  });

  it("a create without its secret is an invalid-response whose outcome is unknown", async () => {
    fake.onApi((_q, response) =>
      sendJson(response, 201, { id: "app-1", name: "x", clientId: "c" }),
    );
    const error = await failure(clientFor(fake).createApplication("me-1", CREATE));
    expect(error.kind).toBe("invalid-response");
    expect(error.outcome).toBe("unknown");
    expect(error.issues?.join()).toContain("secretKey");
  });

  it("lenient where Wink is: missing lists, null icon, extra members", async () => {
    fake.onApi((_q, response) =>
      sendJson(response, 200, [
        { id: "a", name: "n", clientId: "c", userIdentifier: "u", more: 1 },
      ]),
    );
    expect(await clientFor(fake).listApplications("me-1")).toEqual([
      {
        id: "a",
        name: "n",
        clientId: "c",
        userIdentifier: "u",
        redirectUris: [],
        postLogoutRedirectUris: [],
        scopes: [],
        iconIdentifier: null,
      },
    ]);
  });

  it("managing entities keep only what the console shows", async () => {
    fake.onApi((_q, response) =>
      sendJson(response, 200, [{ id: "me-1", name: "Hotel", type: "HOTEL", bankAccounts: [{}] }]),
    );
    const [entity] = await clientFor(fake).listManagingEntities();
    expect(entity).toEqual({ id: "me-1", name: "Hotel", type: "HOTEL" });
  });
});
