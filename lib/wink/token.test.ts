import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WinkError } from "./errors";
import {
  clientFor,
  issueTokens,
  sendJson,
  startFakeWink,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  TEST_SCOPES,
  type FakeWink,
} from "./testing/fake-wink";
import { basicAuthorization, refreshMarginMs, TokenCache, type ClientCredential } from "./token";

let fake: FakeWink;
let credential: ClientCredential;

beforeEach(async () => {
  fake = await startFakeWink();
  credential = {
    tokenUrl: fake.tokenUrl,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    scopes: TEST_SCOPES,
  };
});
afterEach(() => fake.close());

async function tokenFailure(cache = new TokenCache({ timeoutMs: 300 })): Promise<WinkError> {
  const error = await cache.getToken(credential).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(WinkError);
  return error as WinkError;
}

describe("token requests", () => {
  it("authenticates with HTTP Basic of the URL-encoded id and secret, and asks for the scopes", async () => {
    await new TokenCache().getToken(credential);

    const [request] = fake.tokenRequests;
    const expected = Buffer.from(
      `${encodeURIComponent(TEST_CLIENT_ID)}:${encodeURIComponent(TEST_CLIENT_SECRET)}`,
    ).toString("base64");
    expect(request?.method).toBe("POST");
    expect(request?.headers.authorization).toBe(`Basic ${expected}`);
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(request?.body);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("scope")).toBe("account.read account.write account.remove");
    // Never both ways of authenticating.
    expect(form.has("client_secret")).toBe(false);
    expect(basicAuthorization("a b", "c:d")).toBe(`Basic ${btoa("a%20b:c%3Ad")}`);
  });

  it("makes exactly one token request for 100 concurrent calls on a cold cache", async () => {
    fake.onToken(issueTokens(3600, 50));
    // A generous time-out: on a busy machine 100 requests at once can take seconds, and a request
    // that timed out would be repeated, which is not what this test is about.
    const client = clientFor(fake, { timeoutMs: 15_000 });

    const results = await Promise.all(
      Array.from({ length: 100 }, () => client.listApplications("me-1")),
    );

    expect(results).toHaveLength(100);
    expect(fake.tokenRequests).toHaveLength(1);
    expect(fake.apiRequests).toHaveLength(100);
    expect(new Set(fake.apiRequests.map((r) => r.headers.authorization))).toEqual(
      new Set(["Bearer token-1"]),
    );
  });

  it("reuses a token, and refreshes it when less than max(30 s, 10%) of expires_in remains", async () => {
    let now = 1_000_000;
    const cache = new TokenCache({ now: () => now });

    expect(await cache.getToken(credential)).toBe("token-1");
    now += 3_200_000; // 400 s left of 3600: more than the 360 s margin
    expect(await cache.getToken(credential)).toBe("token-1");
    now += 50_000; // 350 s left: inside the margin
    expect(await cache.getToken(credential)).toBe("token-2");
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it("honours a short expires_in without refetching for every request", async () => {
    fake.onToken(issueTokens(2));
    let now = 0;
    const cache = new TokenCache({ now: () => now });

    expect(await cache.getToken(credential)).toBe("token-1");
    now += 900;
    expect(await cache.getToken(credential)).toBe("token-1");
    now += 200; // past half of a 2 s lifetime
    expect(await cache.getToken(credential)).toBe("token-2");
    expect(refreshMarginMs(3_600_000)).toBe(360_000);
    expect(refreshMarginMs(120_000)).toBe(30_000);
    expect(refreshMarginMs(2_000)).toBe(1_000);
  });

  it("keeps one token per token URL, client id and scopes", async () => {
    const cache = new TokenCache();
    await cache.getToken(credential);
    await cache.getToken({ ...credential, scopes: [...TEST_SCOPES].reverse() });
    expect(fake.tokenRequests).toHaveLength(1);
    await cache.getToken({ ...credential, scopes: ["account.read"] });
    await cache.getToken({ ...credential, clientId: "another" });
    expect(fake.tokenRequests).toHaveLength(3);
  });

  it("drops a token on invalidate(token), but not a newer one", async () => {
    const cache = new TokenCache();
    const first = await cache.getToken(credential);
    cache.forget(first);
    const second = await cache.getToken(credential);
    cache.forget(first); // a late 401 to the old token
    expect(await cache.getToken(credential)).toBe(second);
    expect([first, second]).toEqual(["token-1", "token-2"]);
  });

  it("keeps a token without expires_in until it is invalidated", async () => {
    fake.onToken(issueTokens(null));
    let now = 0;
    const cache = new TokenCache({ now: () => now });
    await cache.getToken(credential);
    now += 365 * 24 * 3600 * 1000;
    expect(await cache.getToken(credential)).toBe("token-1");
  });

  it("does not cache a failure: the next call asks again", async () => {
    fake.onToken((_request, response, n) =>
      n === 1 ? sendJson(response, 503, {}) : issueTokens()(_request, response, n),
    );
    const cache = new TokenCache();
    await expect(cache.getToken(credential)).rejects.toBeInstanceOf(WinkError);
    expect(await cache.getToken(credential)).toBe("token-2");
  });
});

describe("token errors (RFC 6749 section 5.2)", () => {
  it("maps invalid_client to the credential message", async () => {
    fake.onToken((_request, response) =>
      sendJson(response, 401, { error: "invalid_client", error_description: "Bad credentials" }),
    );
    const error = await tokenFailure();
    expect(error.kind).toBe("token");
    expect(error.code).toBe("invalid_client");
    expect(error.status).toBe(401);
    expect(error.outcome).toBe("not-performed");
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      "The console's Wink credential was refused: the client id or secret is wrong, or the application was rotated or deleted. Update WINK_CLIENT_ID and WINK_CLIENT_SECRET.",
    );
  });

  it("treats a bare 401 as invalid_client", async () => {
    fake.onToken((_request, response) => sendJson(response, 401, ""));
    expect((await tokenFailure()).code).toBe("invalid_client");
  });

  it("maps invalid_scope to a message that names the scopes", async () => {
    fake.onToken((_request, response) => sendJson(response, 400, { error: "invalid_scope" }));
    const error = await tokenFailure();
    expect(error.code).toBe("invalid_scope");
    expect(error.message).toContain("account.read account.write account.remove");
    expect(error.message).toContain("WINK_SCOPES");
  });

  it("names any other refusal with its code", async () => {
    fake.onToken((_request, response) =>
      sendJson(response, 400, { error: "unsupported_grant_type" }),
    );
    expect((await tokenFailure()).message).toContain("unsupported_grant_type");
  });

  it.each([
    [503, "is unavailable (HTTP 503)"],
    [500, "is unavailable (HTTP 500)"],
    [502, "is unavailable (HTTP 502)"],
    [429, "is receiving too many requests (HTTP 429)"],
  ])("says what a %s answer of the token endpoint means", async (status, words) => {
    fake.onToken((_q, response) => sendJson(response, status, "down"));
    const error = await tokenFailure();
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(`Wink's sign-in service ${words}. Try again in a moment.`);
    expect(error.message).not.toContain("unreachable");
  });

  it.each([
    ["a time-out", (fake: FakeWink) => fake.onToken(() => undefined)],
    ["a refused connection", async (fake: FakeWink) => fake.close()],
  ])("calls %s of the token endpoint unreachable", async (_name, breakIt) => {
    await breakIt(fake);
    const error = await tokenFailure();
    expect(error.code).toBe("unreachable");
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/^Wink's sign-in service is unreachable/);
  });

  it("refuses a success that is not a Bearer token", async () => {
    fake.onToken((_q, response) =>
      sendJson(response, 200, { access_token: "x", token_type: "mac" }),
    );
    expect((await tokenFailure()).code).toBe("invalid-response");
  });
});
