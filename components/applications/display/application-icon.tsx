"use client";

import { useState } from "react";
import { cn } from "@/lib/utils";
import { cloudinaryIconUrl } from "./application-icon-url";

// White text on each of these is above 4.5:1 (WCAG AA).
const INITIAL_COLOURS = [
  "bg-sky-700",
  "bg-emerald-700",
  "bg-violet-700",
  "bg-rose-700",
  "bg-amber-700",
  "bg-teal-700",
  "bg-indigo-700",
  "bg-fuchsia-700",
  "bg-slate-600",
] as const;

function colourFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return INITIAL_COLOURS[hash % INITIAL_COLOURS.length] ?? "bg-slate-600";
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
        className={cn(classes, "bg-slate-100 object-cover")}
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
        "grid place-content-center text-sm font-semibold text-white",
        colourFor(name),
      )}
    >
      {initialOf(name)}
    </span>
  );
}
