/**
 * One page of the application list as the route handler answers it and the page renders it first:
 * the rows of the page, the counts, and the rotation summary. Pure and schema-free: the browser
 * imports it, and a zod schema of every application field would weigh more than the list itself.
 */
import type { ListedApplication } from "@/lib/applications/listed-application";
import type { StandingSummary } from "@/lib/applications/secret-policy";

export interface ApplicationListPage {
  /** The rows of this page, in order. */
  applications: ListedApplication[];
  /** 1-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when there are none. */
  from: number;
  to: number;
  /** How many applications match the search and filters. */
  matching: number;
  /** How many applications the entity has in all. */
  total: number;
  /** Overdue and due-soon secrets among all of them (zeros with the policy off). */
  summary: StandingSummary;
  /** True when the console's record could not be read: Wink's data alone. */
  recordUnavailable: boolean;
  /** What secret ages count to (ms since the epoch), on server and browser alike. */
  now: number;
  /** The rotation policy's limit; 0: off. */
  maxAgeDays: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

const NUMBERS = ["page", "pageCount", "from", "to", "matching", "total", "now", "maxAgeDays"];

/**
 * The route's answer if it has the shape of a page, else null. A structural check, not a schema:
 * the answer comes from the console's own route handler, which built it from validated data, so
 * what is checked is that it is a page at all (not an error body or a proxy's page). Each row is
 * checked for the members the table reads without a guard.
 */
export function readListPage(body: unknown): ApplicationListPage | null {
  if (!isObject(body) || !Array.isArray(body.applications)) return null;
  if (!NUMBERS.every((key) => isCount(body[key]))) return null;
  if (typeof body.recordUnavailable !== "boolean") return null;
  const { summary } = body;
  if (!isObject(summary) || !isCount(summary.overdue) || !isCount(summary.dueSoon)) return null;
  const rowsReadable = body.applications.every(
    (row: unknown) =>
      isObject(row) &&
      typeof row.id === "string" &&
      typeof row.name === "string" &&
      typeof row.clientId === "string" &&
      Array.isArray(row.scopes) &&
      Array.isArray(row.redirectUris) &&
      (row.record === null || isObject(row.record)),
  );
  return rowsReadable ? (body as unknown as ApplicationListPage) : null;
}

const count = new Intl.NumberFormat("en-US");

/** What the polite live region says: "Showing 1–25 of 312 applications". */
export function describeListPage(page: ApplicationListPage, filtered: boolean): string {
  const noun = page.matching === 1 ? "application" : "applications";
  if (page.matching === 0) {
    return filtered
      ? `No applications match these filters (${count.format(page.total)} in all)`
      : "No applications yet";
  }
  const range = `Showing ${count.format(page.from)}–${count.format(page.to)} of ${count.format(page.matching)}`;
  return filtered
    ? `${range} matching ${noun} (${count.format(page.total)} in all)`
    : `${range} ${noun}`;
}
