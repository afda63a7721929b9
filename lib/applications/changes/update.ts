import "server-only";
import { missingScopes } from "@/lib/applications/scope-diff";
import { updateApplicationSchema } from "@/lib/applications/form-schema";
import { isConsoleApplication } from "@/lib/applications/console-application";
import type { ActionResult } from "@/lib/auth/action";
import { isScope } from "@/lib/wink-contract/scopes";
import { auditChangesOf } from "./audit-changes";
import type { ChangeDependencies } from "./dependencies";
import { runChange, type ApplicationChange } from "./pipeline";

export type UpdatedApplicationSummary = { id: string; name: string };

const update: ApplicationChange<typeof updateApplicationSchema, UpdatedApplicationSummary> = {
  audit: "application.update",
  target: "application",
  schema: updateApplicationSchema,
  repeated: "These changes were already sent once.",
  check({ values, target, deps }) {
    // Editing the console's own application is allowed, but not dropping the scopes the console
    // asks for: its next token request would fail and lock it out just as a rotate would.
    if (!isConsoleApplication(target.application, deps.wink.clientId)) return undefined;
    const lost = missingScopes(deps.consoleScopes, values.scopes);
    if (lost.length === 0) return undefined;
    const error = `The console uses this application and needs ${lost.join(", ")}: keep ${
      lost.length === 1 ? "it" : "them"
    }, or the console loses access to Wink.`;
    return { error, status: 400, fieldErrors: { scopes: error } };
  },
  describe: ({ values, target }) => auditChangesOf(target.application, values),
  async call({ values, target, deps }) {
    // Wink's PATCH requires `name`: the whole editable object is sent, never a partial one.
    const updated = await deps.wink.updateApplication(target.entityId, target.applicationId, {
      name: values.name,
      redirectUris: values.redirectUris,
      postLogoutRedirectUris: values.postLogoutRedirectUris,
      // The schema has checked every one against the catalogue; this narrows the type.
      scopes: values.scopes.filter(isScope),
      iconIdentifier: values.iconIdentifier,
    });
    return { done: true, status: 200, data: { id: updated.id, name: updated.name ?? values.name } };
  },
};

/** Saves the whole editable object of an application. */
export function updateApplication(
  request: { entityId: unknown; applicationId: unknown; submissionId: unknown; input: unknown },
  deps: ChangeDependencies,
): Promise<ActionResult<UpdatedApplicationSummary>> {
  return runChange(update, request, deps);
}
