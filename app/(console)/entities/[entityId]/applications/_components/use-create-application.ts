"use client";

import { useCallback } from "react";
import { useSubmitOnce } from "@/components/applications/changes/use-submit-once";
import { createApplication } from "../actions";
import type { CreateApplicationValues } from "@/lib/applications/form-schema";

const UNANSWERED =
  "The console did not answer. The application may or may not have been created: check the list before you try again.";

/** One create per submit; the result holds the secret: hand it to the reveal dialog's state only. */
export function useCreateApplication(entityId: string) {
  const send = useCallback(
    (submissionId: string, values: CreateApplicationValues) =>
      createApplication(entityId, submissionId, values),
    [entityId],
  );
  return useSubmitOnce(send, UNANSWERED);
}
