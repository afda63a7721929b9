"use server";

import { defaultChangeDependencies } from "@/lib/applications/changes/default-dependencies";
import { updateApplication as update } from "@/lib/applications/changes/update";

// A public POST endpoint: lib/applications/changes checks the session, the role and the input
// itself, and asks Wink to change something once, never retried. Only actions are exported from a
// "use server" file.

/** Saves the whole editable object. */
export async function updateApplication(
  entityId: string,
  applicationId: string,
  submissionId: string,
  input: unknown,
) {
  return update({ entityId, applicationId, submissionId, input }, defaultChangeDependencies());
}
