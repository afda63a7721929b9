"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Closing logic of a dialog that must not be dismissed by accident (the shown-once secret).
 * Escape, an outside click and any Radix close request ask for confirmation instead of closing;
 * only `close()` (the Done button, or "Close anyway") really closes. While `open`, leaving or
 * reloading the page asks the browser's own "Leave site?" question.
 */
export function useGuardedClose({ open, onClose }: { open: boolean; onClose(): void }) {
  const [confirming, setConfirming] = useState(false);
  // Where focus was when the confirmation opened, to put it back on "Keep open": the dialog has no
  // trigger for Radix to return to.
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!open) return;
    function warn(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Older Chromium and Safari show the prompt only when returnValue is set.
      event.returnValue = "";
    }
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [open]);

  function requestClose() {
    const active = document.activeElement;
    returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setConfirming(true);
  }

  function close() {
    setConfirming(false);
    returnFocus.current = null;
    onClose();
  }

  return {
    confirming,
    close,
    requestClose,
    /** For the confirmation's AlertDialog. */
    confirmProps: {
      // Never outlives the dialog, even if the parent drops the credentials some other way.
      open: open && confirming,
      onOpenChange: setConfirming,
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
