"use client";

import { useCallback, useRef, useState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import type { UpdateApplicationValues } from "@/lib/applications/form-schema";
import { updateApplication, type UpdatedApplicationSummary } from "../../actions";

/**
 * Sends one save at a time to the server action. Not a react-query mutation, like create: the
 * console has one rule for changes (no automatic retry, a submission id per attempt), and the list
 * query is simply invalidated once the save is through.
 */
export function useUpdateApplication(entityId: string, applicationId: string) {
  const inFlight = useRef(false);
  const submissionId = useRef<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = useCallback(
    async (
      values: UpdateApplicationValues,
    ): Promise<ActionResult<UpdatedApplicationSummary> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPending(true);
      submissionId.current ??= crypto.randomUUID();
      try {
        return await updateApplication(entityId, applicationId, submissionId.current, values);
      } catch {
        return {
          ok: false,
          status: 0,
          outcomeUnknown: true,
          error:
            "The console did not answer. The changes may or may not have been saved: reload the application before you edit it again.",
        };
      } finally {
        // The next save is a new request: a fixed form after a refusal is not a repeat of this one.
        submissionId.current = null;
        inFlight.current = false;
        setPending(false);
      }
    },
    [entityId, applicationId],
  );

  return { submit, pending };
}
