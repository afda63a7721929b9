import { Skeleton } from "@/components/ui/skeleton";

export default function EditApplicationLoading() {
  return (
    <div className="max-w-4xl space-y-6">
      <p role="status" className="sr-only">
        Loading the application…
      </p>
      <Skeleton className="h-4 w-64" />
      <Skeleton className="h-8 w-72" />
      <div className="space-y-4">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    </div>
  );
}
