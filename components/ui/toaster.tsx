"use client";

import { useSyncExternalStore, type ReactElement } from "react";

/**
 * The place of the toasts in the signed-in layout. It stays empty, and costs the page no toast
 * library, until a page that can raise a toast loads ./toast.tsx, which hands its toaster over
 * with `provideToaster`. So the list, which raises none, does not download one; a toast raised on
 * the way to the list (a delete) still shows there, as the layout and its toaster stay mounted
 * across the navigation.
 */

let provided: ReactElement | null = null;
const listeners = new Set<() => void>();

/** Called once by ./toast.tsx when it loads; later calls are ignored. */
export function provideToaster(toaster: ReactElement): void {
  if (provided) return;
  provided = toaster;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Mount once, in the signed-in layout. Nothing on the server: toasts exist only in the browser. */
export function Toaster() {
  return useSyncExternalStore(
    subscribe,
    () => provided,
    () => null,
  );
}
