"use client";

import { useCallback, useState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { SubmitOnce } from "./submit-once";

/**
 * One submit at a time to a change's server action, each carrying a submission id (the rule for
 * the id is in submit-once.ts). Deliberately not a react-query mutation: a create's or a rotate's
 * result carries the secret, which must live only in the reveal dialog's state, never in the query
 * client's cache; and no change is ever retried on its own.
 *
 * `send` gets the submission id first, then the arguments given to `submit`. `unanswered` is what
 * the admin reads when the console itself did not answer.
 */
export function useSubmitOnce<Args extends unknown[], T>(
  send: (submissionId: string, ...args: Args) => Promise<ActionResult<T>>,
  unanswered: string,
) {
  const [machine] = useState(() => new SubmitOnce());
  const [pending, setPending] = useState(false);

  const submit = useCallback(
    async (...args: Args): Promise<ActionResult<T> | null> => {
      if (machine.pending) return null;
      setPending(true);
      try {
        return await machine.send((submissionId) => send(submissionId, ...args), unanswered);
      } finally {
        setPending(false);
      }
    },
    [machine, send, unanswered],
  );

  const renew = useCallback(() => machine.renew(), [machine]);

  return { submit, pending, renew };
}
