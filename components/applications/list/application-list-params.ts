import { CLIENT_TYPES, type ClientType } from "@/lib/wink-contract/schemas";
import { SCOPE_SECTIONS, type ScopeSectionId } from "@/lib/wink-contract/scopes";

/**
 * The list's view (search, filters, sort, paging) as URL search parameters, so that a reload or a
 * shared link shows the same view: `?q=&type=&section=&risk=&sort=&dir=&page=&size=`. Anything invalid
 * reads as the default, and defaults are left out of the URL.
 */

export const SORT_KEYS = ["name", "clientId", "scopes", "risk"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Filter on the highest risk among an application's scopes; "none": no scopes at all. */
export const RISK_FILTERS = ["none", "low", "medium", "high"] as const;
export type RiskFilter = (typeof RISK_FILTERS)[number];

/** Filter on the client type from the console's record; "unknown": nobody recorded one. */
export const TYPE_FILTERS = [...CLIENT_TYPES, "unknown"] as const;
export type TypeFilter = ClientType | "unknown";

export interface ListParams {
  q: string;
  type: TypeFilter | null;
  section: ScopeSectionId | null;
  risk: RiskFilter | null;
  sort: SortKey;
  dir: SortDir;
  page: number;
  size: PageSize;
}

export const DEFAULT_LIST_PARAMS: ListParams = {
  q: "",
  type: null,
  section: null,
  risk: null,
  sort: "name",
  dir: "asc",
  page: 1,
  size: 25,
};

/** Risk and scope counts read best highest first; names and client ids A to Z. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDir> = {
  name: "asc",
  clientId: "asc",
  scopes: "desc",
  risk: "desc",
};

const MAX_QUERY_LENGTH = 200;
const SECTION_IDS: readonly string[] = SCOPE_SECTIONS.map((section) => section.id);

function oneOf<T extends string | number>(values: readonly T[], value: unknown): T | null {
  return values.find((candidate) => String(candidate) === value) ?? null;
}

type ReadableParams = Pick<URLSearchParams, "get">;

export function parseListParams(search: ReadableParams): ListParams {
  const page = Number(search.get("page"));
  return {
    q: (search.get("q") ?? "").slice(0, MAX_QUERY_LENGTH),
    type: oneOf(TYPE_FILTERS, search.get("type")),
    section: oneOf(SECTION_IDS, search.get("section")) as ScopeSectionId | null,
    risk: oneOf(RISK_FILTERS, search.get("risk")),
    sort: oneOf(SORT_KEYS, search.get("sort")) ?? DEFAULT_LIST_PARAMS.sort,
    dir: oneOf(["asc", "desc"] as const, search.get("dir")) ?? DEFAULT_LIST_PARAMS.dir,
    page: Number.isSafeInteger(page) && page >= 1 ? page : DEFAULT_LIST_PARAMS.page,
    size: oneOf(PAGE_SIZES, search.get("size")) ?? DEFAULT_LIST_PARAMS.size,
  };
}

/**
 * The query string for `params`, keeping parameters that are not the list's own. Defaults are
 * omitted, so the plain list has a plain URL. Returns "" or a string starting with "?".
 */
export function listParamsToSearch(
  params: ListParams,
  current?: ReadableParams & Iterable<[string, string]>,
): string {
  const search = new URLSearchParams(current ? [...current] : []);
  const entries: [keyof ListParams, string | null][] = [
    ["q", params.q.trim() === "" ? null : params.q],
    ["type", params.type],
    ["section", params.section],
    ["risk", params.risk],
    ["sort", params.sort === DEFAULT_LIST_PARAMS.sort ? null : params.sort],
    ["dir", params.dir === DEFAULT_LIST_PARAMS.dir ? null : params.dir],
    ["page", params.page === 1 ? null : String(params.page)],
    ["size", params.size === DEFAULT_LIST_PARAMS.size ? null : String(params.size)],
  ];
  for (const [key, value] of entries) {
    if (value === null) search.delete(key);
    else search.set(key, value);
  }
  const query = search.toString();
  return query === "" ? "" : `?${query}`;
}

/** True when search or a filter narrows the list (sort and paging do not). */
export function isFiltered(params: Pick<ListParams, "q" | "type" | "section" | "risk">): boolean {
  return (
    params.q.trim() !== "" ||
    params.type !== null ||
    params.section !== null ||
    params.risk !== null
  );
}
