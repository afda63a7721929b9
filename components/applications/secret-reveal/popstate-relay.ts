/**
 * The window's first `popstate` listener, which hands the event to the leave guard that is armed
 * (./use-leave-guard.ts), if any. In: `setGuardedPopState(handler)` arms one (null disarms it).
 *
 * It is apart from the guard, and imported by the always-loaded host, because of when it must be
 * added: listeners on window run in the order they were added, whatever their phase, and only one
 * added before Next's router's own (added in an effect, once the router has mounted) can stop the
 * router from hearing of a Back it must not follow. The dialog and its guard load later, on first
 * use; this listener loads with the root layout.
 */

let guardedPopState: ((event: PopStateEvent) => void) | null = null;

if (typeof window !== "undefined") {
  window.addEventListener("popstate", (event) => guardedPopState?.(event));
}

/** The guard that hears the next Back or Forward; null when none is armed. */
export function setGuardedPopState(handler: ((event: PopStateEvent) => void) | null): void {
  guardedPopState = handler;
}

/** The guard armed now, so a guard disarms only itself. */
export function currentGuardedPopState(): ((event: PopStateEvent) => void) | null {
  return guardedPopState;
}
