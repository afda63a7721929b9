import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "@/sandbox/testing/harness";
import type { RunningSandbox } from "@/sandbox/server";
import { createApplication, withoutEmptyLists } from "./operations";

describe("withoutEmptyLists", () => {
  it("drops empty lists and keeps the others and every other member", () => {
    expect(
      withoutEmptyLists({
        name: "A",
        redirectUris: [],
        postLogoutRedirectUris: ["https://a.example/bye"],
        scopes: [],
      }),
    ).toEqual({ name: "A", postLogoutRedirectUris: ["https://a.example/bye"] });
  });
});

describe("createApplication's body", () => {
  it("omits the redirect URI, post-logout and scope lists when they are empty", () => {
    const { body } = createApplication("me-1", {
      name: "Nightly export",
      clientType: "MACHINE_2_MACHINE",
      redirectUris: [],
      postLogoutRedirectUris: [],
      scopes: [],
      iconIdentifier: null,
    });
    expect(body).toEqual({
      name: "Nightly export",
      clientType: "MACHINE_2_MACHINE",
      iconIdentifier: null,
    });
    expect(Object.keys(body)).not.toContain("redirectUris");
  });

  it("sends lists that hold something", () => {
    const { body } = createApplication("me-1", {
      name: "Booking site",
      clientType: "WEB",
      redirectUris: ["https://app.example.com/cb"],
      scopes: ["booking.read"],
    });
    expect(body).toMatchObject({
      redirectUris: ["https://app.example.com/cb"],
      scopes: ["booking.read"],
    });
    expect(body).not.toHaveProperty("postLogoutRedirectUris");
  });
});

describe("the body against the sandbox", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox?.close());

  it("creates a machine-to-machine application with the lists left out, read back as empty", async () => {
    const form = new URLSearchParams({ grant_type: "client_credentials", scope: "account.write" });
    const basic = Buffer.from(
      "wink-console-sandbox:sandbox-console-secret-not-for-production",
    ).toString("base64");
    const token = (await (
      await fetch(`${sandbox.url}/oauth2/token`, {
        method: "POST",
        headers: {
          authorization: `Basic ${basic}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: form,
      })
    ).json()) as { access_token: string };

    const spec = createApplication(sandbox.managingEntityId, {
      name: "Nightly export",
      clientType: "MACHINE_2_MACHINE",
      redirectUris: [],
      postLogoutRedirectUris: [],
      scopes: [],
    });
    const response = await fetch(`${sandbox.url}${spec.path}`, {
      method: spec.method,
      headers: {
        authorization: `Bearer ${token.access_token}`,
        "content-type": "application/json",
        accept: "application/json",
        "wink-version": "2.0",
      },
      body: JSON.stringify(spec.body),
    });
    expect(response.status).toBe(201);
    const created = spec.schema.parse(await response.json());
    expect(created).toMatchObject({ redirectUris: [], postLogoutRedirectUris: [], scopes: [] });
  });
});
