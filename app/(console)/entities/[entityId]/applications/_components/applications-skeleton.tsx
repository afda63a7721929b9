import { ApplicationTableSkeleton } from "@/components/applications/list/application-table-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The list page while it loads. A Suspense fallback inside the page rather than a loading.tsx: a
 * loading.tsx here would also wrap the application pages below, whose unknown ids must answer a
 * real HTTP 404, and a status cannot change once a streamed response has begun. The table's
 * skeleton says "Loading applications…" to screen readers: one announcement, not two.
 */
export function ApplicationsSkeleton() {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-4 w-32" />
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <ApplicationTableSkeleton />
    </div>
  );
}
