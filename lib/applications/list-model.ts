import type { ListedApplication } from "@/lib/applications/listed-application";
import type { ApplicationListPage } from "@/lib/applications/list-page";
import { secretAge } from "@/lib/applications/record/public-record";
import {
  needsRotation,
  secretStanding,
  summarizeStandings,
  type SecretPolicy,
  type SecretStanding,
} from "@/lib/applications/secret-policy";
import {
  RISK_ORDER,
  SCOPE_SECTIONS,
  summarizeScopes,
  type ScopeRisk,
} from "@/lib/wink-contract/scopes";
import type {
  ListParams,
  RiskFilter,
  SortDir,
  SortKey,
  TypeFilter,
} from "@/lib/applications/list-params";

/**
 * Search, filter, sort and paging of the list, on the server: Wink returns one unpaginated array,
 * which may hold thousands of applications, and the browser gets one page of it with the counts.
 *
 * The keys that come from Wink's fields alone (lowercase name and client id, scope summary, name
 * order) are computed once per copy of Wink's array (`indexWinkApplications`), because the
 * locale-aware name sort is the dearest step; the keys that come from the console's record (client
 * type, secret age) are added per request (`toRows`), a linear pass, since the record may change
 * between two reads of one copy.
 */

/** What an application's Wink fields give, once per copy of Wink's array. */
export interface WinkKeys {
  nameKey: string;
  clientIdKey: string;
  /** One bit per catalogue section the application has any scope of. */
  sectionMask: number;
  risk: ScopeRisk | null;
  scopeCount: number;
  /** Position in name order (locale-aware, ties by id), so later sorts compare integers only. */
  nameRank: number;
}

export interface ApplicationRow extends WinkKeys {
  application: ListedApplication;
  /** From the console's record; null when the record is unavailable. */
  typeKey: TypeFilter | null;
  /** The secret's age in whole days; null without a record. */
  secretDays: number | null;
  /** Where the secret stands under the policy; null without a record. */
  standing: SecretStanding | null;
}

type WinkFields = Pick<ListedApplication, "id" | "name" | "clientId" | "scopes">;

const SECTION_BIT = new Map<string, number>(
  SCOPE_SECTIONS.map((section, index) => [section.id, 1 << index]),
);

export function sectionBit(sectionId: string): number {
  return SECTION_BIT.get(sectionId) ?? 0;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** The Wink-derived keys of `applications`, in the same order. */
export function indexWinkApplications(applications: readonly WinkFields[]): WinkKeys[] {
  const keys = applications.map((application) => {
    const { count, highest } = summarizeScopes(application.scopes);
    let sectionMask = 0;
    // "Has any booking.* scope": by prefix, so a scope outside the catalogue still counts.
    for (const scope of application.scopes) sectionMask |= sectionBit(scope.split(".", 1)[0] ?? "");
    return {
      nameKey: application.name.toLowerCase(),
      clientIdKey: application.clientId.toLowerCase(),
      sectionMask,
      risk: highest,
      scopeCount: count,
      nameRank: 0,
    };
  });
  // The one locale-aware sort per copy: a collator is slow next to integer comparisons.
  keys
    .map((key, index) => ({ key, application: applications[index]! }))
    .sort(
      (a, b) =>
        collator.compare(a.application.name, b.application.name) ||
        compareText(a.application.id, b.application.id),
    )
    .forEach(({ key }, rank) => {
      key.nameRank = rank;
    });
  return keys;
}

/**
 * The rows of one request: `listed` (Wink's array joined with the record, in the order of the copy
 * `keys` was made from) with the record's keys, counted to `now` (ms) under `policy`.
 */
export function toRows(
  listed: readonly ListedApplication[],
  keys: readonly WinkKeys[],
  now: number,
  policy: SecretPolicy,
): ApplicationRow[] {
  return listed.map((application, index) => {
    const { record } = application;
    const age = record ? secretAge(record, now) : null;
    return {
      ...keys[index]!,
      application,
      typeKey: record ? (record.clientType ?? ("unknown" as const)) : null,
      secretDays: age ? age.days : null,
      standing: age ? secretStanding(age, policy) : null,
    };
  });
}

/** Both steps at once, for a list that is not a cached copy (tests, one-off callers). */
export function indexApplications(
  applications: readonly ListedApplication[],
  now = 0,
  policy: SecretPolicy = { maxAgeDays: 0 },
): ApplicationRow[] {
  return toRows(applications, indexWinkApplications(applications), now, policy);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const riskRank = (row: ApplicationRow) => (row.risk === null ? -1 : RISK_ORDER[row.risk]);

const COMPARE: Record<SortKey, (a: ApplicationRow, b: ApplicationRow) => number> = {
  name: (a, b) => a.nameRank - b.nameRank,
  // Client ids are machine-made ASCII: plain comparison of the lowercase keys is enough.
  clientId: (a, b) => compareText(a.clientIdKey, b.clientIdKey),
  scopes: (a, b) => a.scopeCount - b.scopeCount,
  risk: (a, b) => riskRank(a) - riskRank(b) || a.scopeCount - b.scopeCount,
  // Due date ascending: the oldest secret falls due first. The same limit applies to every
  // secret, so the order of due dates is the order of ages, with or without the policy.
  secret: (a, b) => (b.secretDays ?? 0) - (a.secretDays ?? 0),
};

/**
 * A new sorted array; ties fall back to name order (then id), stable across reloads. By secret,
 * rows without a record (no age to sort by) come last in either direction.
 */
export function sortRows(rows: readonly ApplicationRow[], sort: SortKey, dir: SortDir) {
  const sign = dir === "asc" ? 1 : -1;
  const compare = COMPARE[sort];
  const unknownLast = (a: ApplicationRow, b: ApplicationRow) =>
    sort === "secret" ? Number(a.secretDays === null) - Number(b.secretDays === null) : 0;
  return [...rows].sort(
    (a, b) => unknownLast(a, b) || sign * compare(a, b) || a.nameRank - b.nameRank,
  );
}

export type RowFilter = Pick<ListParams, "q" | "section" | "risk"> &
  Partial<Pick<ListParams, "type" | "rotation">>;

function matchesRisk(row: ApplicationRow, risk: RiskFilter): boolean {
  return risk === "none" ? row.risk === null : row.risk === risk;
}

/**
 * Case-insensitive substring search on name and client id, then the client type, section, risk
 * and rotation filters. With the record unavailable no row has a type or a secret age, so a type
 * or rotation filter matches none; with the policy off no secret needs rotation.
 */
export function filterRows(rows: readonly ApplicationRow[], filter: RowFilter) {
  const needle = filter.q.trim().toLowerCase();
  const mask = filter.section ? sectionBit(filter.section) : 0;
  const { risk } = filter;
  const type = filter.type ?? null;
  const rotation = filter.rotation ?? null;
  if (needle === "" && mask === 0 && risk === null && type === null && rotation === null) {
    return rows;
  }
  return rows.filter(
    (row) =>
      (needle === "" || row.nameKey.includes(needle) || row.clientIdKey.includes(needle)) &&
      (type === null || row.typeKey === type) &&
      (mask === 0 || (row.sectionMask & mask) !== 0) &&
      (risk === null || matchesRisk(row, risk)) &&
      (rotation === null || (row.standing !== null && needsRotation(row.standing))),
  );
}

export interface RowPage {
  rows: readonly ApplicationRow[];
  /** 1-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when there are none. */
  from: number;
  to: number;
  total: number;
}

export function pageRows(rows: readonly ApplicationRow[], page: number, size: number): RowPage {
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, page), pageCount);
  const start = (current - 1) * size;
  const slice = rows.slice(start, start + size);
  return {
    rows: slice,
    page: current,
    pageCount,
    from: slice.length === 0 ? 0 : start + 1,
    to: start + slice.length,
    total,
  };
}

/**
 * The route's answer for the view `params` over every row of the entity: one page, the number
 * matching, the number in all, and the rotation summary over all of them (not just the matching
 * ones: the summary is the entity's, and links to the filter). `now` is what ages count to.
 */
export function answerPage(
  rows: readonly ApplicationRow[],
  params: ListParams,
  context: { now: number; policy: SecretPolicy; recordUnavailable: boolean },
): ApplicationListPage {
  // Filtered first: a search leaves fewer rows to sort.
  const matching = sortRows(filterRows(rows, params), params.sort, params.dir);
  const current = pageRows(matching, params.page, params.size);
  const summary = summarizeStandings(
    rows.flatMap((row) => (row.standing === null ? [] : [row.standing])),
  );
  return {
    applications: current.rows.map((row) => row.application),
    page: current.page,
    pageCount: current.pageCount,
    from: current.from,
    to: current.to,
    matching: current.total,
    total: rows.length,
    summary,
    recordUnavailable: context.recordUnavailable,
    now: context.now,
    maxAgeDays: context.policy.maxAgeDays,
  };
}
