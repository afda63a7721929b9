import { Skeleton } from "@/components/ui/skeleton";

// No "use client": loading.tsx renders it on the server while the page loads the list.

/** The list's shape while it loads: toolbar, a few rows, one polite "Loading…" for screen readers. */
export function ApplicationTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="space-y-4" data-testid="applications-loading">
      <p role="status" className="sr-only">
        Loading applications…
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <Skeleton className="h-10 w-full max-w-sm" />
        <Skeleton className="h-10 w-40" />
        <Skeleton className="h-10 w-40" />
      </div>
      <div className="overflow-hidden rounded-lg border border-border bg-card">
        <Skeleton className="h-10 rounded-none border-b border-border bg-muted" />
        {Array.from({ length: rows }, (_, index) => (
          <div
            key={index}
            aria-hidden="true"
            className="flex items-center gap-4 border-b border-border px-3 py-3 last:border-0"
          >
            <Skeleton className="size-8 shrink-0 rounded-full" />
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-4 w-56" />
            <Skeleton className="h-5 w-24 rounded-full" />
            <Skeleton className="ml-auto h-4 w-10" />
          </div>
        ))}
      </div>
    </div>
  );
}
