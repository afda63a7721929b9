"use client";

import { useState } from "react";
import { firstGrapheme } from "@/lib/applications/display-text";
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

const SIZES = {
  sm: { box: "size-8 text-sm", pixels: 32 },
  lg: { box: "size-12 text-lg", pixels: 48 },
} as const;

/**
 * The application's icon, or its first letter in a coloured circle when it has none, when the
 * identifier is not a valid Cloudinary public_id, or when the image does not load. The letter is
 * the first grapheme (so an emoji stays whole), the same on the server and in the browser.
 * Decorative: the name is always beside it, so `alt=""` and aria-hidden. The one avatar of the
 * console: the list (`sm`) and the application's page (`lg`).
 */
export function ApplicationIcon({
  name,
  iconIdentifier,
  size = "sm",
  className,
}: {
  name: string;
  iconIdentifier: string | null;
  size?: keyof typeof SIZES;
  className?: string;
}) {
  const [failedId, setFailedId] = useState<string | null>(null);
  const { box, pixels } = SIZES[size];
  const classes = cn("shrink-0 rounded-full", box, className);
  // Twice the displayed size, for sharp images on high-density screens.
  const src = iconIdentifier ? cloudinaryIconUrl(iconIdentifier, pixels * 2) : null;

  if (iconIdentifier && src && failedId !== iconIdentifier) {
    const fail = () => setFailedId(iconIdentifier);
    return (
      // A thumbnail Cloudinary has already sized: next/image would only proxy it.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={src}
        alt=""
        width={pixels}
        height={pixels}
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
      data-testid="application-initial"
      className={cn(
        classes,
        "grid place-content-center font-semibold text-avatar-foreground",
        colourFor(name),
      )}
    >
      {firstGrapheme(name)}
    </span>
  );
}
