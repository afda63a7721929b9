"use client";

import { useState } from "react";
import { cn } from "@/lib/utils";
import { cloudinaryIconUrl } from "./application-icon-url";

// White text on each of these is above 4.5:1 (WCAG AA).
const INITIAL_COLOURS = [
  "bg-avatar-1",
  "bg-avatar-2",
  "bg-avatar-3",
  "bg-avatar-4",
  "bg-avatar-5",
  "bg-avatar-6",
  "bg-avatar-7",
  "bg-avatar-8",
  "bg-avatar-9",
] as const;

function colourFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return INITIAL_COLOURS[hash % INITIAL_COLOURS.length] ?? "bg-avatar-9";
}

function initialOf(name: string): string {
  const first = [...name.trim()][0];
  return first ? first.toLocaleUpperCase() : "?";
}

/**
 * The application's icon, or its initial in a coloured circle when it has none or the image does
 * not load. Decorative: the name sits in the next cell, so `alt=""` and aria-hidden.
 */
export function ApplicationIcon({
  name,
  iconIdentifier,
  className,
}: {
  name: string;
  iconIdentifier: string | null;
  className?: string;
}) {
  const [failedId, setFailedId] = useState<string | null>(null);
  const classes = cn("size-8 shrink-0 rounded-full", className);

  if (iconIdentifier && failedId !== iconIdentifier) {
    const fail = () => setFailedId(iconIdentifier);
    return (
      // A 64-pixel thumbnail Cloudinary has already sized: next/image would only proxy it.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={cloudinaryIconUrl(iconIdentifier, 64)}
        alt=""
        width={32}
        height={32}
        decoding="async"
        className={cn(classes, "bg-muted object-cover")}
        onError={fail}
        // An image that failed before hydration fired its error event before React listened.
        ref={(image) => {
          if (image?.complete && image.naturalWidth === 0) fail();
        }}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={cn(
        classes,
        "grid place-content-center text-sm font-semibold text-avatar-foreground",
        colourFor(name),
      )}
    >
      {initialOf(name)}
    </span>
  );
}
