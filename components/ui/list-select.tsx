import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { fieldClasses } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/**
 * A native <select> in the look of the console's fields: keyboard, screen readers and mobile
 * pickers come for free, which is all a short, fixed list of options needs.
 */
export function ListSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <span data-slot="list-select" className="relative inline-flex">
      <select
        data-slot="list-select-control"
        className={cn(fieldClasses, "h-10 appearance-none pr-9", className)}
        {...props}
      />
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </span>
  );
}
