"use client";

import { useState } from "react";
import { cloudinaryIconUrl } from "@/components/applications/display/application-icon-url";
import { cn } from "@/lib/utils";

/**
 * The application's icon from Cloudinary, or its initial when it has none or the image does not
 * load (offline, a public ID that does not exist). Decorative: the name is always beside it.
 */
export function ApplicationAvatar({
  name,
  iconIdentifier,
  className,
}: {
  name: string;
  iconIdentifier: string | null;
  className?: string;
}) {
  const [failed, setFailed] = useState(false);
  const initial = name.trim().charAt(0).toUpperCase() || "?";
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex size-12 shrink-0 items-center justify-center overflow-hidden rounded-lg border border-border bg-accent text-lg font-semibold text-accent-foreground",
        className,
      )}
    >
      {iconIdentifier && !failed ? (
        // eslint-disable-next-line @next/next/no-img-element -- an external, admin-chosen image
        <img
          src={cloudinaryIconUrl(iconIdentifier, 96)}
          alt=""
          className="size-full object-cover"
          onError={() => setFailed(true)}
        />
      ) : (
        initial
      )}
    </span>
  );
}
