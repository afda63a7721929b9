import {
  createLoader,
  createParser,
  createSerializer,
  parseAsNumberLiteral,
  parseAsStringLiteral,
} from "nuqs/server";
import { CLIENT_TYPES, type ClientType } from "@/lib/wink-contract/client-types";
import { SCOPE_SECTIONS, type ScopeSectionId } from "@/lib/wink-contract/scopes";

/**
 * The list's view (search, filters, sort, paging) as URL search parameters, so that a reload or a
 * shared link shows the same view: `?q=&type=&section=&risk=&rotation=&sort=&dir=&page=&size=`.
 * Anything invalid reads as the default, and defaults are left out of the URL. The parsers are
 * nuqs's, from its server entry (no "use client" there): the browser writes the URL with them, and
 * the page and the route handler read the same URL with them to answer one page of the list.
 */

/** `secret`: by the date the secret falls due (its age, oldest first), under the rotation policy. */
export const SORT_KEYS = ["name", "clientId", "scopes", "risk", "secret"] as const;
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

/** Filter on the secret's standing: "needed" shows the secrets overdue or due soon (secret-policy.ts). */
export const ROTATION_FILTERS = ["needed"] as const;
export type RotationFilter = (typeof ROTATION_FILTERS)[number];

export interface ListParams {
  q: string;
  type: TypeFilter | null;
  section: ScopeSectionId | null;
  risk: RiskFilter | null;
  rotation: RotationFilter | null;
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
  rotation: null,
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
  // Soonest due (the oldest secret) first.
  secret: "asc",
};

const MAX_QUERY_LENGTH = 200;
const SECTION_IDS = SCOPE_SECTIONS.map((section) => section.id) as ScopeSectionId[];

/** Search text, capped; blank text is the default, so it is left out of the URL like "". */
const parseAsSearchText = createParser({
  parse: (value) => value.slice(0, MAX_QUERY_LENGTH),
  serialize: (value: string) => value,
  eq: (a, b) => a.trim() === b.trim(),
});

/** A page number as `Number()` reads it: a whole number from 1 up, else the default. */
const parseAsPage = createParser({
  parse: (value) => {
    const page = Number(value);
    return Number.isSafeInteger(page) && page >= 1 ? page : null;
  },
  serialize: (page: number) => String(page),
});

/**
 * The typed parsers of the list's URL state, one per parameter; `useQueryStates` reads and writes
 * them in the browser. Anything invalid reads as the default, and defaults are cleared from the URL
 * (nuqs's `clearOnDefault`).
 */
export const listParamsParsers = {
  q: parseAsSearchText.withDefault(DEFAULT_LIST_PARAMS.q),
  type: parseAsStringLiteral(TYPE_FILTERS),
  section: parseAsStringLiteral(SECTION_IDS),
  risk: parseAsStringLiteral(RISK_FILTERS),
  rotation: parseAsStringLiteral(ROTATION_FILTERS),
  sort: parseAsStringLiteral(SORT_KEYS).withDefault(DEFAULT_LIST_PARAMS.sort),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault(DEFAULT_LIST_PARAMS.dir),
  page: parseAsPage.withDefault(DEFAULT_LIST_PARAMS.page),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_LIST_PARAMS.size),
};

const loadListParams = createLoader(listParamsParsers);
const serializeListParams = createSerializer(listParamsParsers);

/** The view a query string (or a page's `searchParams`) holds; never throws. */
export function parseListParams(
  search: URLSearchParams | Record<string, string | string[] | undefined>,
): ListParams {
  return loadListParams(search);
}

/**
 * The query string for `params`, keeping parameters that are not the list's own. Defaults are
 * omitted, so the plain list has a plain URL. Returns "" or a string starting with "?".
 */
export function listParamsToSearch(params: ListParams, current?: URLSearchParams): string {
  return serializeListParams(current ?? new URLSearchParams(), params);
}

/** True when search or a filter narrows the list (sort and paging do not). */
export function isFiltered(
  params: Pick<ListParams, "q" | "type" | "section" | "risk" | "rotation">,
): boolean {
  return (
    params.q.trim() !== "" ||
    params.type !== null ||
    params.section !== null ||
    params.risk !== null ||
    params.rotation !== null
  );
}
