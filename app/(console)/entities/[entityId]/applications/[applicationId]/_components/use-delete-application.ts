"use client";

import { useCallback } from "react";
import { deleteApplication } from "../actions";
import { useConfirmedChange } from "./use-confirmed-change";

const UNANSWERED =
  "The console did not answer, so the application may or may not have been deleted. Close this " +
  "dialog and reload the page before trying again.";

export function useDeleteApplication(entityId: string, applicationId: string) {
  const send = useCallback(
    (submissionId: string, confirmName: string) =>
      deleteApplication(entityId, applicationId, submissionId, confirmName),
    [entityId, applicationId],
  );
  return useConfirmedChange(send, UNANSWERED);
}
