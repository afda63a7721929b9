"use client";

import { useCallback, useRef, useState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { createApplication, type CreatedCredentials } from "../actions";
import type { CreateApplicationValues } from "@/lib/applications/form-schema";

/**
 * Sends one create to the server action and hands the result back. Deliberately not a
 * react-query mutation: a mutation keeps its result in the query client's cache, and this result
 * carries the secret, which must live only in the reveal dialog's state.
 *
 * One submit at a time (a second click while one is pending is ignored), and each submission
 * carries an id the server remembers, so a replayed request does not create a second application.
 */
export function useCreateApplication(entityId: string) {
  const inFlight = useRef(false);
  const submissionId = useRef<string>(crypto.randomUUID());
  const [pending, setPending] = useState(false);

  const submit = useCallback(
    async (values: CreateApplicationValues): Promise<ActionResult<CreatedCredentials> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPending(true);
      try {
        return await createApplication(entityId, submissionId.current, values);
      } catch {
        return {
          ok: false,
          status: 0,
          outcomeUnknown: true,
          error:
            "The console did not answer. The application may or may not have been created: check the list before you try again.",
        };
      } finally {
        // The next submit is a new request: a fixed form after a refusal must not be taken for
        // a repeat of this one.
        submissionId.current = crypto.randomUUID();
        inFlight.current = false;
        setPending(false);
      }
    },
    [entityId],
  );

  return { submit, pending };
}
