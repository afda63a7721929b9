import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { getWinkClient } from "@/lib/wink";
import {
  sendJson,
  startFakeWink,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type FakeWink,
} from "@/lib/wink/testing/fake-wink";
import { GET } from "./route";

const METRICS_TOKEN = "metrics-bearer-token-for-tests-42";
const ENTITY_ID = "entity-7d1f-not-a-label";
const APPLICATION = {
  id: "application-id-not-a-label",
  userIdentifier: "user-1",
  name: "Booking engine",
  clientId: "client-id-not-a-label",
  redirectUris: ["https://hotel.example/callback"],
  postLogoutRedirectUris: [],
  scopes: ["booking.read"],
  iconIdentifier: null,
};
const SETTINGS = {
  WINK_API_URL: "",
  WINK_TOKEN_URL: "",
  WINK_CLIENT_ID: TEST_CLIENT_ID,
  WINK_CLIENT_SECRET: TEST_CLIENT_SECRET,
  AUTH_SECRET: "auth-secret-for-the-metrics-route-test-0123",
  CONSOLE_METRICS_TOKEN: METRICS_TOKEN,
};
const CLIENT_KEY = Symbol.for("wink-console.wink-client");

let fake: FakeWink;
const saved: Record<string, string | undefined> = {};

function get(authorization?: string) {
  const headers = authorization ? { authorization } : undefined;
  return GET(new Request("http://console.test/api/metrics", { headers }));
}

beforeAll(async () => {
  fake = await startFakeWink();
  fake.onApi((_request, response) => sendJson(response, 200, [APPLICATION]));
  for (const [name, value] of Object.entries({
    ...SETTINGS,
    WINK_API_URL: fake.url,
    WINK_TOKEN_URL: fake.tokenUrl,
  })) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  resetEnvForTests();
  delete (globalThis as Record<symbol, unknown>)[CLIENT_KEY];
});

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
  delete (globalThis as Record<symbol, unknown>)[CLIENT_KEY];
  await fake.close();
});

describe("GET /api/metrics", () => {
  it("answers 401 without the bearer token or with a wrong one", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-0123456789", METRICS_TOKEN]) {
      const response = await get(authorization);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain("console_");
    }
  });

  it("counts a list read at Wink, and carries no id, token or secret", async () => {
    await getWinkClient().listApplications(ENTITY_ID);
    const response = await get(`Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await response.text();
    expect(body).toContain(
      'console_wink_requests_total{operation="listApplications",status_class="2xx",outcome="ok"} 1',
    );
    expect(body).toContain('console_wink_token_requests_total{outcome="ok"} 1');
    expect(body).toContain("process_cpu_seconds_total");
    for (const text of [
      METRICS_TOKEN,
      TEST_CLIENT_SECRET,
      TEST_CLIENT_ID,
      "token-1",
      ENTITY_ID,
      APPLICATION.id,
      APPLICATION.clientId,
      fake.url,
    ])
      expect(body).not.toContain(text);
  });

  it("does not exist when CONSOLE_METRICS_TOKEN is unset", async () => {
    delete process.env.CONSOLE_METRICS_TOKEN;
    resetEnvForTests();
    const response = await get(`Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(404);
  });
});
