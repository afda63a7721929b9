import { Skeleton } from "@/components/ui/skeleton";

export default function ApplicationLoading() {
  return (
    <div className="space-y-6">
      <p role="status" className="sr-only">
        Loading the application…
      </p>
      <Skeleton className="h-4 w-48" />
      <div className="flex items-center gap-3">
        <Skeleton className="size-12 rounded-lg" />
        <Skeleton className="h-8 w-64" />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {[0, 1, 2, 3].map((key) => (
          <Skeleton key={key} className="h-40 w-full rounded-lg" />
        ))}
      </div>
    </div>
  );
}
