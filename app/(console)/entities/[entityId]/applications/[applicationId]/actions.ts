"use server";

import { deleteApplication as remove } from "@/lib/applications/changes/delete";
import { defaultChangeDependencies } from "@/lib/applications/changes/default-dependencies";
import { forgetApplicationList } from "@/lib/applications/list";
import { rotateApplicationCredentials as rotate } from "@/lib/applications/changes/rotate";

// Each export is a public POST endpoint: lib/applications/changes checks the session, the role and
// the input itself, and asks Wink to change something once, never retried. Only actions are
// exported from a "use server" file. Each drops this process's copy of the entity's list once the
// change is over (whatever its outcome: Wink may have done it), so no later view shows the list
// from before it (lib/applications/list-copy.ts).

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
  ).finally(() => forgetApplicationList(entityId));
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
  ).finally(() => forgetApplicationList(entityId));
}
