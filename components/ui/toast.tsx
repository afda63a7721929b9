"use client";

import { CircleAlert, CircleCheck, X } from "lucide-react";
import { Toaster as Sonner } from "sonner";
import { provideToaster } from "./toaster";

// SECURITY: never put a secret, token or credential in a toast. Toasts are announced to screen
// readers, linger on screen for anyone looking, land in screenshots and screen recordings, and are
// outside the guarded reveal dialog: the only place a secret may appear.
//
// BIDI: text that comes from an admin or from Wink (an application's name) goes inside <bdi>, so
// that a name starting with U+202E (right-to-left override) cannot reverse the toast's own words.

/**
 * Shows a toast from anywhere in the browser: `toast.success(…)`, `toast.error(…)`. Give an error
 * `{ duration: 10_000 }`: longer than an outcome's five seconds, so that it can be read.
 */
export { toast } from "sonner";

const icon = "mt-0.5 size-4 shrink-0";

/**
 * The console's toasts, in the existing look. Sonner keeps the stack (at most three at once: a
 * burst of failures should not bury the page) and announces each toast in a polite live region.
 * The layout's `<Toaster />` (./toaster.tsx) mounts it once this module is loaded.
 */
function ConsoleToaster() {
  return (
    <Sonner
      position="bottom-right"
      visibleToasts={3}
      closeButton
      icons={{
        success: <CircleCheck className={icon} aria-hidden="true" />,
        error: <CircleAlert className={icon} aria-hidden="true" />,
        close: <X className="size-4" aria-hidden="true" />,
      }}
      toastOptions={{
        unstyled: true,
        duration: 5_000,
        closeButtonAriaLabel: "Dismiss notification",
        classNames: {
          toast:
            "relative flex w-full items-start gap-3 rounded-lg border p-4 pr-10 text-sm shadow-lg",
          default: "border-border bg-card text-card-foreground",
          success: "border-success-border bg-success-background text-success-strong",
          error: "border-error-border bg-error-background text-error-strong",
          title: "font-semibold",
          description: "opacity-90",
          closeButton:
            "absolute top-3 right-3 rounded-md p-1 opacity-80 hover:opacity-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
        },
      }}
    />
  );
}

provideToaster(<ConsoleToaster />);
