import { describe, expect, it } from "vitest";
import { describeListPage, readListPage, type ApplicationListPage } from "./list-page";

const page: ApplicationListPage = {
  applications: [
    {
      id: "1",
      name: "Booking engine",
      clientId: "c1",
      redirectUris: [],
      postLogoutRedirectUris: [],
      scopes: [],
      iconIdentifier: null,
      record: null,
    },
  ],
  page: 1,
  pageCount: 13,
  from: 1,
  to: 25,
  matching: 312,
  total: 400,
  summary: { overdue: 3, dueSoon: 2 },
  recordUnavailable: false,
  now: 1_780_000_000_000,
  maxAgeDays: 90,
};

describe("readListPage", () => {
  it("reads a page as JSON carries it", () => {
    expect(readListPage(JSON.parse(JSON.stringify(page)))).toEqual(page);
  });

  it("refuses what is not a page: an error body, a missing count, a row without a name", () => {
    expect(readListPage({ error: "Wink is unavailable" })).toBeNull();
    expect(readListPage({ ...page, matching: undefined })).toBeNull();
    expect(readListPage({ ...page, summary: { overdue: -1, dueSoon: 0 } })).toBeNull();
    expect(readListPage({ ...page, applications: [{ id: "1" }] })).toBeNull();
    expect(readListPage("<html>")).toBeNull();
  });
});

describe("describeListPage", () => {
  it("says the range, the matching count and the total", () => {
    expect(describeListPage(page, true)).toBe(
      "Showing 1–25 of 312 matching applications (400 in all)",
    );
    expect(describeListPage({ ...page, matching: 400 }, false)).toBe(
      "Showing 1–25 of 400 applications",
    );
    expect(describeListPage({ ...page, matching: 0, from: 0, to: 0 }, true)).toBe(
      "No applications match these filters (400 in all)",
    );
  });
});
