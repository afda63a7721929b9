import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { RunningSandbox } from "../server";
import { CONSOLE_APPLICATION_ID, FOUNDING_APPLICATION_ID } from "../state/seed";
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
beforeEach(() => sandbox.reset());

type Application = Record<string, unknown> & { id: string; name: string; clientId: string };

describe("list and get", () => {
  it("lists the seeded applications as a plain array without type, timestamps or secret", async () => {
    const response = await callApi(sandbox, applicationsPath(sandbox, "/list"), { token });
    expect(response.status).toBe(200);
    const apps = response.body as Application[];
    expect(apps.map((app) => app.name)).toEqual(
      expect.arrayContaining([
        "Sandbox Travel Co.",
        "Applications Console",
        "Partner Portal Sign-in",
      ]),
    );
    for (const app of apps) {
      expect(Object.keys(app).sort()).toEqual(
        [
          "clientId",
          "iconIdentifier",
          "id",
          "name",
          "postLogoutRedirectUris",
          "redirectUris",
          "scopes",
          "userIdentifier",
        ].sort(),
      );
    }
  });

  it("seeds samples that cover OIDC-only, payment and mcp, and no network icon", async () => {
    const apps = (await callApi(sandbox, applicationsPath(sandbox, "/list"), { token }))
      .body as (Application & { scopes: string[]; iconIdentifier: string | null })[];
    expect(apps.some((app) => app.scopes.length === 0)).toBe(true);
    expect(apps.some((app) => app.scopes.includes("payment.write"))).toBe(true);
    expect(apps.some((app) => app.scopes.includes("mcp.read"))).toBe(true);
    // An icon is an image on res.cloudinary.com: offline, an error in the browser's console.
    expect(apps.filter((app) => app.iconIdentifier !== null)).toEqual([]);
  });

  it("gets one application, and 404 for an unknown id", async () => {
    const found = await callApi(sandbox, applicationsPath(sandbox, `/${CONSOLE_APPLICATION_ID}`), {
      token,
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      id: CONSOLE_APPLICATION_ID,
      clientId: sandbox.consoleCredential.clientId,
      scopes: ["account.read", "account.write", "account.remove"],
    });
    expect(found.body).not.toHaveProperty("clientType");

    const missing = await callApi(sandbox, applicationsPath(sandbox, "/no-such-application"), {
      token,
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect(missing.body).toMatchObject({ status: 404, title: "Not Found" });
  });
});

describe("create", () => {
  it("answers 201 with the secret once, and never shows it again", async () => {
    const response = await callApi(sandbox, applicationsPath(sandbox), {
      method: "POST",
      token,
      body: {
        name: "  Booking widget  ",
        clientType: "SPA",
        redirectUris: ["https://widget.example/callback"],
        postLogoutRedirectUris: ["https://widget.example/"],
        scopes: ["booking.read", "inventory.read"],
        iconIdentifier: "widgets/icon",
      },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const created = response.body as Application & { secretKey: string };
    expect(created).toMatchObject({
      name: "Booking widget",
      redirectUris: ["https://widget.example/callback"],
      postLogoutRedirectUris: ["https://widget.example/"],
      scopes: ["booking.read", "inventory.read"],
    });
    expect(created.secretKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const fetched = await callApi(sandbox, applicationsPath(sandbox, `/${created.id}`), { token });
    expect(fetched.body).toMatchObject({ name: "Booking widget", iconIdentifier: "widgets/icon" });
    expect(fetched.text).not.toContain(created.secretKey);
    const listed = await callApi(sandbox, applicationsPath(sandbox, "/list"), { token });
    expect(listed.text).not.toContain(created.secretKey);
    expect(sandbox.stats().mutations.byApplication[created.id]).toEqual({ creates: 1 });
  });

  it.each([
    [{ clientType: "WEB" }, "name", "is required"],
    [{ name: "   ", clientType: "WEB" }, "name", "must not be blank"],
    [{ name: "x".repeat(101), clientType: "WEB" }, "name", "must be at most 100 characters"],
    [{ name: "No type" }, "clientType", "is required"],
    [{ name: "Bad type", clientType: "DESKTOP" }, "clientType", "must be one of"],
    [
      { name: "Relative", clientType: "WEB", redirectUris: ["/callback"] },
      "redirectUris[0]",
      "absolute URI",
    ],
    [
      { name: "Not a list", clientType: "WEB", postLogoutRedirectUris: "https://a.example" },
      "postLogoutRedirectUris",
      "list",
    ],
    [
      { name: "Unknown scope", clientType: "WEB", scopes: ["booking.read", "hotel.read"] },
      "scopes[1]",
      "unknown scope 'hotel.read'",
    ],
    [
      { name: "Twice", clientType: "WEB", scopes: ["booking.read", "booking.read"] },
      "scopes",
      "must not repeat",
    ],
    [{ name: "Icon", clientType: "WEB", iconIdentifier: 42 }, "iconIdentifier", "string or null"],
  ])("refuses %j naming %s", async (body, field, message) => {
    const response = await callApi(sandbox, applicationsPath(sandbox), {
      method: "POST",
      token,
      body,
    });
    expect(response.status).toBe(400);
    const problem = response.body as {
      detail: string;
      properties: { errors: { field: string; message: string }[] };
    };
    expect(problem.detail).toContain(field);
    expect(problem.properties.errors).toContainEqual({
      field,
      message: expect.stringContaining(message),
    });
    expect(sandbox.stats().mutations.creates).toBe(0);
  });

  it("accepts custom schemes for mobile redirect URIs", async () => {
    const created = await createApplication(sandbox, token, {
      clientType: "MOBILE",
      redirectUris: ["travel.example.app:/callback"],
    });
    expect(created.id).toBeTruthy();
  });
});

describe("update", () => {
  it("replaces the fields it is given and answers id, name and redirectUris", async () => {
    const created = await createApplication(sandbox, token, {
      redirectUris: ["https://a.example/cb"],
      scopes: ["booking.read"],
      iconIdentifier: "icons/a",
    });
    const response = await callApi(sandbox, applicationsPath(sandbox, `/${created.id}`), {
      method: "PATCH",
      token,
      body: { name: "Renamed", scopes: ["booking.read", "booking.write"], iconIdentifier: null },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: created.id,
      name: "Renamed",
      redirectUris: ["https://a.example/cb"],
    });
    const fetched = await callApi(sandbox, applicationsPath(sandbox, `/${created.id}`), { token });
    expect(fetched.body).toMatchObject({
      name: "Renamed",
      clientId: created.clientId,
      redirectUris: ["https://a.example/cb"],
      scopes: ["booking.read", "booking.write"],
      iconIdentifier: null,
    });
    expect(sandbox.stats().mutations.updates).toBe(1);
  });

  it("requires the name, and 404s an unknown application", async () => {
    const path = applicationsPath(sandbox, `/${CONSOLE_APPLICATION_ID}`);
    const noName = await callApi(sandbox, path, { method: "PATCH", token, body: { scopes: [] } });
    expect(noName.status).toBe(400);
    expect(noName.body).toMatchObject({
      properties: { errors: [{ field: "name", message: "is required" }] },
    });

    const unknown = await callApi(sandbox, applicationsPath(sandbox, "/missing"), {
      method: "PATCH",
      token,
      body: { name: "x" },
    });
    expect(unknown.status).toBe(404);
  });
});

describe("delete", () => {
  it("deletes with 200 and success true", async () => {
    const created = await createApplication(sandbox, token);
    const path = applicationsPath(sandbox, `/${created.id}`);
    const response = await callApi(sandbox, path, { method: "DELETE", token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: created.id, success: true });
    expect((await callApi(sandbox, path, { token })).status).toBe(404);
    expect((await callApi(sandbox, path, { method: "DELETE", token })).status).toBe(404);
  });

  it("refuses the account's founding application with success false", async () => {
    const path = applicationsPath(sandbox, `/${FOUNDING_APPLICATION_ID}`);
    const response = await callApi(sandbox, path, { method: "DELETE", token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: FOUNDING_APPLICATION_ID, success: false });
    expect((response.body as { message: string }).message).toMatch(/cannot be deleted/);
    expect((await callApi(sandbox, path, { token })).status).toBe(200);
    expect(sandbox.stats().mutations.deletes).toBe(0);
  });
});

describe("rotate", () => {
  it("is a GET that answers a new clientId and secret", async () => {
    const created = await createApplication(sandbox, token);
    const response = await callApi(sandbox, applicationsPath(sandbox, `/${created.id}/revoke`), {
      token,
    });
    expect(response.status).toBe(200);
    const rotated = response.body as { id: string; clientId: string; secretKey: string };
    expect(rotated.id).toBe(created.id);
    expect(rotated.clientId).not.toBe(created.clientId);
    expect(rotated.secretKey).not.toBe(created.secretKey);
    const fetched = await callApi(sandbox, applicationsPath(sandbox, `/${created.id}`), { token });
    expect(fetched.body).toMatchObject({ clientId: rotated.clientId });
    expect(sandbox.stats().mutations.byApplication[created.id]).toEqual({
      creates: 1,
      rotations: 1,
    });
  });

  it("404s an unknown application", async () => {
    const response = await callApi(sandbox, applicationsPath(sandbox, "/missing/revoke"), {
      token,
    });
    expect(response.status).toBe(404);
  });
});
