import { describe, expect, it } from "vitest";
import { can, roleFor } from "./roles";

const lists = {
  admins: ["ada@example.com", "@ops.example.com"],
  viewers: ["@example.com"],
};

describe("roleFor", () => {
  it("gives admins by email and by domain, case-insensitively", () => {
    expect(roleFor("Ada@Example.com", lists)).toBe("admin");
    expect(roleFor("sam@ops.example.com", lists)).toBe("admin");
  });

  it("gives viewers by domain when not an admin", () => {
    expect(roleFor("vic@example.com", lists)).toBe("viewer");
  });

  it("does not let a subdomain or a look-alike domain match a domain entry", () => {
    expect(roleFor("eve@evil.example.com", lists)).toBeNull();
    expect(roleFor("eve@notexample.com", lists)).toBeNull();
    expect(roleFor("eve@example.com.evil.net", lists)).toBeNull();
  });

  it("refuses missing or malformed emails", () => {
    expect(roleFor(undefined, lists)).toBeNull();
    expect(roleFor("", lists)).toBeNull();
    expect(roleFor("not-an-email", lists)).toBeNull();
    expect(roleFor("a@b@example.com", lists)).toBeNull();
  });
});

describe("can", () => {
  it("lets admins change, viewers only read, and nobody else anything", () => {
    expect(can("admin", "change")).toBe(true);
    expect(can("viewer", "read")).toBe(true);
    expect(can("viewer", "change")).toBe(false);
    expect(can(null, "read")).toBe(false);
  });
});
