import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

// Tinted backgrounds with dark text: every pair stays above 4.5:1 (WCAG AA for small text).
export const badgeVariants = cva(
  "inline-flex w-fit shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&_svg]:pointer-events-none [&_svg]:size-3",
  {
    variants: {
      variant: {
        neutral: "border-slate-200 bg-slate-100 text-slate-700",
        info: "border-brand-100 bg-brand-50 text-brand-700",
        success: "border-green-200 bg-green-50 text-green-800",
        warning: "border-amber-200 bg-amber-50 text-amber-900",
        "risk-low": "border-green-200 bg-green-50 text-risk-low",
        "risk-medium": "border-amber-200 bg-amber-50 text-risk-medium",
        "risk-high": "border-red-200 bg-red-50 text-risk-high",
        outline: "border-slate-300 bg-white text-slate-700",
      },
    },
    defaultVariants: { variant: "neutral" },
  },
);

export type BadgeProps = ComponentProps<"span"> & VariantProps<typeof badgeVariants>;

export function Badge({ className, variant, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}
