import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ListSelect } from "@/components/ui/list-select";
import {
  ACTIVITY_ACTIONS,
  ACTIVITY_OUTCOMES,
  type ActivityFilters,
} from "@/lib/audit/activity-filters";
import { activityPath } from "@/lib/applications/routes";
import { ACTION_LABELS, OUTCOME_WORDS } from "@/lib/audit/activity-words";
import type { ActivityFacets } from "@/lib/audit/read-facets";

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
      <label className={labelClasses}>
        Action
        <ListSelect name="action" defaultValue={filters.action ?? ""} className="w-full">
          <option value="">Any action</option>
          {ACTIVITY_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {ACTION_LABELS[action]}
            </option>
          ))}
        </ListSelect>
      </label>
      <label className={labelClasses}>
        Outcome
        <ListSelect name="outcome" defaultValue={filters.outcome ?? ""} className="w-full">
          <option value="">Any outcome</option>
          {ACTIVITY_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOME_WORDS[outcome]}
            </option>
          ))}
        </ListSelect>
      </label>
      <label className={labelClasses}>
        Person
        <ListSelect name="actor" defaultValue={filters.actor ?? ""} className="w-full">
          <option value="">Anyone</option>
          {actors.map((email) => (
            <option key={email} value={email}>
              {email}
            </option>
          ))}
        </ListSelect>
      </label>
      <label className={labelClasses}>
        Application
        <ListSelect name="application" defaultValue={filters.application ?? ""} className="w-full">
          <option value="">Any application</option>
          {applications.map((app) => (
            <option key={app.id} value={app.id}>
              {app.name ? `${app.name} (${app.id})` : app.id}
            </option>
          ))}
        </ListSelect>
      </label>
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
