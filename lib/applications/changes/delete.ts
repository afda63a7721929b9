import "server-only";
import { confirmationSchema } from "@/lib/applications/confirmation";
import type { ActionResult } from "@/lib/auth/action";
import type { ChangeDependencies } from "./dependencies";
import { runChange, type ApplicationChange } from "./pipeline";

export type DeletedApplication = { id: string; name: string };

const removal: ApplicationChange<typeof confirmationSchema, DeletedApplication> = {
  audit: "application.delete",
  target: "application",
  schema: confirmationSchema,
  protectConsoleApplication: true,
  confirmation: (typed) => typed,
  // Not while a rotate of it runs: its new secret would be shown for an application already gone.
  exclusive: {
    refused:
      "Another change of this application is in progress. Wait for it, then reload the page.",
  },
  repeated: "This delete was already sent once.",
  reuseShown: true,
  async call({ target, deps }) {
    const removed = await deps.wink.deleteApplication(target.entityId, target.applicationId);
    // Wink answers 200 whether or not it removed the application: `success` decides.
    // Whatever Wink answered, nothing about this application is answered from memory any more.
    deps.answers.forget(target.entityId, target.applicationId);
    if (!removed.success) {
      const reason =
        removed.message.trim() || "Wink did not delete the application, and gave no reason.";
      return { done: false, reason, status: 200 };
    }
    return {
      done: true,
      status: 200,
      data: { id: target.applicationId, name: target.application.name },
    };
  },
  // Marked gone, and kept: its history still names it.
  record: ({ target, deps }) =>
    deps.record.deleted({ entityId: target.entityId, applicationId: target.applicationId }),
};

/** Deletes an application, confirmed by its typed name. */
export function deleteApplication(
  request: { entityId: unknown; applicationId: unknown; submissionId: unknown; input: unknown },
  deps: ChangeDependencies,
): Promise<ActionResult<DeletedApplication>> {
  return runChange(removal, request, deps);
}
