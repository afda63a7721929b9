"use client";

import { useCallback, useEffect, useRef, useState } from "react";

const FOCUSABLE =
  '[role="radio"][tabindex="0"], input:not([type="hidden"]):not([disabled]), button:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

function focusFirstInvalid(root: HTMLElement | null) {
  if (!root) return;
  const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!invalid) {
    root.querySelector('[role="alert"]')?.scrollIntoView({ block: "center" });
    return;
  }
  const target = invalid.matches(FOCUSABLE)
    ? invalid
    : (invalid.querySelector<HTMLElement>(FOCUSABLE) ?? invalid);
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "center" });
}

/**
 * After a refused submit, puts focus on the first invalid field of the form, in the order people
 * read it, and scrolls it to the middle of the scrolling area (a long form in a dialog would
 * otherwise keep the message hundreds of pixels out of sight, with focus still on the button).
 * Every field marks itself with aria-invalid; a group (the client type, the scope picker, a URI
 * list with no rows) gets the first control inside it. With no invalid field (a refusal about the
 * whole form), the form's alert is scrolled into view instead.
 *
 * Returns the ref for the form element and `focusFirstError()`, to call once the errors are set:
 * the focus happens after React has rendered them.
 */
export function useFocusFirstError<T extends HTMLElement>() {
  const container = useRef<T>(null);
  const [request, setRequest] = useState(0);

  useEffect(() => {
    if (request === 0) return;
    // react-hook-form hands the resolver's errors to React only after its onInvalid callback has
    // returned, so this render may not show them yet: look once the next frames are drawn.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => focusFirstInvalid(container.current));
    });
    return () => cancelAnimationFrame(frame);
  }, [request]);

  const focusFirstError = useCallback(() => setRequest((count) => count + 1), []);
  return { ref: container, focusFirstError };
}
