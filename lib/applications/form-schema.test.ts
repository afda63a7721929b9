import { describe, expect, it } from "vitest";
import { createApplicationSchema, updateApplicationSchema } from "./form-schema";
import { redirectUriProblem } from "./redirect-uri-rules";

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

describe("application names", () => {
  const nameError = (name: unknown) => fieldErrors({ ...valid, name }).name;

  it("refuses names that show nothing once invisible characters are removed", () => {
    for (const name of [
      "\u200B",
      "\u200B\u200C\u200D\u2060",
      " \uFEFF ",
      "\u2066\u2069",
      "\uFE0F",
      "\u3164\u3164",
      "\u00AD",
      "\u{E0041}",
    ]) {
      expect(nameError(name), JSON.stringify(name)).toMatch(/invisible/);
    }
  });

  it("refuses control characters and line breaks", () => {
    for (const name of ["Booking\tsite", "Booking\nsite", "Bad\u0000", "Bad\u0085", "a\u2028b"]) {
      expect(nameError(name), JSON.stringify(name)).toMatch(/control/);
    }
  });

  it("refuses bidi overrides, which make a name read in another order", () => {
    expect(nameError("\u202Econfirm")).toMatch(/bidi/);
    expect(nameError("Invoice \u202Dfdp.exe")).toMatch(/bidi/);
  });

  it("normalises to NFC and keeps every script, emoji and joiner inside a name", () => {
    expect(createApplicationSchema.parse({ ...valid, name: "Cafe\u0301" }).name).toBe("Caf\u00E9");
    for (const name of ["😀 Emoji Bot", "👩‍💻 Dev", "予約 サイト", "שלום עולם", "x".repeat(100)]) {
      expect(createApplicationSchema.parse({ ...valid, name }).name, name).toBe(name);
    }
  });

  it("applies the same rules to an edit", () => {
    const { clientType: _ignored, ...edit } = valid;
    void _ignored;
    expect(updateApplicationSchema.safeParse({ ...edit, name: "\u200B" }).success).toBe(false);
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
    ["https://evil.example\\@good.example/cb", "WEB", /backslash/],
    ["https://user:pass@good.example/cb", "WEB", /user name/],
    ["https://good.example@evil.example/cb", "WEB", /user name/],
    ["https://app.exa\tmple.com/cb", "WEB", /tabs/],
    ["https://app.example.com/c\nb", "WEB", /line breaks/],
    ["https:///path", "WEB", /host/],
    ["https://APP.Example.com/cb", "WEB", /Did you mean https:\/\/app\.example\.com\/cb/],
    ["http://LOCALHOST:3000/cb", "SPA", /Did you mean http:\/\/localhost:3000\/cb/],
    ["Com.Example.App:/cb", "MOBILE", /Did you mean com\.example\.app:\/cb/],
    ["https://ｅｖｉｌ.example/cb", "WEB", /Did you mean https:\/\/evil\.example\/cb/],
  ] as const)("refuses %j for %s", (uri, clientType, message) => {
    expect(redirectUriProblem(uri, clientType)).toMatch(message);
  });

  it("accepts an internationalised host, and the schema saves it in punycode", () => {
    expect(redirectUriProblem("https://bücher.example/cb", "WEB")).toBeNull();
    const parsed = createApplicationSchema.parse({
      ...valid,
      redirectUris: ["https://bücher.example/cb"],
      postLogoutRedirectUris: ["https://bücher.example/bye"],
    });
    expect(parsed.redirectUris).toEqual(["https://xn--bcher-kva.example/cb"]);
    expect(parsed.postLogoutRedirectUris).toEqual(["https://xn--bcher-kva.example/bye"]);
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

describe("the console's own fields on the edit form", () => {
  const edit = {
    name: "Booking site",
    redirectUris: ["https://app.example.com/callback"],
    postLogoutRedirectUris: [],
    scopes: [],
    iconIdentifier: "",
  };
  const parse = (extra: Record<string, unknown>) =>
    updateApplicationSchema.safeParse({ ...edit, ...extra });

  it("takes a description with line breaks and an owner, NFC-normalised and trimmed", () => {
    const parsed = parse({ description: "Books rooms\nfor guests ", owner: " Cafe\u0301 team" });
    expect(parsed.success && parsed.data).toMatchObject({
      description: "Books rooms\nfor guests",
      owner: "Café team",
    });
  });

  it("refuses invisible-only text, control characters, bidi overrides and text past its limit", () => {
    expect(parse({ description: "\u200B\u200D" }).success).toBe(false);
    expect(parse({ owner: "Team\nB" }).success).toBe(false);
    expect(parse({ description: "tab\there" }).success).toBe(false);
    expect(parse({ owner: "\u202Eevil" }).success).toBe(false);
    expect(parse({ owner: "x".repeat(201) }).success).toBe(false);
    expect(parse({ description: "", owner: "" }).success).toBe(true);
  });

  it("reads an empty client type as none chosen, and refuses one Wink does not know", () => {
    const parsed = parse({ clientType: "" });
    expect(parsed.success && parsed.data.clientType).toBeUndefined();
    expect(parse({ clientType: "SPA" }).success).toBe(true);
    expect(parse({ clientType: "DESKTOP" }).success).toBe(false);
  });
});
