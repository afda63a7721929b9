"use server";

import { createApplication as create } from "@/lib/applications/changes/create";
import { defaultChangeDependencies } from "@/lib/applications/changes/default-dependencies";
import { forgetApplicationList } from "@/lib/applications/list";

// A public POST endpoint: lib/applications/changes checks the session, the role and the input
// itself, and asks Wink once. Only actions are exported from a "use server" file. It drops this
// process's copy of the entity's list once over (lib/applications/list-copy.ts).

/** Creates an application; the result carries its secret once. */
export async function createApplication(entityId: string, submissionId: string, input: unknown) {
  return create({ entityId, submissionId, input }, defaultChangeDependencies()).finally(() =>
    forgetApplicationList(entityId),
  );
}
