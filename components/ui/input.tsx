import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

// Shared with Textarea so that both look and signal errors (aria-invalid) the same way.
export const fieldClasses =
  "w-full min-w-0 rounded-md border border-input bg-field px-3 text-sm text-foreground shadow-sm transition-colors placeholder:text-faint focus-visible:border-primary focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70 aria-invalid:border-error aria-invalid:focus-visible:ring-error/40";

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(fieldClasses, "h-10 py-2", className)}
      {...props}
    />
  );
}
