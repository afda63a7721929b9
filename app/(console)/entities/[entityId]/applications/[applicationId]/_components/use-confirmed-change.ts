"use client";

import { useCallback, useRef, useState } from "react";
import type { ActionResult } from "@/lib/auth/action";

/**
 * One confirmed, destructive request at a time (rotate, delete). Deliberately not a react-query
 * mutation: a rotate's result carries the secret, which must live only in the reveal dialog's state,
 * and neither request may ever be retried on its own.
 *
 * The submission id belongs to one opening of the dialog (`begin`). It is spent by a success, kept
 * after an unknown outcome (so that a second click is refused by the server as a repeat instead of
 * rotating twice), and renewed only after a definite refusal, when nothing happened.
 */
export function useConfirmedChange<T>(
  send: (submissionId: string, confirmName: string) => Promise<ActionResult<T>>,
  unanswered: string,
) {
  const inFlight = useRef(false);
  const submissionId = useRef<string | null>(null);
  const [pending, setPending] = useState(false);

  const begin = useCallback(() => {
    submissionId.current = crypto.randomUUID();
  }, []);

  const submit = useCallback(
    async (confirmName: string): Promise<ActionResult<T> | null> => {
      const id = submissionId.current;
      if (inFlight.current || id === null) return null;
      inFlight.current = true;
      setPending(true);
      try {
        const result = await send(id, confirmName);
        if (result.ok) submissionId.current = null;
        else if (!result.outcomeUnknown) submissionId.current = crypto.randomUUID();
        return result;
      } catch {
        // The console itself did not answer: the request may have reached Wink. Keep the id.
        return { ok: false, status: 0, outcomeUnknown: true, error: unanswered };
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [send, unanswered],
  );

  return { begin, submit, pending };
}
