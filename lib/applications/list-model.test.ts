import { describe, expect, it } from "vitest";
import type { ListedApplication } from "@/lib/applications/listed-application";
import type { PublicRecord } from "@/lib/applications/record/public-record";
import { DEFAULT_LIST_PARAMS } from "./list-params";
import {
  answerPage,
  filterRows,
  indexApplications,
  indexWinkApplications,
  pageRows,
  sortRows,
  toRows,
} from "./list-model";

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

describe("pageRows", () => {
  const many = indexApplications(
    Array.from({ length: 312 }, (_, index) => app(String(index), `App ${index}`)),
  );

  it("pages and clamps", () => {
    const first = pageRows(many, 1, 25);
    expect([first.from, first.to, first.pageCount]).toEqual([1, 25, 13]);
    const beyond = pageRows(many, 99, 25);
    expect([beyond.page, beyond.from, beyond.to]).toEqual([13, 301, 312]);
    const empty = pageRows([], 3, 25);
    expect([empty.page, empty.pageCount, empty.from, empty.to]).toEqual([1, 1, 0, 0]);
  });
});

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2026-06-01T12:00:00.000Z");

/** A record whose secret the console issued `days` days before NOW (null: issued outside it). */
function issued(days: number | null, firstSeenDaysAgo = 0): PublicRecord {
  return {
    clientType: "WEB",
    clientTypeSource: "created",
    createdAt: null,
    createdBy: null,
    secretIssuedAt: days === null ? null : new Date(NOW - days * DAY).toISOString(),
    secretIssuedBy: null,
    rotations: 0,
    firstSeenAt: new Date(NOW - firstSeenDaysAgo * DAY).toISOString(),
    clientIdChangedOutsideAt: null,
    owner: null,
    description: null,
  };
}

describe("secret age: sort, the needs-rotation filter, the summary", () => {
  const policy = { maxAgeDays: 90 };
  const listed = [
    app("a", "Fresh", [], "c-a", issued(10)),
    app("b", "Due soon", [], "c-b", issued(80)),
    app("c", "Due today", [], "c-c", issued(90)),
    app("d", "Overdue", [], "c-d", issued(91)),
    app("e", "Outside, young", [], "c-e", issued(null, 30)),
    app("f", "Outside, old", [], "c-f", issued(null, 120)),
    app("g", "No record", [], "c-g", null),
  ];
  const rows = indexApplications(listed, NOW, policy);

  it("sorts by due date, soonest first, rows without a record last both ways", () => {
    expect(names(sortRows(rows, "secret", "asc"))).toEqual([
      "Outside, old",
      "Overdue",
      "Due today",
      "Due soon",
      "Outside, young",
      "Fresh",
      "No record",
    ]);
    expect(names(sortRows(rows, "secret", "desc"))).toEqual([
      "Fresh",
      "Outside, young",
      "Due soon",
      "Due today",
      "Overdue",
      "Outside, old",
      "No record",
    ]);
  });

  it("needs rotation: overdue (also provably, outside the console) and due within 14 days", () => {
    const filter = { q: "", section: null, risk: null, rotation: "needed" as const };
    expect(names(filterRows(rows, filter))).toEqual([
      "Due soon",
      "Due today",
      "Overdue",
      "Outside, old",
    ]);
    const off = indexApplications(listed, NOW, { maxAgeDays: 0 });
    expect(filterRows(off, filter)).toEqual([]);
  });

  it("answers one page with the counts and the summary of every row, not just the matching", () => {
    const answer = answerPage(
      rows,
      { ...DEFAULT_LIST_PARAMS, q: "due t", size: 25 },
      { now: NOW, policy, recordUnavailable: false },
    );
    expect(answer.applications.map((application) => application.name)).toEqual(["Due today"]);
    expect(answer).toMatchObject({
      page: 1,
      pageCount: 1,
      from: 1,
      to: 1,
      matching: 1,
      total: 7,
      summary: { overdue: 2, dueSoon: 2 },
      recordUnavailable: false,
      now: NOW,
      maxAgeDays: 90,
    });
  });

  it("counts nothing with the policy off", () => {
    const off = indexApplications(listed, NOW, { maxAgeDays: 0 });
    const answer = answerPage(off, DEFAULT_LIST_PARAMS, {
      now: NOW,
      policy: { maxAgeDays: 0 },
      recordUnavailable: false,
    });
    expect(answer.summary).toEqual({ overdue: 0, dueSoon: 0 });
  });
});

describe("answerPage over many rows", () => {
  const many = Array.from({ length: 1_000 }, (_, index) =>
    app(String(index), `Application ${index}`, index % 3 ? ["booking.read"] : ["payment.write"]),
  );
  // The Wink-derived keys are made once per copy; each request adds the record's.
  const keys = indexWinkApplications(many);
  const rows = toRows(many, keys, NOW, { maxAgeDays: 90 });
  const context = { now: NOW, policy: { maxAgeDays: 90 }, recordUnavailable: true };

  it("pages the sorted, filtered rows", () => {
    const view = { ...DEFAULT_LIST_PARAMS, q: "application 9", sort: "name" as const };
    const first = answerPage(rows, view, context);
    // "Application 9", "Application 90"…"99", "Application 900"…"999": 111, numeric order.
    expect(first.matching).toBe(111);
    expect(first.total).toBe(1_000);
    expect(first.pageCount).toBe(5);
    expect(first.applications[0]?.name).toBe("Application 9");
    expect(first.applications[1]?.name).toBe("Application 90");
    const last = answerPage(rows, { ...view, page: 5 }, context);
    expect([last.from, last.to]).toEqual([101, 111]);
    expect(last.applications.at(-1)?.name).toBe("Application 999");
  });

  it("sorts by client id and by scopes, and filters by section and risk", () => {
    const byClientId = answerPage(rows, { ...DEFAULT_LIST_PARAMS, sort: "clientId" }, context);
    expect(byClientId.applications[0]?.clientId).toBe("client-0");
    expect(byClientId.applications[1]?.clientId).toBe("client-1");
    const high = answerPage(
      rows,
      { ...DEFAULT_LIST_PARAMS, risk: "high", section: "payment", size: 100 },
      context,
    );
    expect(high.matching).toBe(334);
    expect(high.applications.every((application) => application.scopes[0] === "payment.write"));
  });
});
