"use client";

import { useCallback } from "react";
import { useSubmitOnce } from "@/components/applications/changes/use-submit-once";
import { deleteApplication } from "../actions";

const UNANSWERED =
  "The console did not answer, so the application may or may not have been deleted. Close this " +
  "dialog and reload the page before trying again.";

/** One delete per confirmed click. */
export function useDeleteApplication(entityId: string, applicationId: string) {
  const send = useCallback(
    (submissionId: string, confirmName: string) =>
      deleteApplication(entityId, applicationId, submissionId, confirmName),
    [entityId, applicationId],
  );
  return useSubmitOnce(send, UNANSWERED);
}
