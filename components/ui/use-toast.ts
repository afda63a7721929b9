"use client";

import { useSyncExternalStore } from "react";

// SECURITY: never put a secret, token or credential in a toast. Toasts are announced to screen
// readers, linger on screen for anyone looking, land in screenshots and screen recordings, and are
// outside the guarded reveal dialog: the only place a secret may appear.

export type ToastVariant = "default" | "success" | "error";

export interface ToastOptions {
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds before it hides itself; errors default to longer, so they can be read. */
  duration?: number;
}

export interface ToastItem extends ToastOptions {
  id: number;
}

// Only a few at once: a burst of failures should not bury the page.
const MAX_TOASTS = 3;
const NO_TOASTS: readonly ToastItem[] = [];

let toasts: readonly ToastItem[] = NO_TOASTS;
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Shows a toast from anywhere in the browser (a mutation hook, an event handler). */
export function toast(options: ToastOptions): number {
  const id = nextId++;
  toasts = [...toasts, { id, ...options }].slice(-MAX_TOASTS);
  emit();
  return id;
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((item) => item.id !== id);
  emit();
}

export function useToast() {
  // The server snapshot is always empty: toasts exist only in the browser.
  const list = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => NO_TOASTS,
  );
  return { toasts: list, toast, dismiss: dismissToast };
}
