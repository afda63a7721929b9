"use client";

import { useCallback } from "react";
import { useSubmitOnce } from "@/components/applications/changes/use-submit-once";
import type { UpdateApplicationValues } from "@/lib/applications/form-schema";
import { updateApplication } from "../../actions";

const UNANSWERED =
  "The console did not answer. The changes may or may not have been saved: reload the application before you edit it again.";

/** One save per submit; the list query is invalidated by the form once the save is through. */
export function useUpdateApplication(entityId: string, applicationId: string) {
  const send = useCallback(
    (submissionId: string, values: UpdateApplicationValues) =>
      updateApplication(entityId, applicationId, submissionId, values),
    [entityId, applicationId],
  );
  return useSubmitOnce(send, UNANSWERED);
}
