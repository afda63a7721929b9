import { cva, type VariantProps } from "class-variance-authority";
import { CircleCheck, CircleExclamationPoint, Info, TriangleExclamationPoint } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

const alertVariants = cva(
  "relative flex w-full gap-3 rounded-lg border px-4 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      variant: {
        error: "border-error-border bg-error-background text-error-strong",
        warning: "border-warning-border bg-warning-background text-warning-strong",
        info: "border-info-border bg-info-background text-info-strong",
        success: "border-success-border bg-success-background text-success-strong",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

type AlertVariant = NonNullable<VariantProps<typeof alertVariants>["variant"]>;

const ICONS: Record<AlertVariant, typeof Info> = {
  error: CircleExclamationPoint,
  warning: TriangleExclamationPoint,
  info: Info,
  success: CircleCheck,
};

export type AlertProps = Omit<ComponentProps<"div">, "title"> &
  VariantProps<typeof alertVariants> & {
    title?: ReactNode;
    /** Override the icon, or pass null for none. */
    icon?: ReactNode;
    /**
     * Errors and warnings are role="alert" (announced at once), info and success role="status"
     * (announced politely). Pass false for a message that is part of the page from the start and
     * must not interrupt, e.g. a standing warning inside a dialog. An explicit `role` wins.
     */
    announce?: boolean;
  };

export function Alert({
  className,
  variant,
  title,
  icon,
  announce = true,
  children,
  ...props
}: AlertProps) {
  const look: AlertVariant = variant ?? "info";
  const Icon = ICONS[look];
  const urgent = look === "error" || look === "warning";
  return (
    <div
      data-slot="alert"
      data-variant={look}
      role={announce ? (urgent ? "alert" : "status") : undefined}
      className={cn(alertVariants({ variant: look }), className)}
      {...props}
    >
      {icon === undefined ? <Icon aria-hidden="true" /> : icon}
      <div className="grid min-w-0 flex-1 gap-1">
        {title ? <AlertTitle>{title}</AlertTitle> : null}
        {children ? <AlertDescription>{children}</AlertDescription> : null}
      </div>
    </div>
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<"p">) {
  return (
    <p data-slot="alert-title" className={cn("leading-snug font-semibold", className)} {...props} />
  );
}

export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("leading-relaxed [&_p]:leading-relaxed", className)}
      {...props}
    />
  );
}
