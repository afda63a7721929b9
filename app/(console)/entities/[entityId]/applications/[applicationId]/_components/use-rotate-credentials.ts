"use client";

import { useCallback } from "react";
import { useSubmitOnce } from "@/components/applications/changes/use-submit-once";
import { rotateApplicationCredentials } from "../actions";

const UNANSWERED =
  "The console did not answer, so the credentials may or may not have been rotated. Close this " +
  "dialog and look at the application's client ID: if it changed, the rotate happened and the new " +
  "secret is lost, so rotate again. If it is unchanged, it is safe to try again.";

/**
 * One rotate per confirmed click, of the client ID the admin saw (the server refuses if it changed).
 * The result holds the new secret: hand it straight to the reveal dialog's state, nowhere else.
 */
export function useRotateCredentials(entityId: string, applicationId: string, clientId: string) {
  const send = useCallback(
    (submissionId: string, confirmName: string) =>
      rotateApplicationCredentials(entityId, applicationId, submissionId, confirmName, clientId),
    [entityId, applicationId, clientId],
  );
  return useSubmitOnce(send, UNANSWERED);
}
