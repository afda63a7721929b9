"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { currentGuardedPopState, setGuardedPopState } from "./popstate-relay";

/**
 * While `armed`, every way the page can change asks first, through `onAttempt(leave)`; calling
 * `leave()` then goes where the admin was going, unguarded.
 *
 * - Back and Forward: the browser has already moved when `popstate` fires, so the listener, added
 *   before Next's router's (./popstate-relay.ts), stops the event before the router hears of it and pushes the guarded
 *   page's entry back: neither the page nor the URL changes.
 *   `leave()` goes back to the entry that was asked for.
 * - A link anywhere on the page (breadcrumb, entity switcher): caught in the capture phase on
 *   window, before React's own listener on the document; `leave()` follows it with Next's router.
 *   Links that open a new tab or window leave this page alone and are let through.
 * - Reload, closing the tab, typing a URL: the browser's own "Leave site?" (beforeunload).
 *
 * What cannot be asked about (a redirect from code, the session ending and sending the browser to
 * sign in) cannot lose the secret either: the dialog lives in the root layout, above every page.
 */
export function useLeaveGuard({
  armed,
  onAttempt,
}: {
  armed: boolean;
  onAttempt(leave: () => void): void;
}) {
  const router = useRouter();
  // Set by `leave()`: the navigation the admin confirmed must not be asked about again, even before
  // React has run this effect's cleanup.
  const bypass = useRef(false);
  const attempt = useRef(onAttempt);
  useEffect(() => {
    attempt.current = onAttempt;
  });

  useEffect(() => {
    if (!armed) return;
    bypass.current = false;
    const guarded = { state: window.history.state as unknown, url: window.location.href };

    function onPopState(event: PopStateEvent) {
      if (bypass.current) return;
      event.stopImmediatePropagation();
      window.history.pushState(guarded.state, "", guarded.url);
      attempt.current(() => {
        bypass.current = true;
        window.history.back();
      });
    }

    function onClick(event: MouseEvent) {
      if (bypass.current || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return;
      if (anchor.target && anchor.target !== "_self") return;
      const to = new URL(anchor.href, window.location.href);
      const here = new URL(window.location.href);
      if (to.origin === here.origin && to.pathname === here.pathname && to.search === here.search)
        return;
      event.preventDefault();
      event.stopImmediatePropagation();
      attempt.current(() => {
        bypass.current = true;
        if (to.origin === here.origin) router.push(`${to.pathname}${to.search}${to.hash}`);
        else window.location.assign(to.href);
      });
    }

    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (bypass.current) return;
      event.preventDefault();
      // Older Chromium and Safari show the prompt only when returnValue is set.
      event.returnValue = "";
    }

    setGuardedPopState(onPopState);
    window.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      if (currentGuardedPopState() === onPopState) setGuardedPopState(null);
      window.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [armed, router]);
}
