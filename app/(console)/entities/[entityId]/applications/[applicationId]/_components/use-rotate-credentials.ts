"use client";

import { useCallback } from "react";
import { rotateApplicationCredentials } from "../actions";
import { useConfirmedChange } from "./use-confirmed-change";

const UNANSWERED =
  "The console did not answer, so the credentials may or may not have been rotated. Close this " +
  "dialog and look at the application's client ID: if it changed, the rotate happened and the new " +
  "secret is lost, so rotate again. If it is unchanged, it is safe to try again.";

/** Sends one rotate per confirmed click. The result holds the new secret: hand it straight to
 * the reveal dialog's state, nowhere else. */
export function useRotateCredentials(entityId: string, applicationId: string, clientId: string) {
  const send = useCallback(
    (submissionId: string, confirmName: string) =>
      rotateApplicationCredentials(entityId, applicationId, submissionId, confirmName, clientId),
    [entityId, applicationId, clientId],
  );
  return useConfirmedChange(send, UNANSWERED);
}
