import type { Metadata } from "next";
import Link from "next/link";
import { ActivityTable } from "@/components/activity/activity-table";
import { buttonVariants } from "@/components/ui/button";
import {
  activitySearch,
  hasActivityFilters,
  parseActivityFilters,
  parseActivityPosition,
} from "@/lib/audit/activity-filters";
import { activityExportPath, activityPath } from "@/lib/applications/routes";
import { listActivity } from "@/lib/audit/read";
import { activityFacets, goneApplicationIds } from "@/lib/audit/read-facets";
import { checkAuditChain } from "@/lib/audit/verify-cached";
import { requirePageAccess } from "@/lib/auth/guard";
import { ActivityFilterForm } from "./_components/activity-filter-form";
import { ActivityPager } from "./_components/activity-pager";
import { ChainStatusPanel } from "./_components/chain-status";

export const metadata: Metadata = { title: "Activity" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Who changed what: the managing entity's audit history, newest first, filtered and paged by the
 * URL's search params (a GET form and links, so it works without JavaScript). Read-only for
 * everyone: there is no way to change or remove an event, and the table refuses it anyway. The
 * layout has already checked the session and that the entity is one the console can see.
 */
export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ entityId: string }>;
  searchParams: SearchParams;
}) {
  const { entityId } = await params;
  const query = await searchParams;
  const filters = parseActivityFilters(query);
  const position = parseActivityPosition(query);
  await requirePageAccess(activityPath(entityId, filters, position));

  const [page, facets, chain] = await Promise.all([
    listActivity(entityId, filters, position),
    activityFacets(entityId),
    checkAuditChain(),
  ]);
  const gone = await goneApplicationIds(
    entityId,
    page.events.flatMap((event) => (event.applicationId ? [event.applicationId] : [])),
  );
  const filtered = hasActivityFilters(filters);
  const exportLink = buttonVariants({ variant: "outline", size: "sm" });

  return (
    <section aria-labelledby="activity-heading" className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 id="activity-heading" className="text-2xl font-semibold text-foreground">
            Activity
          </h1>
          <p className="text-sm text-muted-foreground">
            Every change to this account&apos;s applications made through the console, and every
            refusal: who, what, and how it ended.
          </p>
        </div>
        <div className="flex gap-2" aria-label="Export this view">
          <a href={activityExportPath(entityId, "csv", filters)} className={exportLink} download>
            Export CSV
          </a>
          <a href={activityExportPath(entityId, "jsonl", filters)} className={exportLink} download>
            Export JSON lines
          </a>
        </div>
      </div>

      <ChainStatusPanel status={chain} entityId={entityId} query={activitySearch(filters)} />
      <ActivityFilterForm entityId={entityId} filters={filters} facets={facets} />

      {page.events.length ? (
        <>
          <ActivityTable
            events={page.events}
            entityId={entityId}
            goneApplicationIds={gone}
            caption={`Activity, newest first${filtered ? ", filtered" : ""}`}
          />
          <ActivityPager entityId={entityId} filters={filters} page={page} />
        </>
      ) : (
        <div
          className="rounded-lg border border-border bg-card p-6 text-sm text-body"
          data-testid="activity-empty"
        >
          {"before" in position || "after" in position ? (
            <>
              No more events this way.{" "}
              <Link
                href={activityPath(entityId, filters)}
                className="font-medium text-link hover:underline"
              >
                Back to the newest
              </Link>
            </>
          ) : filtered ? (
            "No events match these filters."
          ) : (
            "Nothing has happened here yet: changes made through the console will show here."
          )}
        </div>
      )}
    </section>
  );
}
