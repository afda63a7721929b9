import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEFAULTS } from "../options";
import type { RunningSandbox } from "../server";
import {
  accessToken,
  applicationsPath,
  basicAuthorization,
  callApi,
  createApplication,
  requestToken,
  startTestSandbox,
} from "../testing/harness";

let sandbox: RunningSandbox;
let consoleToken: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await sandbox.reset();
  consoleToken = await accessToken(sandbox);
});

const credentialOf = (app: { clientId: string; secretKey: string }) => ({
  clientId: app.clientId,
  clientSecret: app.secretKey,
});

describe("client authentication", () => {
  it.each(["basic", "body"] as const)("issues a token with credentials in %s", async (via) => {
    const response = await requestToken(sandbox, sandbox.consoleCredential, {
      via,
      scope: "account.read",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 300,
      scope: "account.read",
    });
    expect(response.headers.get("cache-control")).toContain("no-store");
  });

  it("refuses credentials in both places with invalid_request", async () => {
    const response = await requestToken(sandbox, sandbox.consoleCredential, { via: "both" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: "invalid_request" });
  });

  it.each([
    ["a wrong secret", { clientId: DEFAULTS.consoleClientId, clientSecret: "wrong" }],
    ["an unknown client", { clientId: "nobody", clientSecret: "whatever" }],
    ["the stored hash as the secret", { clientId: DEFAULTS.consoleClientId, clientSecret: "" }],
  ])("answers invalid_client (401) for %s", async (_label, credential) => {
    if (!credential.clientSecret) {
      // Presenting the hash itself must not work: it is hashed again before the comparison.
      const { createHash } = await import("node:crypto");
      credential.clientSecret = createHash("sha256")
        .update(sandbox.consoleCredential.clientSecret)
        .digest("hex");
    }
    for (const via of ["basic", "body"] as const) {
      const response = await requestToken(sandbox, credential, { via });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: "invalid_client" });
    }
  });

  it("answers unsupported_grant_type for another grant", async () => {
    const response = await requestToken(sandbox, sandbox.consoleCredential, {
      grantType: "password",
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: "unsupported_grant_type" });
  });

  it("accepts a Basic header with form-urlencoded parts", async () => {
    const app = await createApplication(sandbox, consoleToken, { scopes: ["booking.read"] });
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    const response = await fetch(sandbox.tokenUrl, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: basicAuthorization(credentialOf(app)),
      },
      body: form,
    });
    expect(response.status).toBe(200);
  });
});

describe("scopes", () => {
  it("grants every registered scope when none is asked for", async () => {
    const response = await requestToken(sandbox, sandbox.consoleCredential);
    expect(response.body).toMatchObject({ scope: "account.read account.write account.remove" });
  });

  it("refuses a scope the application is not registered for", async () => {
    const response = await requestToken(sandbox, sandbox.consoleCredential, {
      scope: "account.read booking.read",
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: "invalid_scope" });
  });

  it("refuses a scope that does not exist, naming it", async () => {
    const response = await requestToken(sandbox, sandbox.consoleCredential, {
      scope: "account.read hotel.read",
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: "invalid_scope",
      error_description: "unknown scope 'hotel.read'",
    });
  });

  it("still says invalid_client, not invalid_scope, to a client that fails to authenticate", async () => {
    const response = await requestToken(
      sandbox,
      { clientId: sandbox.consoleCredential.clientId, clientSecret: "wrong" },
      { scope: "hotel.read" },
    );
    expect(response.body).toMatchObject({ error: "invalid_client" });
  });

  it("gives a created application's secret a token with at most its scopes", async () => {
    const app = await createApplication(sandbox, consoleToken, {
      scopes: ["booking.read", "booking.write", "payment.read"],
    });
    const all = await requestToken(sandbox, credentialOf(app));
    expect(all.body).toMatchObject({ scope: "booking.read booking.write payment.read" });
    const narrow = await requestToken(sandbox, credentialOf(app), { scope: "booking.read" });
    expect(narrow.body).toMatchObject({ scope: "booking.read" });
    const beyond = await requestToken(sandbox, credentialOf(app), { scope: "payment.write" });
    expect(beyond.body).toMatchObject({ error: "invalid_scope" });
  });

  it("gives an OIDC-only application a token with no scope at all", async () => {
    const app = await createApplication(sandbox, consoleToken, { clientType: "WEB", scopes: [] });
    const plain = await requestToken(sandbox, credentialOf(app));
    expect(plain.status).toBe(200);
    expect(plain.body).not.toHaveProperty("scope");
    for (const scope of ["account.read", "openid"]) {
      const response = await requestToken(sandbox, credentialOf(app), { scope });
      expect(response.body).toMatchObject({ error: "invalid_scope" });
    }
  });

  it("keeps a token's scopes as issued after the application is narrowed", async () => {
    const app = await createApplication(sandbox, consoleToken, {
      scopes: ["account.read", "booking.read"],
    });
    const token = await accessToken(sandbox, credentialOf(app), "account.read");
    await callApi(sandbox, applicationsPath(sandbox, `/${app.id}`), {
      method: "PATCH",
      token: consoleToken,
      body: { name: app.name, scopes: ["booking.read"] },
    });
    expect((await callApi(sandbox, "/api/managing-entity/list", { token })).status).toBe(200);
    expect(
      (await requestToken(sandbox, credentialOf(app), { scope: "account.read" })).body,
    ).toMatchObject({
      error: "invalid_scope",
    });
  });
});

describe("rotation and deletion", () => {
  it("after a rotate the old pair is invalid_client, its token is refused, the new pair works", async () => {
    const app = await createApplication(sandbox, consoleToken, { scopes: ["account.read"] });
    const oldToken = await accessToken(sandbox, credentialOf(app));
    expect((await callApi(sandbox, "/api/managing-entity/list", { token: oldToken })).status).toBe(
      200,
    );

    const rotated = (
      await callApi(sandbox, applicationsPath(sandbox, `/${app.id}/revoke`), {
        token: consoleToken,
      })
    ).body as { clientId: string; secretKey: string };

    for (const via of ["basic", "body"] as const) {
      const old = await requestToken(sandbox, credentialOf(app), { via });
      expect(old.body).toMatchObject({ error: "invalid_client" });
    }
    // The old clientId with the new secret does not work either: the clientId changed.
    const mixed = await requestToken(sandbox, {
      clientId: app.clientId,
      clientSecret: rotated.secretKey,
    });
    expect(mixed.body).toMatchObject({ error: "invalid_client" });

    const refused = await callApi(sandbox, "/api/managing-entity/list", { token: oldToken });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/invalid_token/);

    const newToken = await accessToken(sandbox, credentialOf(rotated));
    expect((await callApi(sandbox, "/api/managing-entity/list", { token: newToken })).status).toBe(
      200,
    );
  });

  it("after a delete the pair is invalid_client and its token is refused", async () => {
    const app = await createApplication(sandbox, consoleToken, { scopes: ["account.read"] });
    const token = await accessToken(sandbox, credentialOf(app));
    await callApi(sandbox, applicationsPath(sandbox, `/${app.id}`), {
      method: "DELETE",
      token: consoleToken,
    });
    expect((await requestToken(sandbox, credentialOf(app))).body).toMatchObject({
      error: "invalid_client",
    });
    expect((await callApi(sandbox, "/api/managing-entity/list", { token })).status).toBe(401);
  });

  it("locks the console out when it rotates its own credential", async () => {
    const consoleApp = sandbox.consoleCredential;
    const path = applicationsPath(sandbox, "/0b7e5c1a-3f2d-4e8b-9a6c-5d4e3f2a1b0c/revoke");
    expect((await callApi(sandbox, path, { token: consoleToken })).status).toBe(200);
    expect(sandbox.consoleCredentialWorks()).toBe(false);
    expect((await requestToken(sandbox, consoleApp)).body).toMatchObject({
      error: "invalid_client",
    });
    await sandbox.reset();
    expect(sandbox.consoleCredentialWorks()).toBe(true);
  });

  it("counts token requests and tokens issued", async () => {
    await sandbox.reset();
    await requestToken(sandbox, sandbox.consoleCredential);
    await requestToken(sandbox, { clientId: "nobody", clientSecret: "x" });
    expect(sandbox.stats().tokens).toEqual({ requests: 2, issued: 1 });
  });
});
