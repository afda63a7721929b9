/**
 * The activity page's filters and keyset position, as they travel in the URL: parsed from the
 * search params (anything malformed is dropped, never an error: a URL is typed by hand and shared)
 * and written back, so that the page, its GET form, its "Older"/"Newer" links and the export all
 * agree on one query. Pure: the server component, the route handlers and the tests import it.
 */
import type { AuditAction, AuditOutcome } from "@/lib/audit";

export const ACTIVITY_ACTIONS = [
  "application.create",
  "application.update",
  "application.rotate",
  "application.delete",
] as const satisfies readonly AuditAction[];

export const ACTIVITY_OUTCOMES = [
  "succeeded",
  "failed",
  "unknown",
  "refused",
] as const satisfies readonly AuditOutcome[];

/** How many events one page shows. */
export const ACTIVITY_PAGE_SIZE = 50;

/** Longest free-text search kept; anything longer is cut (no event field is that long). */
const MAX_SEARCH = 200;
const MAX_ID = 200;

export interface ActivityFilters {
  action?: AuditAction;
  outcome?: AuditOutcome;
  /** The actor's email, matched without regard to case. */
  actor?: string;
  /** An application id, exactly. */
  application?: string;
  /** Inclusive first day, `YYYY-MM-DD`, UTC. */
  from?: string;
  /** Inclusive last day, `YYYY-MM-DD`, UTC. */
  to?: string;
  /** Substring of the reason, names, email, client ID or Wink's request id. */
  q?: string;
}

/** A position in the newest-first order: an event's time and id. */
export interface ActivityCursor {
  occurredAt: Date;
  id: number;
}

/** Which side of the cursor a page lies on: `before` = older events, `after` = newer ones. */
export type ActivityPosition =
  { before: ActivityCursor } | { after: ActivityCursor } | Record<string, never>;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return text == null ? undefined : text;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in `YYYY-MM-DD`, else undefined ("2026-02-30" is not one). */
export function parseDay(value: string | undefined): string | undefined {
  const match = value?.trim().match(DAY);
  if (!match) return undefined;
  const date = new Date(`${match[0]}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(match[0])
    ? match[0]
    : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((candidate) => candidate === value);
}

function text(value: string | undefined, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

/** The filters in `params`; unknown values are dropped. */
export function parseActivityFilters(params: Params): ActivityFilters {
  const filters: ActivityFilters = {
    action: oneOf(ACTIVITY_ACTIONS, first(params, "action")),
    outcome: oneOf(ACTIVITY_OUTCOMES, first(params, "outcome")),
    actor: text(first(params, "actor"), MAX_ID)?.toLowerCase(),
    application: text(first(params, "application"), MAX_ID),
    from: parseDay(first(params, "from")),
    to: parseDay(first(params, "to")),
    q: text(first(params, "q"), MAX_SEARCH),
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as ActivityFilters;
}

/** `2026-11-30T06:00:00.123Z_4711`: readable in a URL and exact to the millisecond. */
export function formatCursor(cursor: ActivityCursor): string {
  return `${cursor.occurredAt.toISOString()}_${cursor.id}`;
}

export function parseCursor(value: string | undefined): ActivityCursor | undefined {
  const match = value?.match(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d{1,15})$/);
  if (!match) return undefined;
  const occurredAt = new Date(match[1]!);
  const id = Number(match[2]);
  return Number.isNaN(occurredAt.getTime()) || !Number.isSafeInteger(id)
    ? undefined
    : { occurredAt, id };
}

/** The keyset position in `params` (`before` wins when both are present). */
export function parseActivityPosition(params: Params): ActivityPosition {
  const before = parseCursor(first(params, "before"));
  if (before) return { before };
  const after = parseCursor(first(params, "after"));
  return after ? { after } : {};
}

/** The query string of `filters` (and a position), in a fixed order, without a leading "?". */
export function activitySearch(filters: ActivityFilters, position: ActivityPosition = {}): string {
  const params = new URLSearchParams();
  for (const key of ["q", "action", "outcome", "actor", "application", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if ("before" in position) params.set("before", formatCursor(position.before));
  if ("after" in position) params.set("after", formatCursor(position.after));
  return params.toString();
}

export function hasActivityFilters(filters: ActivityFilters): boolean {
  return Object.values(filters).some(Boolean);
}
