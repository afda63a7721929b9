import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { hashSecret } from "../state/credentials";
import type { StoredApplication } from "../state/types";
import { encodeBasic, parseBasic, prepareTokenRequest } from "./token-request";

const app = {
  clientId: "client-1",
  secretHash: hashSecret("s3cret"),
  scopes: ["booking.read", "booking.write"],
} as StoredApplication;
const find = (clientId: string) => (clientId === app.clientId ? app : undefined);

function prepare(form: Record<string, string>, authorization?: string) {
  return prepareTokenRequest({ form: new URLSearchParams(form), authorization }, find);
}

describe("parseBasic and encodeBasic", () => {
  it("round-trip any client id and secret, whatever characters they hold", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (clientId, secret) => {
        expect(parseBasic(encodeBasic(clientId, secret))).toEqual({ clientId, secret });
      }),
    );
  });

  it("decode '+' as a space, as form-urlencoding says", () => {
    const header = `Basic ${Buffer.from("my+client:a+b").toString("base64")}`;
    expect(parseBasic(header)).toEqual({ clientId: "my client", secret: "a b" });
  });

  it.each(["Bearer abc", "Basic !!!", `Basic ${Buffer.from("no-colon").toString("base64")}`])(
    "return undefined for %s",
    (header) => expect(parseBasic(header)).toBeUndefined(),
  );
});

describe("prepareTokenRequest", () => {
  it("replaces a Basic secret by its hash, and adds the registered scopes", () => {
    const prepared = prepare(
      { grant_type: "client_credentials" },
      encodeBasic("client-1", "s3cret"),
    );
    expect(prepared).toMatchObject({ kind: "forward" });
    if (prepared.kind !== "forward") return;
    expect(parseBasic(prepared.authorization!)).toEqual({
      clientId: "client-1",
      secret: hashSecret("s3cret"),
    });
    expect(prepared.form.get("scope")).toBe("booking.read booking.write");
  });

  it("replaces a form-body secret by its hash", () => {
    const prepared = prepare({
      grant_type: "client_credentials",
      client_id: "client-1",
      client_secret: "s3cret",
      scope: "booking.read",
    });
    if (prepared.kind !== "forward") throw new Error("expected forward");
    expect(prepared.form.get("client_secret")).toBe(hashSecret("s3cret"));
    expect(prepared.form.get("scope")).toBe("booking.read");
    expect(prepared.authorization).toBeUndefined();
  });

  it("rejects a scope outside the catalogue once the client has authenticated", () => {
    expect(
      prepare({
        grant_type: "client_credentials",
        client_id: "client-1",
        client_secret: "s3cret",
        scope: "booking.read root",
      }),
    ).toEqual({ kind: "reject", error: "invalid_scope", description: "unknown scope 'root'" });
    expect(
      prepare({
        grant_type: "client_credentials",
        client_id: "client-1",
        client_secret: "wrong",
        scope: "root",
      }),
    ).toMatchObject({ kind: "forward" });
  });

  it("leaves both mechanisms at once untouched for the provider to refuse", () => {
    const authorization = encodeBasic("client-1", "s3cret");
    const prepared = prepare(
      { grant_type: "client_credentials", client_id: "client-1", client_secret: "s3cret" },
      authorization,
    );
    expect(prepared).toMatchObject({ kind: "forward", authorization });
    if (prepared.kind === "forward") expect(prepared.form.get("client_secret")).toBe("s3cret");
  });

  it("does not add scopes to other grants", () => {
    const prepared = prepare(
      { grant_type: "authorization_code", code: "x" },
      encodeBasic("client-1", "s3cret"),
    );
    if (prepared.kind !== "forward") throw new Error("expected forward");
    expect(prepared.form.has("scope")).toBe(false);
  });
});
