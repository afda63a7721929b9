"use client";

import { VisuallyHidden as VisuallyHiddenPrimitive } from "radix-ui";
import type { ComponentProps } from "react";

/** Text for screen readers only (the `sr-only` class does the same where a class will do). */
export function VisuallyHidden(props: ComponentProps<typeof VisuallyHiddenPrimitive.Root>) {
  return <VisuallyHiddenPrimitive.Root data-slot="visually-hidden" {...props} />;
}
