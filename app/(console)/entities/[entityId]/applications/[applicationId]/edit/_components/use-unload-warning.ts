"use client";

import { useEffect } from "react";

/**
 * While `armed` (the form has unsaved changes), closing or reloading the tab asks the browser's
 * "Leave site?" first. Client-side navigation does not fire beforeunload: the form asks about
 * those itself.
 */
export function useUnloadWarning(armed: boolean): void {
  useEffect(() => {
    if (!armed) return;
    function warn(event: BeforeUnloadEvent) {
      event.preventDefault();
      event.returnValue = "";
    }
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [armed]);
}
