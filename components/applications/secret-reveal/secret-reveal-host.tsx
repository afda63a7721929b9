"use client";

import {
  createContext,
  use,
  useCallback,
  useEffect,
  useState,
  type ComponentType,
  type ReactNode,
} from "react";
import { Button } from "@/components/ui/button";
import type { SecretRevealDialogProps } from "./secret-reveal-dialog";
// For its effect: the leave guard's Back listener must be on window before Next's router's.
import "./popstate-relay";

/** A new pair to show once, with what the dialog says about it. */
export type SecretReveal = Omit<SecretRevealDialogProps, "credentials"> & {
  credentials: NonNullable<SecretRevealDialogProps["credentials"]>;
};

type RevealDialog = ComponentType<SecretRevealDialogProps>;

let loading: Promise<RevealDialog> | null = null;

/** The dialog's code (the dialog, its snippets, its confirm), fetched once; again after a failure. */
function loadRevealDialog(): Promise<RevealDialog> {
  loading ??= import("./secret-reveal-dialog").then(
    (module) => module.SecretRevealDialog,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Fetches the shown-once dialog's code ahead of its first use. Call it when a create or rotate is
 * sent: the code then arrives during Wink's round trip, and the new secret does not wait for it.
 * Never throws; a failed fetch is tried again when the secret is shown.
 */
export function preloadSecretReveal(): void {
  loadRevealDialog().catch(() => undefined);
}

const RevealContext = createContext<((reveal: SecretReveal) => void) | null>(null);

/**
 * Holds the shown-once dialog above every page (it is mounted by the root layout), so nothing a
 * page does can unmount it while a secret is on screen: a list refetch that re-renders the table
 * or its empty state, a router.refresh(), a redirect to sign in when the session ends, or a
 * navigation the admin confirmed leaving for. The pair is dropped (state set to null) before the
 * caller's `onClosed` runs.
 *
 * The dialog's code is not part of every page: it is fetched when a create or rotate starts
 * (`preloadSecretReveal`), or at the latest when a pair arrives; this host holds the pair until
 * then, and says so if the code cannot be fetched.
 *
 * SECURITY: the secret lives in this state only; the callers hand it over and keep no copy.
 */
export function SecretRevealHost({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<SecretReveal | null>(null);
  const [Dialog, setDialog] = useState<RevealDialog | null>(null);
  const [failed, setFailed] = useState(false);
  const reveal = useCallback((next: SecretReveal) => setShown(next), []);

  // Bumped by "Show the credentials" after a failed fetch, to fetch again.
  const [attempt, setAttempt] = useState(0);
  const waiting = shown !== null && Dialog === null;
  useEffect(() => {
    if (!waiting) return;
    let current = true;
    loadRevealDialog().then(
      (component) => current && setDialog(() => component),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [waiting, attempt]);
  const retry = () => {
    setFailed(false);
    setAttempt((count) => count + 1);
  };

  return (
    <RevealContext value={reveal}>
      {children}
      {Dialog ? (
        <Dialog
          credentials={shown?.credentials ?? null}
          applicationName={shown?.applicationName ?? ""}
          clientType={shown?.clientType}
          tokenUrl={shown?.tokenUrl ?? ""}
          scopes={shown?.scopes}
          mode={shown?.mode ?? "created"}
          finalFocusRef={shown?.finalFocusRef}
          onClosed={() => {
            const onClosed = shown?.onClosed;
            setShown(null);
            onClosed?.();
          }}
        />
      ) : null}
      {waiting && failed ? (
        <div
          role="alert"
          className="fixed inset-x-4 bottom-4 z-50 mx-auto max-w-lg space-y-3 rounded-lg border border-error-border bg-error-background p-4 text-sm text-error-strong shadow-lg"
        >
          <p>
            The new credentials are here, but the window that shows them could not be loaded. Check
            your connection, then show them again. Do not leave this page.
          </p>
          <Button type="button" onClick={retry}>
            Show the credentials
          </Button>
        </div>
      ) : null}
    </RevealContext>
  );
}

/** Shows a new client ID and secret in the shown-once dialog. Needs `SecretRevealHost` above. */
export function useRevealSecret(): (reveal: SecretReveal) => void {
  const reveal = use(RevealContext);
  if (!reveal) throw new Error("useRevealSecret needs a SecretRevealHost above it.");
  return reveal;
}
