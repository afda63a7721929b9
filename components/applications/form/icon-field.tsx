"use client";

import { useId, useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cloudinaryIconUrl } from "@/components/applications/display/application-icon-url";

/**
 * The optional icon: a Cloudinary public ID, with a preview where the image loads. Offline, or for
 * an ID that does not exist, the preview says so instead of showing a broken image.
 */
export function IconField({
  value,
  onChange,
  onBlur,
  error,
  disabled,
}: {
  value: string;
  onChange(next: string): void;
  onBlur(): void;
  error?: string;
  disabled: boolean;
}) {
  const id = useId();
  // Which public ID last loaded or failed; the status of any other is still "loading".
  const [outcome, setOutcome] = useState<{ publicId: string; loaded: boolean } | null>(null);
  const trimmed = value.trim();
  const previewUrl = cloudinaryIconUrl(trimmed);
  const preview = !previewUrl
    ? "idle"
    : outcome?.publicId !== trimmed
      ? "loading"
      : outcome.loaded
        ? "loaded"
        : "failed";

  return (
    <div className="space-y-1">
      <Label htmlFor={id}>Icon (optional)</Label>
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1 space-y-1">
          <Input
            id={id}
            value={value}
            placeholder="brand/app-icon"
            autoComplete="off"
            spellCheck={false}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint ${id}-error`}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
          />
          <p id={`${id}-hint`} className="text-sm text-muted-foreground">
            The Cloudinary public ID of an image, shown on Wink&apos;s consent screen.
          </p>
          <FieldError id={`${id}-error`} message={error} />
        </div>
        <div
          className="flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-lg border border-border bg-subtle text-center text-xs text-muted-foreground"
          aria-live="polite"
        >
          {previewUrl && preview !== "failed" ? (
            // eslint-disable-next-line @next/next/no-img-element -- an external, user-chosen image
            <img
              key={trimmed}
              src={previewUrl}
              alt="Icon preview"
              className={preview === "loaded" ? "size-full object-cover" : "sr-only"}
              onLoad={() => setOutcome({ publicId: trimmed, loaded: true })}
              onError={() => setOutcome({ publicId: trimmed, loaded: false })}
            />
          ) : null}
          {preview === "loading" && <span>Loading preview…</span>}
          {preview === "failed" && <span>No preview</span>}
          {preview === "idle" && <span>No icon</span>}
        </div>
      </div>
    </div>
  );
}
