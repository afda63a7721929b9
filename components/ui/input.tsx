import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

// Shared with Textarea so that both look and signal errors (aria-invalid) the same way.
export const fieldClasses =
  "w-full min-w-0 rounded-md border border-slate-500 bg-white px-3 text-sm text-slate-900 shadow-sm transition-colors placeholder:text-slate-500 focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-500/40 focus-visible:outline-none disabled:cursor-not-allowed disabled:bg-slate-100 disabled:opacity-70 aria-invalid:border-red-700 aria-invalid:focus-visible:ring-red-600/40";

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(fieldClasses, "h-10 py-2", className)} {...props} />;
}
