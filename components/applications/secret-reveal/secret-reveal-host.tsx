"use client";

import { createContext, use, useCallback, useState, type ReactNode } from "react";
import { SecretRevealDialog, type SecretRevealDialogProps } from "./secret-reveal-dialog";

/** A new pair to show once, with what the dialog says about it. */
export type SecretReveal = Omit<SecretRevealDialogProps, "credentials"> & {
  credentials: NonNullable<SecretRevealDialogProps["credentials"]>;
};

const RevealContext = createContext<((reveal: SecretReveal) => void) | null>(null);

/**
 * Holds the shown-once dialog above every page (it is mounted by the root layout), so nothing a
 * page does can unmount it while a secret is on screen: a list refetch that re-renders the table
 * or its empty state, a router.refresh(), a redirect to sign in when the session ends, or a
 * navigation the admin confirmed leaving for. The pair is dropped (state set to null) before the
 * caller's `onClosed` runs.
 *
 * SECURITY: the secret lives in this state only; the callers hand it over and keep no copy.
 */
export function SecretRevealHost({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<SecretReveal | null>(null);
  const reveal = useCallback((next: SecretReveal) => setShown(next), []);

  return (
    <RevealContext value={reveal}>
      {children}
      <SecretRevealDialog
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
    </RevealContext>
  );
}

/** Shows a new client ID and secret in the shown-once dialog. Needs `SecretRevealHost` above. */
export function useRevealSecret(): (reveal: SecretReveal) => void {
  const reveal = use(RevealContext);
  if (!reveal) throw new Error("useRevealSecret needs a SecretRevealHost above it.");
  return reveal;
}
