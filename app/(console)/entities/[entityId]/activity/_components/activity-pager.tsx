import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import type { ActivityFilters } from "@/lib/audit/activity-filters";
import { activityPath } from "@/lib/applications/routes";
import type { ActivityPage } from "@/lib/audit/read";

/** "Newer" and "Older": links carrying the filters and an edge event's time and id (keyset). */
export function ActivityPager({
  entityId,
  filters,
  page,
}: {
  entityId: string;
  filters: ActivityFilters;
  page: ActivityPage;
}) {
  if (!page.newer && !page.older) return null;
  const link = buttonVariants({ variant: "outline", size: "sm" });
  const disabled = `${link} pointer-events-none opacity-50`;
  return (
    <nav aria-label="Pages of the activity" className="flex justify-between gap-3">
      {page.newer ? (
        <Link
          href={activityPath(entityId, filters, { after: page.newer })}
          className={link}
          rel="prev"
        >
          ← Newer
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          ← Newer
        </span>
      )}
      {page.older ? (
        <Link
          href={activityPath(entityId, filters, { before: page.older })}
          className={link}
          rel="next"
        >
          Older →
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Older →
        </span>
      )}
    </nav>
  );
}
