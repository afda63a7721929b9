import type { ListedApplication } from "@/lib/applications/listed-application";
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
} from "./application-list-params";

/**
 * Search, filter, sort and paging of the list, in the browser: Wink returns one unpaginated array,
 * which may hold thousands of applications. The work per keystroke is one linear pass over rows
 * prepared once per data set (lowercase keys, scope summary); sorting happens once per sort order,
 * not per keystroke, because filtering a sorted array keeps its order.
 */

export interface ApplicationRow {
  application: ListedApplication;
  /** From the console's record; null when the record is unavailable. */
  typeKey: TypeFilter | null;
  nameKey: string;
  clientIdKey: string;
  /** One bit per catalogue section the application has any scope of. */
  sectionMask: number;
  risk: ScopeRisk | null;
  scopeCount: number;
  /** Position in name order (locale-aware, ties by id), so later sorts compare integers only. */
  nameRank: number;
}

const SECTION_BIT = new Map<string, number>(
  SCOPE_SECTIONS.map((section, index) => [section.id, 1 << index]),
);

export function sectionBit(sectionId: string): number {
  return SECTION_BIT.get(sectionId) ?? 0;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export function indexApplications(applications: readonly ListedApplication[]): ApplicationRow[] {
  const rows = applications.map((application) => {
    const { count, highest } = summarizeScopes(application.scopes);
    let sectionMask = 0;
    // "Has any booking.* scope": by prefix, so a scope outside the catalogue still counts.
    for (const scope of application.scopes) sectionMask |= sectionBit(scope.split(".", 1)[0] ?? "");
    const { record } = application;
    return {
      application,
      typeKey: record ? (record.clientType ?? ("unknown" as const)) : null,
      nameKey: application.name.toLowerCase(),
      clientIdKey: application.clientId.toLowerCase(),
      sectionMask,
      risk: highest,
      scopeCount: count,
      nameRank: 0,
    };
  });
  // The one locale-aware sort per data set: a collator is slow next to integer comparisons.
  [...rows]
    .sort(
      (a, b) =>
        collator.compare(a.application.name, b.application.name) ||
        compareText(a.application.id, b.application.id),
    )
    .forEach((row, rank) => {
      row.nameRank = rank;
    });
  return rows;
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
};

/** A new sorted array; ties fall back to name order (then id), stable across reloads. */
export function sortRows(rows: readonly ApplicationRow[], sort: SortKey, dir: SortDir) {
  const sign = dir === "asc" ? 1 : -1;
  const compare = COMPARE[sort];
  return [...rows].sort((a, b) => sign * compare(a, b) || a.nameRank - b.nameRank);
}

export type RowFilter = Pick<ListParams, "q" | "section" | "risk"> &
  Partial<Pick<ListParams, "type">>;

function matchesRisk(row: ApplicationRow, risk: RiskFilter): boolean {
  return risk === "none" ? row.risk === null : row.risk === risk;
}

/**
 * Case-insensitive substring search on name and client id, then the client type, section and risk
 * filters. With the record unavailable no row has a type, so a type filter matches none.
 */
export function filterRows(rows: readonly ApplicationRow[], filter: RowFilter) {
  const needle = filter.q.trim().toLowerCase();
  const mask = filter.section ? sectionBit(filter.section) : 0;
  const { risk } = filter;
  const type = filter.type ?? null;
  if (needle === "" && mask === 0 && risk === null && type === null) return rows;
  return rows.filter(
    (row) =>
      (needle === "" || row.nameKey.includes(needle) || row.clientIdKey.includes(needle)) &&
      (type === null || row.typeKey === type) &&
      (mask === 0 || (row.sectionMask & mask) !== 0) &&
      (risk === null || matchesRisk(row, risk)),
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

const count = new Intl.NumberFormat("en-US");

/** What the polite live region says: "Showing 1–25 of 312 applications". */
export function describeRowPage(page: RowPage, all: number, filtered: boolean): string {
  const noun = page.total === 1 ? "application" : "applications";
  if (page.total === 0) {
    return filtered
      ? `No applications match these filters (${count.format(all)} in all)`
      : "No applications yet";
  }
  const range = `Showing ${count.format(page.from)}–${count.format(page.to)} of ${count.format(page.total)}`;
  return filtered ? `${range} matching ${noun} (${count.format(all)} in all)` : `${range} ${noun}`;
}
