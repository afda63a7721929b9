"use client";

import { RadioGroup as RadioGroupPrimitive } from "radix-ui";
import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/** Radix radio group: Tab enters the group, arrow keys move and select (native radio behaviour). */
export function RadioGroup({
  className,
  ...props
}: ComponentProps<typeof RadioGroupPrimitive.Root>) {
  return (
    <RadioGroupPrimitive.Root
      data-slot="radio-group"
      className={cn("grid gap-2", className)}
      {...props}
    />
  );
}

function RadioDot() {
  return (
    <span
      aria-hidden="true"
      data-slot="radio-group-indicator"
      className="grid size-4 shrink-0 place-content-center rounded-full border border-input bg-field group-data-[state=checked]:border-primary"
    >
      <span className="hidden size-2 rounded-full bg-primary group-data-[state=checked]:block" />
    </span>
  );
}

/** A plain radio; pair it with a <Label htmlFor>. */
export function RadioGroupItem({
  className,
  ...props
}: ComponentProps<typeof RadioGroupPrimitive.Item>) {
  return (
    <RadioGroupPrimitive.Item
      data-slot="radio-group-item"
      className={cn(
        "group rounded-full focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-card focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-60",
        className,
      )}
      {...props}
    >
      <RadioDot />
    </RadioGroupPrimitive.Item>
  );
}

export type RadioGroupCardProps = Omit<
  ComponentProps<typeof RadioGroupPrimitive.Item>,
  "children" | "title"
> & {
  title: ReactNode;
  description?: ReactNode;
  /** Extra content at the end of the card (a badge, an icon). Not part of the accessible name. */
  aside?: ReactNode;
};

/**
 * A whole card as one radio. The title names it and the description describes it (by id),
 * so a screen reader says "Read-only, radio button, checked, View every section…" rather than
 * reading the card as one run-on name.
 */
export function RadioGroupCard({
  className,
  title,
  description,
  aside,
  ...props
}: RadioGroupCardProps) {
  const id = useId();
  return (
    <RadioGroupPrimitive.Item
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      data-slot="radio-group-card"
      className={cn(
        "group flex w-full items-start gap-3 rounded-lg border border-border-strong bg-card p-3 text-left transition-colors hover:bg-subtle focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-card focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-60 data-[state=checked]:border-primary data-[state=checked]:bg-accent",
        className,
      )}
      {...props}
    >
      <span className="mt-0.5">
        <RadioDot />
      </span>
      <span className="grid min-w-0 flex-1 gap-1">
        <span
          id={`${id}-title`}
          data-slot="radio-group-card-title"
          className="text-sm font-medium text-foreground"
        >
          {title}
        </span>
        {description ? (
          <span
            id={`${id}-description`}
            data-slot="radio-group-card-description"
            className="text-sm text-muted-foreground"
          >
            {description}
          </span>
        ) : null}
      </span>
      {aside}
    </RadioGroupPrimitive.Item>
  );
}
