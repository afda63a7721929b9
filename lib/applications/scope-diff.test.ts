import { describe, expect, it } from "vitest";
import { diffScopes, hasScopeChanges, missingScopes, unknownScopes } from "./scope-diff";

describe("diffScopes", () => {
  it("lists added and removed scopes with their risk, in catalogue order", () => {
    const diff = diffScopes(
      ["booking.read", "account.read", "content.write"],
      ["payment.write", "account.read", "content.write", "account.write"],
    );
    expect(diff.added).toEqual([
      { scope: "account.write", risk: "medium" },
      { scope: "payment.write", risk: "high" },
    ]);
    expect(diff.removed).toEqual([{ scope: "booking.read", risk: "low" }]);
    expect(hasScopeChanges(diff)).toBe(true);
  });

  it("ignores order and duplicates", () => {
    const diff = diffScopes(
      ["booking.write", "booking.read"],
      ["booking.read", "booking.write", "booking.read"],
    );
    expect(diff).toEqual({ added: [], removed: [] });
    expect(hasScopeChanges(diff)).toBe(false);
  });

  it("keeps scopes outside the catalogue, with no risk, after the known ones", () => {
    const diff = diffScopes(["legacy.admin", "booking.read"], ["booking.read"]);
    expect(diff.removed).toEqual([{ scope: "legacy.admin", risk: null }]);
    expect(diffScopes([], ["zeta.x", "accounting.read", "alpha.y"]).added).toEqual([
      { scope: "accounting.read", risk: "medium" },
      { scope: "alpha.y", risk: null },
      { scope: "zeta.x", risk: null },
    ]);
  });

  it("treats going to or from no scopes as all added or all removed", () => {
    expect(diffScopes([], ["mcp.read"]).added).toEqual([{ scope: "mcp.read", risk: "low" }]);
    expect(diffScopes(["accounting.remove"], []).removed).toEqual([
      { scope: "accounting.remove", risk: "high" },
    ]);
  });
});

describe("missingScopes", () => {
  it("names the required scopes that are absent, in the order required", () => {
    const required = ["account.read", "account.write", "account.remove"];
    expect(missingScopes(required, ["account.write"])).toEqual(["account.read", "account.remove"]);
    expect(missingScopes(required, [...required, "booking.read"])).toEqual([]);
  });
});

describe("unknownScopes", () => {
  it("returns each value outside the catalogue once", () => {
    expect(unknownScopes(["booking.read", "legacy.x", "legacy.x", "BOOKING.READ"])).toEqual([
      "legacy.x",
      "BOOKING.READ",
    ]);
  });
});
