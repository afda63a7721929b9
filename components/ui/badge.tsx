import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

// Tinted backgrounds with a text colour of the same family: every pair stays above 4.5:1 (WCAG
// AA for small text) in both colour schemes.
export const badgeVariants = cva(
  "inline-flex w-fit shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&_svg]:pointer-events-none [&_svg]:size-3",
  {
    variants: {
      variant: {
        neutral: "border-border bg-muted text-body",
        info: "border-info-border bg-info-background text-info",
        success: "border-success-border bg-success-background text-success",
        warning: "border-warning-border bg-warning-background text-warning-strong",
        "risk-low": "border-risk-low-border bg-risk-low-background text-risk-low",
        "risk-medium": "border-risk-medium-border bg-risk-medium-background text-risk-medium",
        "risk-high": "border-risk-high-border bg-risk-high-background text-risk-high",
        outline: "border-border-strong bg-card text-body",
      },
    },
    defaultVariants: { variant: "neutral" },
  },
);

export type BadgeProps = ComponentProps<"span"> & VariantProps<typeof badgeVariants>;

export function Badge({ className, variant, ...props }: BadgeProps) {
  return (
    <span
      data-slot="badge"
      data-variant={variant ?? "neutral"}
      className={cn(badgeVariants({ variant }), className)}
      {...props}
    />
  );
}
