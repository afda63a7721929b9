import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { RunningSandbox } from "../server";
import { CONSOLE_APPLICATION_ID } from "../state/seed";
import {
  accessToken,
  applicationsPath,
  callApi,
  createApplication,
  startTestSandbox,
} from "../testing/harness";

let sandbox: RunningSandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await accessToken(sandbox);
});
afterAll(() => sandbox.close());

describe("Wink-Version", () => {
  it.each([
    [null, "is required"],
    ["2.0.0", "Invalid API version: '2.0.0'"],
    ["1.0", "Invalid API version: '1.0'"],
  ])(
    "answers 400 for %s, with the supported version under properties",
    async (winkVersion, detail) => {
      const response = await callApi(sandbox, applicationsPath(sandbox, "/list"), {
        token,
        winkVersion,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.body).toMatchObject({
        status: 400,
        detail: expect.stringContaining(detail),
        properties: { header: "Wink-Version", supportedVersions: ["2.0"] },
      });
    },
  );
});

describe("authentication", () => {
  it("answers 401 with a bare Bearer challenge when no token is sent", async () => {
    const response = await callApi(sandbox, applicationsPath(sandbox, "/list"));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(response.body).toMatchObject({ status: 401, title: "Unauthorized" });
  });

  it.each([
    ["an unknown token", "not-a-token"],
    ["a malformed header value", "a b c"],
  ])("answers 401 invalid_token for %s", async (_label, bad) => {
    const response = await callApi(sandbox, applicationsPath(sandbox, "/list"), { token: bad });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
  });

  it("answers 401 once the token has expired", async () => {
    const expiring = await accessToken(sandbox);
    expect(
      (await callApi(sandbox, applicationsPath(sandbox, "/list"), { token: expiring })).status,
    ).toBe(200);
    // The sandbox runs in this process: move its clock past the token's 300 s instead of waiting.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 301_000 });
    try {
      const response = await callApi(sandbox, applicationsPath(sandbox, "/list"), {
        token: expiring,
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/invalid_token/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("checks the token before the version", async () => {
    const response = await callApi(sandbox, applicationsPath(sandbox, "/list"), {
      winkVersion: null,
    });
    expect(response.status).toBe(401);
  });
});

describe("scopes", () => {
  const path = (suffix: string) => applicationsPath(sandbox, suffix);

  it.each([
    ["list", "GET", "/list", "account.write account.remove", "account.read"],
    ["get", "GET", `/${CONSOLE_APPLICATION_ID}`, "account.write", "account.read"],
    ["create", "POST", "", "account.read account.remove", "account.write"],
    ["update", "PATCH", `/${CONSOLE_APPLICATION_ID}`, "account.read", "account.write"],
    [
      "rotate",
      "GET",
      `/${CONSOLE_APPLICATION_ID}/revoke`,
      "account.read account.remove",
      "account.write",
    ],
    [
      "delete",
      "DELETE",
      `/${CONSOLE_APPLICATION_ID}`,
      "account.read account.write",
      "account.remove",
    ],
  ])(
    "%s without its scope answers 403 naming it",
    async (_op, method, suffix, granted, missing) => {
      const narrow = await accessToken(sandbox, sandbox.consoleCredential, granted);
      const response = await callApi(sandbox, path(suffix), {
        method,
        token: narrow,
        body:
          method === "POST" || method === "PATCH" ? { name: "x", clientType: "WEB" } : undefined,
      });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ status: 403, requiredScope: missing });
      expect((response.body as { detail: string }).detail).toContain(missing);
      expect(response.headers.get("www-authenticate")).toContain(`scope="${missing}"`);
      expect(sandbox.stats().mutations.rotations).toBe(0);
    },
  );

  it("lets a token without account scopes do nothing", async () => {
    const app = await createApplication(sandbox, token, { scopes: ["booking.read"] });
    const bookingOnly = await accessToken(sandbox, {
      clientId: app.clientId,
      clientSecret: app.secretKey,
    });
    const response = await callApi(sandbox, "/api/managing-entity/list", { token: bookingOnly });
    expect(response.status).toBe(403);
  });
});

describe("requests the API cannot take", () => {
  it("answers 404 for an unknown managing entity", async () => {
    const response = await callApi(
      sandbox,
      "/api/managing-entity/00000000-0000-4000-8000-000000000000/application/list",
      { token },
    );
    expect(response.status).toBe(404);
    expect((response.body as { detail: string }).detail).toContain("Managing entity");
  });

  it("answers 415 for a body that is not JSON", async () => {
    const response = await callApi(sandbox, applicationsPath(sandbox), {
      method: "POST",
      token,
      rawBody: "name=x",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(415);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers 400 for malformed JSON and for a missing body", async () => {
    const malformed = await callApi(sandbox, applicationsPath(sandbox), {
      method: "POST",
      token,
      rawBody: '{"name": ',
    });
    expect(malformed.status).toBe(400);
    expect((malformed.body as { detail: string }).detail).toMatch(/malformed JSON/);

    const empty = await callApi(sandbox, applicationsPath(sandbox), {
      method: "POST",
      token,
      rawBody: "",
      contentType: "application/json",
    });
    expect(empty.status).toBe(400);
  });

  it("answers 400 for a JSON body that is not an object", async () => {
    const response = await callApi(sandbox, applicationsPath(sandbox), {
      method: "POST",
      token,
      body: [1],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ properties: { errors: [{ field: "body" }] } });
  });

  it("answers 405 with Allow for a method the path does not take", async () => {
    const response = await fetch(`${sandbox.url}${applicationsPath(sandbox, "/list")}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "wink-version": "2.0" },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
  });

  it("answers 404 outside the API", async () => {
    expect((await fetch(`${sandbox.url}/api/nothing-here`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/__nope`)).status).toBe(404);
  });
});
