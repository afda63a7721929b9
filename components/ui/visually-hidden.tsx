"use client";

import { VisuallyHidden as VisuallyHiddenPrimitive } from "radix-ui";

/** Text for screen readers only (the `sr-only` class does the same where a class will do). */
export const VisuallyHidden = VisuallyHiddenPrimitive.Root;
