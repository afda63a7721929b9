import "server-only";
import { missingScopes } from "@/lib/applications/scope-diff";
import { updateApplicationSchema } from "@/lib/applications/form-schema";
import { isConsoleApplication } from "@/lib/applications/console-application";
import type { ActionResult } from "@/lib/auth/action";
import { isScope } from "@/lib/wink-contract/scopes";
import { auditChangesOf } from "./audit-changes";
import type { ChangeDependencies } from "./dependencies";
import { runChange, type ApplicationChange } from "./pipeline";
import { afterWink } from "./record-writes";

export type UpdatedApplicationSummary = {
  id: string;
  name: string;
  /** False when Wink saved the change but the console's own fields could not be saved. */
  recordSaved: boolean;
};

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
    const { description, owner, clientType } = values;
    const key = { entityId: target.entityId, applicationId: target.applicationId };
    const details = { ...key, description, owner, clientType };
    const consoleFields = [description, owner, clientType].some((value) => value !== undefined);
    const { record } = deps;
    // Wink's PATCH requires `name`: the whole editable object is sent, never a partial one. It is
    // sent even when only the console's fields changed: a save after an unknown outcome must reach
    // Wink again, and the form cannot tell those two cases apart.
    const updated = await deps.wink.updateApplication(target.entityId, target.applicationId, {
      name: values.name,
      redirectUris: values.redirectUris,
      postLogoutRedirectUris: values.postLogoutRedirectUris,
      // The schema has checked every one against the catalogue; this narrows the type.
      scopes: values.scopes.filter(isScope),
      iconIdentifier: values.iconIdentifier,
    });
    // The page after the save shows this rather than asking Wink again: the read just before, with
    // what was sent, and what Wink echoed (name, redirect URIs) where it echoed it.
    deps.answers.noteChanged(target.entityId, {
      ...target.application,
      name: updated.name ?? values.name,
      redirectUris: updated.redirectUris,
      postLogoutRedirectUris: values.postLogoutRedirectUris,
      scopes: values.scopes,
      iconIdentifier: values.iconIdentifier ?? null,
    });
    // After Wink's answer: a failure of the record must not hide that Wink saved the change.
    const recordSaved =
      !record || !consoleFields || (await afterWink("details", () => record.details(details)));
    const name = updated.name ?? values.name;
    return { done: true, status: 200, data: { id: updated.id, name, recordSaved } };
  },
};

/**
 * Saves the whole editable object of an application with Wink (PATCH), then the fields only the
 * console keeps (description, owner, an unknown client type).
 */
export function updateApplication(
  request: { entityId: unknown; applicationId: unknown; submissionId: unknown; input: unknown },
  deps: ChangeDependencies,
): Promise<ActionResult<UpdatedApplicationSummary>> {
  return runChange(update, request, deps);
}
