"use client";

import { useRef, useState } from "react";
import { useLeaveGuard } from "./use-leave-guard";

/** What the confirmation asks about: closing the dialog, or leaving the page with it. */
export type GuardedCloseReason = "close" | "leave";

/**
 * Closing logic of a dialog that must not be dismissed by accident (the shown-once secret).
 * Escape, an outside click and any Radix close request ask for confirmation instead of closing;
 * only `close()` (the Done button, or "Close anyway") really closes. While `open`, every way of
 * leaving the page asks too (see `useLeaveGuard`); confirming closes the dialog, then goes.
 */
export function useGuardedClose({ open, onClose }: { open: boolean; onClose(): void }) {
  const [confirming, setConfirming] = useState<GuardedCloseReason | null>(null);
  // Where focus was when the confirmation opened, to put it back on "Keep open": the dialog has no
  // trigger for Radix to return to.
  const returnFocus = useRef<HTMLElement | null>(null);
  // The navigation to carry out once the admin confirms leaving.
  const leaveTo = useRef<(() => void) | null>(null);

  function ask(reason: GuardedCloseReason) {
    const active = document.activeElement;
    returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setConfirming(reason);
  }

  useLeaveGuard({
    armed: open,
    onAttempt(leave) {
      leaveTo.current = leave;
      ask("leave");
    },
  });

  function requestClose() {
    leaveTo.current = null;
    ask("close");
  }

  function close() {
    setConfirming(null);
    returnFocus.current = null;
    const leave = leaveTo.current;
    leaveTo.current = null;
    // The secret is dropped before the page changes.
    onClose();
    leave?.();
  }

  return {
    confirming,
    close,
    requestClose,
    /** For the confirmation's AlertDialog. */
    confirmProps: {
      reason: confirming ?? "close",
      // Never outlives the dialog, even if the parent drops the credentials some other way.
      open: open && confirming !== null,
      onOpenChange(next: boolean) {
        if (next) return;
        setConfirming(null);
        leaveTo.current = null;
      },
      onCloseAutoFocus(event: Event) {
        event.preventDefault();
        returnFocus.current?.focus();
        returnFocus.current = null;
      },
    },
    /** For the guarded Dialog root. */
    dialogProps: {
      open,
      onOpenChange(next: boolean) {
        if (!next) requestClose();
      },
    },
    /** For the guarded DialogContent. */
    contentProps: {
      onEscapeKeyDown(event: KeyboardEvent) {
        event.preventDefault();
        requestClose();
      },
      onPointerDownOutside(event: CustomEvent<{ originalEvent: PointerEvent }>) {
        event.preventDefault();
        // A right-click outside is not an attempt to close.
        if (event.detail.originalEvent.button !== 2) requestClose();
      },
      onFocusOutside(event: Event) {
        // Focus leaving (to the browser UI, a toast) is not a request to close: just stay open.
        event.preventDefault();
      },
    },
  };
}
