"use server";

import { deleteApplication as remove } from "@/lib/applications/changes/delete";
import { defaultChangeDependencies } from "@/lib/applications/changes/default-dependencies";
import { rotateApplicationCredentials as rotate } from "@/lib/applications/changes/rotate";

// Each export is a public POST endpoint: lib/applications/changes checks the session, the role and
// the input itself, and asks Wink to change something once, never retried. Only actions are
// exported from a "use server" file.

/** Issues a new client ID and secret, if the client ID is still the one the admin saw. */
export async function rotateApplicationCredentials(
  entityId: string,
  applicationId: string,
  submissionId: string,
  confirmName: string,
  expectedClientId: string,
) {
  return rotate(
    { entityId, applicationId, submissionId, input: confirmName, expectedClientId },
    defaultChangeDependencies(),
  );
}

/** Deletes the application, confirmed by its typed name. */
export async function deleteApplication(
  entityId: string,
  applicationId: string,
  submissionId: string,
  confirmName: string,
) {
  return remove(
    { entityId, applicationId, submissionId, input: confirmName },
    defaultChangeDependencies(),
  );
}
