/**
 * Every URL the console builds for itself: the pages of a managing entity's applications, the JSON
 * read the list refetches, and the activity page with its exports. Ids come from Wink and from the
 * URL, so every segment is encoded: an id with a slash or a dot segment must not point at another
 * route. In: ids as Wink has them; out: a path starting with `/`, never a whole URL (the browser
 * resolves it against the console's origin).
 */
import {
  activitySearch,
  type ActivityFilters,
  type ActivityPosition,
} from "@/lib/audit/activity-filters";
import type { ExportFormat } from "@/lib/audit/export";

export function applicationsPath(entityId: string): string {
  return `/entities/${encodeURIComponent(entityId)}/applications`;
}

export function applicationPath(entityId: string, applicationId: string): string {
  return `${applicationsPath(entityId)}/${encodeURIComponent(applicationId)}`;
}

/** How to rotate the console's own credential, step by step, and where its secret stands. */
export function consoleCredentialPath(entityId: string): string {
  return `/entities/${encodeURIComponent(entityId)}/console-credential`;
}

/** The session-checked route handler that react-query refetches the list from. */
export function applicationsApiPath(entityId: string): string {
  return `/api${applicationsPath(entityId)}`;
}

export function editApplicationPath(entityId: string, applicationId: string): string {
  return `${applicationPath(entityId, applicationId)}/edit`;
}

/**
 * Whether a string from the URL or a caller can name an application at all: a dot segment would
 * make Wink's path point elsewhere, and no Wink id is that long. Anything else is Wink's to judge.
 */
export function isPlausibleApplicationId(value: unknown): value is string {
  return (
    typeof value === "string" &&
    value.length > 0 &&
    value.length <= 200 &&
    value !== "." &&
    value !== ".."
  );
}

/** The activity page, with its filters and position in the query. */
export function activityPath(
  entityId: string,
  filters: ActivityFilters = {},
  position: ActivityPosition = {},
): string {
  const search = activitySearch(filters, position);
  return `/entities/${encodeURIComponent(entityId)}/activity${search ? `?${search}` : ""}`;
}

/** The session-checked route handler that streams the filtered view (no position: all of it). */
export function activityExportPath(
  entityId: string,
  format: ExportFormat,
  filters: ActivityFilters = {},
): string {
  const search = activitySearch(filters);
  return `/api/entities/${encodeURIComponent(entityId)}/activity/export.${format}${search ? `?${search}` : ""}`;
}
