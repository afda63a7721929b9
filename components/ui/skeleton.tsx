import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/**
 * A grey placeholder block. Hidden from assistive technology: it carries no information, so pair
 * a group of skeletons with one `role="status"` text such as "Loading applications…".
 */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      data-slot="skeleton"
      className={cn("animate-pulse rounded-md bg-skeleton", className)}
      {...props}
    />
  );
}
