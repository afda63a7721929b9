"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "@/lib/utils";
import { Button, type ButtonProps } from "./button";

const FEEDBACK_MS = 2000;

type CopyState = "idle" | "copied" | "failed";

export type CopyButtonProps = Omit<ButtonProps, "value" | "onClick" | "children" | "asChild"> & {
  /** The exact text put on the clipboard. */
  value: string;
  /** What is copied, e.g. "client ID": the button's accessible name becomes "Copy client ID". */
  label: string;
  /** Show the word "Copy" next to the icon (otherwise an icon button with a hidden name). */
  showText?: boolean;
};

/**
 * Copies `value` with the async Clipboard API. Success shows "Copied" for about two seconds and is
 * announced politely; failure (no permission, insecure context, old browser) says so and stays, so
 * the admin knows to select and copy by hand instead of pasting something stale.
 */
export function CopyButton({
  value,
  label,
  showText = false,
  variant = "outline",
  size,
  className,
  ...props
}: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = window.setTimeout(() => setState("idle"), FEEDBACK_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("Clipboard API unavailable");
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // Deliberately not logged: the value may be a secret.
      setState("failed");
    }
  }

  const Icon = state === "copied" ? Check : Copy;
  return (
    <span
      data-slot="copy-button"
      className={cn("inline-flex flex-wrap items-center gap-2", className)}
    >
      <Button
        type="button"
        variant={variant}
        size={size ?? (showText ? "sm" : "icon")}
        aria-label={`Copy ${label}`}
        onClick={copy}
        {...props}
      >
        <Icon aria-hidden="true" className={state === "copied" ? "text-success" : undefined} />
        {showText ? <span aria-hidden="true">{state === "copied" ? "Copied" : "Copy"}</span> : null}
      </Button>
      {/* Always in the DOM so screen readers pick up the change when it is filled in. */}
      <span
        data-slot="copy-button-status"
        role="status"
        aria-live="polite"
        className={cn(
          // Empty, it is taken out of the layout (sr-only) but stays a live region.
          "text-xs font-medium empty:sr-only",
          state === "copied" && "text-success",
          state === "failed" && "text-error",
        )}
      >
        {state === "copied" ? (
          <>
            Copied<span className="sr-only"> {label}</span>
          </>
        ) : null}
        {state === "failed" ? "Copy failed — select and copy manually" : null}
      </span>
    </span>
  );
}
