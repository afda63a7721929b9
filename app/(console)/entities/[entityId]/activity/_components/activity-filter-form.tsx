import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FilterSelect, type FilterOption } from "@/components/ui/filter-select";
import {
  ACTIVITY_ACTIONS,
  ACTIVITY_OUTCOMES,
  type ActivityFilters,
} from "@/lib/audit/activity-filters";
import { activityPath } from "@/lib/applications/routes";
import { ACTION_LABELS, OUTCOME_WORDS } from "@/lib/audit/activity-words";
import type { ActivityFacets } from "@/lib/audit/read-facets";

/** The filters offered as a choice from a list (the others are typed). */
type SelectFilter = "action" | "outcome" | "actor" | "application";

const labelClasses = "grid gap-1 text-sm font-medium text-foreground";

/**
 * The filters as a plain GET form: submitting it puts them in the URL (so a reload or a shared link
 * keeps them) and starts again at the newest page. Works without JavaScript.
 */
export function ActivityFilterForm({
  entityId,
  filters,
  facets,
}: {
  entityId: string;
  filters: ActivityFilters;
  facets: ActivityFacets;
}) {
  const actors = facets.actors.includes(filters.actor ?? "")
    ? facets.actors
    : [...(filters.actor ? [filters.actor] : []), ...facets.actors];
  const applications = facets.applications.some((app) => app.id === filters.application)
    ? facets.applications
    : [
        ...(filters.application ? [{ id: filters.application, name: null }] : []),
        ...facets.applications,
      ];
  const selects: {
    label: string;
    name: SelectFilter;
    anyLabel: string;
    options: FilterOption[];
  }[] = [
    {
      label: "Action",
      name: "action",
      anyLabel: "Any action",
      options: ACTIVITY_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] })),
    },
    {
      label: "Outcome",
      name: "outcome",
      anyLabel: "Any outcome",
      options: ACTIVITY_OUTCOMES.map((value) => ({ value, label: OUTCOME_WORDS[value] })),
    },
    {
      label: "Person",
      name: "actor",
      anyLabel: "Anyone",
      options: actors.map((email) => ({ value: email, label: email })),
    },
    {
      label: "Application",
      name: "application",
      anyLabel: "Any application",
      options: applications.map((app) => ({
        value: app.id,
        label: app.name ? `${app.name} (${app.id})` : app.id,
      })),
    },
  ];
  return (
    <form
      method="get"
      action={activityPath(entityId)}
      role="search"
      aria-label="Filter the activity"
      className="grid gap-3 rounded-lg border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4"
      data-testid="activity-filters"
    >
      <label className={`${labelClasses} sm:col-span-2`}>
        Search
        <Input
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          placeholder="Reason, name, email, client ID, request id"
          maxLength={200}
        />
      </label>
      {selects.map((select) => (
        <FilterSelect key={select.name} {...select} value={filters[select.name]} />
      ))}
      <label className={labelClasses}>
        From (UTC)
        <Input type="date" name="from" defaultValue={filters.from ?? ""} />
      </label>
      <label className={labelClasses}>
        To (UTC, included)
        <Input type="date" name="to" defaultValue={filters.to ?? ""} />
      </label>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit">Apply filters</Button>
        <Link
          href={activityPath(entityId)}
          className="rounded-sm text-sm font-medium text-link hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          Clear filters
        </Link>
      </div>
    </form>
  );
}
