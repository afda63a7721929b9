/**
 * The activity page's URLs: the page (with its filters and position in the query), and the two
 * exports of the same filtered view. Ids are encoded as in lib/applications/routes.ts.
 */
import { activitySearch, type ActivityFilters, type ActivityPosition } from "./activity-filters";
import type { ExportFormat } from "./export";

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
