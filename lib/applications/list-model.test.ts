import { describe, expect, it } from "vitest";
import type { ListedApplication } from "@/lib/applications/listed-application";
import type { PublicRecord } from "@/lib/applications/record/public-record";
import {
  describeRowPage,
  filterRows,
  indexApplications,
  pageRows,
  sortRows,
} from "./application-list-model";

function app(
  id: string,
  name: string,
  scopes: string[] = [],
  clientId = `client-${id}`,
  record: PublicRecord | null = null,
): ListedApplication {
  return {
    record,
    id,
    name,
    clientId,
    redirectUris: [],
    postLogoutRedirectUris: [],
    scopes,
    iconIdentifier: null,
  };
}

const rows = indexApplications([
  app("1", "Booking engine", ["booking.read", "booking.write"], "ABC-123"),
  app("2", "accounting sync", ["accounting.write"]),
  app("3", "Sign-in only"),
  app("4", "Reports", ["analytics.read", "booking.custom"]),
]);
const names = (list: readonly { application: ListedApplication }[]) =>
  list.map((row) => row.application.name);

describe("filterRows", () => {
  it("searches name and client id, case-insensitively", () => {
    expect(names(filterRows(rows, { q: "BOOK", section: null, risk: null }))).toEqual([
      "Booking engine",
    ]);
    expect(names(filterRows(rows, { q: "abc-1", section: null, risk: null }))).toEqual([
      "Booking engine",
    ]);
  });

  it("filters on any scope of a section, including ones outside the catalogue", () => {
    expect(names(filterRows(rows, { q: "", section: "booking", risk: null }))).toEqual([
      "Booking engine",
      "Reports",
    ]);
  });

  it("filters on the highest risk, 'none' meaning no scopes", () => {
    expect(names(filterRows(rows, { q: "", section: null, risk: "high" }))).toEqual([
      "accounting sync",
    ]);
    expect(names(filterRows(rows, { q: "", section: null, risk: "none" }))).toEqual([
      "Sign-in only",
    ]);
  });
});

describe("sortRows", () => {
  it("sorts names without regard to case, both ways", () => {
    expect(names(sortRows(rows, "name", "asc"))).toEqual([
      "accounting sync",
      "Booking engine",
      "Reports",
      "Sign-in only",
    ]);
    expect(names(sortRows(rows, "name", "desc"))[0]).toBe("Sign-in only");
  });

  it("sorts by risk with no scopes lowest", () => {
    expect(names(sortRows(rows, "risk", "desc"))).toEqual([
      "accounting sync",
      "Booking engine",
      "Reports",
      "Sign-in only",
    ]);
  });

  it("sorts by scope count, ties by name", () => {
    expect(names(sortRows(rows, "scopes", "asc"))).toEqual([
      "Sign-in only",
      "accounting sync",
      "Booking engine",
      "Reports",
    ]);
  });
});

describe("the client type filter", () => {
  const record = (clientType: PublicRecord["clientType"]): PublicRecord => ({
    clientType,
    clientTypeSource: clientType ? "created" : "unknown",
    createdAt: null,
    createdBy: null,
    secretIssuedAt: null,
    secretIssuedBy: null,
    rotations: 0,
    firstSeenAt: "2026-01-01T00:00:00.000Z",
    clientIdChangedOutsideAt: null,
    owner: null,
    description: null,
  });
  const typed = indexApplications([
    app("1", "Web one", [], "c1", record("WEB")),
    app("2", "Unknown one", [], "c2", record(null)),
    app("3", "Not recorded", [], "c3", null),
  ]);
  const filter = { q: "", section: null, risk: null };

  it("matches the recorded type, and unknown for a record without one", () => {
    expect(names(filterRows(typed, { ...filter, type: "WEB" }))).toEqual(["Web one"]);
    expect(names(filterRows(typed, { ...filter, type: "unknown" }))).toEqual(["Unknown one"]);
    expect(names(filterRows(typed, { ...filter, type: "SPA" }))).toEqual([]);
    expect(filterRows(typed, { ...filter, type: null })).toHaveLength(3);
  });
});

describe("pageRows and describeRowPage", () => {
  const many = indexApplications(
    Array.from({ length: 312 }, (_, index) => app(String(index), `App ${index}`)),
  );

  it("pages and clamps", () => {
    const first = pageRows(many, 1, 25);
    expect([first.from, first.to, first.pageCount]).toEqual([1, 25, 13]);
    const beyond = pageRows(many, 99, 25);
    expect([beyond.page, beyond.from, beyond.to]).toEqual([13, 301, 312]);
    expect(describeRowPage(first, 312, false)).toBe("Showing 1–25 of 312 applications");
    expect(describeRowPage(pageRows([], 1, 25), 312, true)).toBe(
      "No applications match these filters (312 in all)",
    );
  });

  it("stays fast with 10,000 applications", () => {
    const big = Array.from({ length: 10_000 }, (_, index) =>
      app(String(index), `Application ${index}`, index % 3 ? ["booking.read"] : ["payment.write"]),
    );
    const started = performance.now();
    const indexed = indexApplications(big);
    const sorted = sortRows(indexed, "name", "asc");
    for (const q of ["a", "ap", "app", "appl", "application 9"]) {
      filterRows(sorted, { q, section: "booking", risk: null });
    }
    // A loose bound, for shared CI machines: it catches a quadratic slip, not a slow runner.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
