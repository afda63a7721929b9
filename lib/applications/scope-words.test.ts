import { describe, expect, it } from "vitest";
import { clientTypeFromRedirects, noScopesText } from "./scope-words";

describe("noScopesText", () => {
  it("says a machine-to-machine client can get a token but call nothing", () => {
    const text = noScopesText("MACHINE_2_MACHINE");
    expect(text).toMatch(/token/);
    expect(text).not.toMatch(/sign-in|OIDC/);
  });

  it("says interactive clients can only sign users in", () => {
    for (const type of ["WEB", "SPA", "MOBILE"] as const) {
      expect(noScopesText(type)).toMatch(/OIDC sign-in only/);
    }
  });

  it("uses neutral words when the type is not known", () => {
    expect(noScopesText(undefined)).not.toMatch(/OIDC|sign-in|token/);
  });
});

describe("clientTypeFromRedirects", () => {
  it("reads no redirect URIs as machine-to-machine, and otherwise does not guess", () => {
    expect(clientTypeFromRedirects([])).toBe("MACHINE_2_MACHINE");
    expect(clientTypeFromRedirects(["https://app.example.com/cb"])).toBeUndefined();
  });
});
