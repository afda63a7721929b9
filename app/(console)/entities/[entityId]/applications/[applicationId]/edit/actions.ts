"use server";

import { defaultChangeDependencies } from "@/lib/applications/changes/default-dependencies";
import { updateApplication as update } from "@/lib/applications/changes/update";
import { forgetApplicationList } from "@/lib/applications/list";

// A public POST endpoint: lib/applications/changes checks the session, the role and the input
// itself, and asks Wink to change something once, never retried. Only actions are exported from a
// "use server" file. It drops this process's copy of the entity's list once the change is over
// (whatever its outcome: Wink may have done it): lib/applications/list-copy.ts.

/** Saves the whole editable object. */
export async function updateApplication(
  entityId: string,
  applicationId: string,
  submissionId: string,
  input: unknown,
) {
  return update(
    { entityId, applicationId, submissionId, input },
    defaultChangeDependencies(),
  ).finally(() => forgetApplicationList(entityId));
}
