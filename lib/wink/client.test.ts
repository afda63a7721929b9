import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WinkEvent } from "./client";
import { WinkError } from "./errors";
import {
  clientFor,
  issueTokens,
  sendJson,
  startFakeWink,
  type FakeWink,
} from "./testing/fake-wink";

let fake: FakeWink;
beforeEach(async () => {
  fake = await startFakeWink();
});
afterEach(() => fake.close());

const APP = {
  id: "app-1",
  userIdentifier: "user-1",
  name: "Booking engine",
  clientId: "client-1",
  redirectUris: ["https://hotel.example/callback"],
  postLogoutRedirectUris: [],
  scopes: ["booking.read"],
  iconIdentifier: null,
};
const CREATE = {
  name: "Booking engine",
  clientType: "WEB" as const,
  redirectUris: ["https://hotel.example/callback"],
  scopes: ["booking.read" as const],
};

async function failure(promise: Promise<unknown>): Promise<WinkError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WinkError);
  return error as WinkError;
}

describe("every request", () => {
  it("sends Wink-Version 2.0, Accept: application/json and the bearer token", async () => {
    await clientFor(fake).listApplications("me-1");
    const [request] = fake.apiRequests;
    expect(request?.headers["wink-version"]).toBe("2.0");
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers.authorization).toBe("Bearer token-1");
    expect(request?.path).toBe("/api/managing-entity/me-1/application/list");
  });

  it("sends a JSON body with Content-Type on create, with unknown members dropped", async () => {
    fake.onApi((_q, response) =>
      sendJson(response, 201, { ...APP, secretKey: "new-secret", extra: true }),
    );
    const created = await clientFor(fake).createApplication("me-1", {
      ...CREATE,
      id: "not-sent",
    } as typeof CREATE);

    const [request] = fake.apiRequests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/api/managing-entity/me-1/application");
    expect(request?.headers["content-type"]).toBe("application/json");
    // The empty post-logout list is left out: a strict reading of Wink's schema refuses [].
    expect(JSON.parse(request?.body ?? "")).toEqual(CREATE);
    expect(created.secretKey).toBe("new-secret");
  });

  it("encodes path segments and refuses dot segments", async () => {
    fake.onApi((_q, response) => sendJson(response, 200, APP));
    await clientFor(fake).getApplication("me/1", "app 1?x");
    expect(fake.apiRequests[0]?.path).toBe("/api/managing-entity/me%2F1/application/app%201%3Fx");
    await expect(clientFor(fake).rotateApplicationCredentials("me-1", "..")).rejects.toThrow(
      TypeError,
    );
    expect(fake.apiRequests).toHaveLength(1);
  });

  it("calls each operation with its method and path", async () => {
    fake.onApi((request, response) => {
      if (request.path.endsWith("/revoke")) {
        return sendJson(response, 200, { id: "app-1", clientId: "c2", secretKey: "s2" });
      }
      if (request.method === "DELETE") {
        return sendJson(response, 200, { id: "app-1", success: false, message: "Not removed" });
      }
      if (request.method === "PATCH") return sendJson(response, 200, { id: "app-1" });
      return sendJson(response, 200, []);
    });
    const client = clientFor(fake);

    await client.updateApplication("me-1", "app-1", { name: "Renamed" });
    expect(await client.deleteApplication("me-1", "app-1")).toEqual({
      id: "app-1",
      success: false,
      message: "Not removed",
    });
    expect(await client.rotateApplicationCredentials("me-1", "app-1")).toEqual({
      id: "app-1",
      clientId: "c2",
      secretKey: "s2",
    });
    await client.listManagingEntities({ type: "HOTEL" });
    await client.listAllManagingEntities();

    expect(
      fake.apiRequests.map((r) => `${r.method} ${r.path}${r.query.size ? `?${r.query}` : ""}`),
    ).toEqual([
      "PATCH /api/managing-entity/me-1/application/app-1",
      "DELETE /api/managing-entity/me-1/application/app-1",
      "GET /api/managing-entity/me-1/application/app-1/revoke",
      "GET /api/managing-entity/list?type=HOTEL",
      "GET /api/managing-entity/list/all",
    ]);
    // PATCH requires the name, so the whole editable object goes.
    expect(JSON.parse(fake.apiRequests[0]?.body ?? "")).toEqual({
      name: "Renamed",
      redirectUris: [],
      postLogoutRedirectUris: [],
      scopes: [],
    });
  });
});

describe("a 401 from the API", () => {
  it("drops the token and repeats the request once with a fresh one", async () => {
    fake.onApi((_q, response, n) =>
      n === 1 ? sendJson(response, 401, {}) : sendJson(response, 200, [APP]),
    );
    expect(await clientFor(fake).listApplications("me-1")).toHaveLength(1);
    expect(fake.tokenRequests).toHaveLength(2);
    expect(fake.apiRequests.map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("is repeated once and only once: a second 401 is an error", async () => {
    fake.onApi((_q, response) =>
      sendJson(response, 401, {}, { "WWW-Authenticate": 'Bearer error="invalid_token"' }),
    );
    const error = await failure(clientFor(fake).listApplications("me-1"));
    expect(error.kind).toBe("http");
    expect(error.status).toBe(401);
    expect(error.outcome).toBe("not-performed");
    expect(error.message).toContain("WINK_CLIENT_ID");
    expect(fake.apiRequests).toHaveLength(2);
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it("is repeated for a rotate too: a 401 means nothing was done", async () => {
    fake.onApi((_q, response, n) =>
      n === 1
        ? sendJson(response, 401, {})
        : sendJson(response, 200, { id: "app-1", clientId: "c2", secretKey: "s2" }),
    );
    await clientFor(fake).rotateApplicationCredentials("me-1", "app-1");
    expect(fake.apiRequests).toHaveLength(2);
  });
});

describe("other errors", () => {
  it("reports a missing application as a WinkError with status 404", async () => {
    fake.onApi((_q, response) =>
      sendJson(response, 404, { title: "Not Found", status: 404 }, { "X-Request-Id": "req-42" }),
    );
    const error = await failure(clientFor(fake).getApplication("me-1", "gone"));
    expect(error.status).toBe(404);
    expect(error.requestId).toBe("req-42");
    expect(error.retryable).toBe(false);
    expect(fake.apiRequests).toHaveLength(1);
  });

  it("names the scope a 403 lacks", async () => {
    fake.onApi((_q, response) => sendJson(response, 403, { title: "Forbidden" }));
    const error = await failure(clientFor(fake).deleteApplication("me-1", "app-1"));
    expect(error.requiredScope).toBe("account.remove");
    expect(error.message).toContain("account.remove");
    expect(error.outcome).toBe("not-performed");
  });

  it("reads the request id from Wink-Request-Id as well", async () => {
    fake.onApi((_q, response) => sendJson(response, 409, {}, { "Wink-Request-Id": "w-1" }));
    expect(
      (await failure(clientFor(fake).updateApplication("me-1", "a", { name: "x" }))).requestId,
    ).toBe("w-1");
  });
});

describe("token failures", () => {
  it("are shared by concurrent callers, each error naming its caller's operation", async () => {
    fake.onToken((_q, response) =>
      setTimeout(() => sendJson(response, 401, { error: "invalid_client" }), 30),
    );
    const client = clientFor(fake);
    const [list, get] = await Promise.all([
      failure(client.listApplications("me-1")),
      failure(client.getApplication("me-1", "app-1")),
    ]);
    expect(fake.tokenRequests).toHaveLength(1);
    expect(fake.apiRequests).toHaveLength(0);
    expect([list.operation, get.operation]).toEqual(["listApplications", "getApplication"]);
    expect(list.code).toBe("invalid_client");
  });
});

describe("a token endpoint that does not answer", () => {
  it("costs a read one token request, not one per attempt", async () => {
    fake.onToken(() => undefined);
    const error = await failure(clientFor(fake, { timeoutMs: 200 }).listManagingEntities());
    expect(error).toMatchObject({ kind: "token", code: "unreachable" });
    expect(fake.tokenRequests).toHaveLength(1);
    expect(fake.apiRequests).toHaveLength(0);
  });

  it("is shared by concurrent reads, and asked again by a later one", async () => {
    fake.onToken(() => undefined);
    const client = clientFor(fake, { timeoutMs: 200 });
    await Promise.all([
      failure(client.listManagingEntities()),
      failure(client.listApplications("me-1")),
    ]);
    expect(fake.tokenRequests).toHaveLength(1);
    await failure(client.listApplications("me-1"));
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it("still repeats a token endpoint's 503 within a read", async () => {
    const issue = issueTokens();
    fake.onToken((request, response, n) =>
      n === 1 ? sendJson(response, 503, {}) : issue(request, response, n),
    );
    fake.onApi((_q, response) => sendJson(response, 200, []));
    await clientFor(fake, { retry: { delaysMs: [1, 1] } }).listApplications("me-1");
    expect(fake.tokenRequests).toHaveLength(2);
  });
});

describe("checkCredential", () => {
  it("gets a token (a cached one counts) without calling the API", async () => {
    const client = clientFor(fake);
    await client.checkCredential();
    await client.checkCredential();
    expect(fake.tokenRequests).toHaveLength(1);
    expect(fake.apiRequests).toHaveLength(0);
  });

  it("throws the token error that says why", async () => {
    fake.onToken((_q, response) => sendJson(response, 400, { error: "invalid_scope" }));
    const error = await failure(clientFor(fake).checkCredential());
    expect(error).toMatchObject({
      kind: "token",
      code: "invalid_scope",
      operation: "checkCredential",
    });
  });
});

describe("observing", () => {
  it("reports each request and token request to onEvent, without headers", async () => {
    const events: WinkEvent[] = [];
    await clientFor(fake, { onEvent: (event) => events.push(event) }).listApplications("me-1");
    expect(events.map((event) => event.type)).toEqual(["token-request", "api-request"]);
    expect(events[1]).toMatchObject({ operation: "listApplications", status: 200, attempt: 1 });
    expect(JSON.stringify(events)).not.toContain("token-1");
  });
});
