import { describe, expect, it } from "vitest";
import {
  createApplicationSchema,
  redirectUriProblem,
  updateApplicationSchema,
} from "./form-schema";

const valid = {
  name: "  Booking site  ",
  clientType: "WEB" as const,
  redirectUris: ["https://app.example.com/callback"],
  postLogoutRedirectUris: [],
  scopes: ["booking.read"],
  iconIdentifier: "",
};

function fieldErrors(input: unknown, schema = createApplicationSchema) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join("."), issue.message]),
  );
}

describe("createApplicationSchema", () => {
  it("accepts a valid application, trims the name and turns an empty icon into null", () => {
    const result = createApplicationSchema.parse(valid);
    expect(result.name).toBe("Booking site");
    expect(result.iconIdentifier).toBeNull();
  });

  it("requires a name, within the maximum length", () => {
    expect(fieldErrors({ ...valid, name: "   " })).toHaveProperty("name");
    expect(fieldErrors({ ...valid, name: "x".repeat(101) })).toHaveProperty("name");
    expect(fieldErrors({ ...valid, name: "x".repeat(100) })).toEqual({});
  });

  it("requires a known client type", () => {
    expect(fieldErrors({ ...valid, clientType: "DESKTOP" })).toHaveProperty("clientType");
  });

  it("requires a redirect URI for interactive clients and none for machine-to-machine", () => {
    for (const clientType of ["WEB", "SPA", "MOBILE"]) {
      expect(fieldErrors({ ...valid, clientType, redirectUris: [] })).toHaveProperty(
        "redirectUris",
      );
    }
    expect(fieldErrors({ ...valid, clientType: "MACHINE_2_MACHINE" })).toHaveProperty(
      "redirectUris",
    );
    expect(
      fieldErrors({
        ...valid,
        clientType: "MACHINE_2_MACHINE",
        redirectUris: [],
        postLogoutRedirectUris: ["https://app.example.com/bye"],
      }),
    ).toHaveProperty("postLogoutRedirectUris");
    expect(fieldErrors({ ...valid, clientType: "MACHINE_2_MACHINE", redirectUris: [] })).toEqual(
      {},
    );
  });

  it("names the row of a bad URI and of a duplicate", () => {
    const errors = fieldErrors({
      ...valid,
      redirectUris: [
        "https://app.example.com/callback",
        "https://app.example.com/callback",
        "https://*.example.com/callback",
      ],
    });
    expect(errors["redirectUris.1"]).toMatch(/twice/);
    expect(errors["redirectUris.2"]).toMatch(/Wildcards/);
    expect(errors).not.toHaveProperty("redirectUris.0");
  });

  it("accepts only catalogue scopes, each once", () => {
    expect(fieldErrors({ ...valid, scopes: ["booking.read", "booking.read"] })).toHaveProperty(
      "scopes",
    );
    expect(fieldErrors({ ...valid, scopes: ["booking.delete"] })).toHaveProperty("scopes");
    expect(fieldErrors({ ...valid, scopes: [] })).toEqual({});
  });

  it("validates the icon as a Cloudinary public ID", () => {
    expect(fieldErrors({ ...valid, iconIdentifier: "brand/app-icon_v2.png" })).toEqual({});
    for (const bad of ["../secret", "/abs", "folder/", "has space", "<script>", "a".repeat(256)]) {
      expect(fieldErrors({ ...valid, iconIdentifier: bad })).toHaveProperty("iconIdentifier");
    }
  });
});

describe("redirectUriProblem", () => {
  it.each([
    ["https://app.example.com/callback", "WEB"],
    ["http://localhost:8080/callback", "WEB"],
    ["http://127.0.0.1/callback", "SPA"],
    ["http://[::1]:3000/cb", "SPA"],
    ["com.example.app:/oauth2redirect", "MOBILE"],
  ] as const)("accepts %s for %s", (uri, clientType) => {
    expect(redirectUriProblem(uri, clientType)).toBeNull();
  });

  it.each([
    ["", "WEB", /Enter a URI/],
    ["/callback", "WEB", /absolute/],
    ["app.example.com/callback", "WEB", /absolute/],
    ["http://app.example.com/callback", "WEB", /https/],
    ["https://app.example.com/callback#top", "WEB", /fragment/],
    ["https://*.example.com/callback", "SPA", /Wildcards/],
    ["com.example.app:/oauth2redirect", "WEB", /Custom schemes/],
    ["javascript:alert(1)", "MOBILE", /not allowed/],
    ["data:text/html,hi", "MOBILE", /not allowed/],
    ["https://user:pw@app.example.com/cb", "WEB", /user name/],
    ["http://localhost.evil.com/cb", "WEB", /https/],
  ] as const)("refuses %j for %s", (uri, clientType, message) => {
    expect(redirectUriProblem(uri, clientType)).toMatch(message);
  });

  it("allows custom schemes when editing, since the type is unknown", () => {
    expect(redirectUriProblem("com.example.app:/cb", undefined)).toBeNull();
  });
});

describe("updateApplicationSchema", () => {
  it("has no client type and still checks every URI", () => {
    const { clientType: _ignored, ...edit } = valid;
    void _ignored;
    expect(updateApplicationSchema.safeParse(edit).success).toBe(true);
    expect(
      fieldErrors(
        { ...edit, redirectUris: ["https://a.example.com/x#frag"] },
        updateApplicationSchema as never,
      ),
    ).toHaveProperty("redirectUris.0");
  });
});

describe("every problem in one parse", () => {
  it("reports a javascript: redirect URI even when no client type was chosen", () => {
    const errors = fieldErrors({
      ...valid,
      clientType: undefined,
      redirectUris: ["javascript:alert(1)"],
    });
    expect(errors).toHaveProperty("clientType");
    expect(errors["redirectUris.0"]).toMatch(/javascript: URIs are not allowed/);
  });

  it("reports every bad row and field at once, whatever else failed", () => {
    const errors = fieldErrors({
      ...valid,
      name: "",
      clientType: "DESKTOP",
      redirectUris: ["http://example.com/cb", "https://a.example/cb#x", "data:text/html,x"],
      postLogoutRedirectUris: ["file:///etc/passwd"],
      iconIdentifier: "../x",
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        "name",
        "clientType",
        "redirectUris.0",
        "redirectUris.1",
        "redirectUris.2",
        "postLogoutRedirectUris.0",
        "iconIdentifier",
      ].sort(),
    );
  });

  it("reports a bad name and a bad URI together on an edit", () => {
    const errors = fieldErrors(
      { ...valid, clientType: undefined, name: " ", redirectUris: ["myapp://cb#fragment"] },
      updateApplicationSchema as never,
    );
    expect(errors).toHaveProperty("name");
    expect(errors).toHaveProperty("redirectUris.0");
  });

  it("leaves lists that are not lists of strings to their own errors", () => {
    const errors = fieldErrors({ ...valid, clientType: undefined, redirectUris: "x" });
    expect(errors).toHaveProperty("redirectUris");
    expect(errors).toHaveProperty("clientType");
  });
});
