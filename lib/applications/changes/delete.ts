import "server-only";
import { confirmationSchema } from "@/lib/applications/confirmation";
import type { ActionResult } from "@/lib/auth/action";
import type { ChangeDependencies } from "./dependencies";
import { runChange, type ApplicationChange } from "./pipeline";
import { afterWink } from "./record-writes";

export type DeletedApplication = { id: string; name: string };

const removal: ApplicationChange<typeof confirmationSchema, DeletedApplication> = {
  audit: "application.delete",
  target: "application",
  schema: confirmationSchema,
  protectConsoleApplication: true,
  confirmation: (typed) => typed,
  repeated: "This delete was already sent once.",
  async call({ target, deps }) {
    const removed = await deps.wink.deleteApplication(target.entityId, target.applicationId);
    // Wink answers 200 whether or not it removed the application: `success` decides.
    if (!removed.success) {
      const reason =
        removed.message.trim() || "Wink did not delete the application, and gave no reason.";
      return { done: false, reason, status: 200 };
    }
    const { record } = deps;
    if (record) {
      const key = { entityId: target.entityId, applicationId: target.applicationId };
      await afterWink("deleted", () => record.deleted(key));
    }
    return {
      done: true,
      status: 200,
      data: { id: target.applicationId, name: target.application.name },
    };
  },
};

/** Deletes an application, confirmed by its typed name. */
export function deleteApplication(
  request: { entityId: unknown; applicationId: unknown; submissionId: unknown; input: unknown },
  deps: ChangeDependencies,
): Promise<ActionResult<DeletedApplication>> {
  return runChange(removal, request, deps);
}
