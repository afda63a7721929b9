"use server";

import { beginExclusive } from "@/lib/applications/exclusive";
import { authedAction, type ActionResult } from "@/lib/auth/action";
import { getEnv } from "@/lib/env";
import { getWinkClient, isWinkError } from "@/lib/wink";
import { isScope } from "@/lib/wink-contract/scopes";
import { updateApplicationSchema } from "@/lib/applications/form-schema";
import {
  type ChangeTrail,
  actorOf,
  auditRefusal,
  changeTrail,
  claimOnce,
  isConsoleApplication,
  loadForChange,
} from "./change-guard";
import { confirmationSchema } from "./confirmation";
import { missingScopes } from "@/lib/applications/scope-diff";
import { rotateOutcomeUnknownMessage } from "./rotate-outcome";

// Each export is a public POST endpoint: it checks the session, the role and its input itself, and
// asks Wink to change something exactly once. Nothing here is retried: lib/wink never repeats a
// change, and the submission id stops a replayed request from reaching Wink a second time.

export type UpdatedApplicationSummary = { id: string; name: string };

export type RotatedApplicationCredentials = {
  id: string;
  name: string;
  clientId: string;
  /** Wink returns it once; the browser shows it once and drops it. Nothing here keeps it. */
  secretKey: string;
};

export type DeletedApplication = { id: string; name: string };

/** Saves the whole editable object (Wink's PATCH requires `name`, so nothing partial is sent). */
export async function updateApplication(
  entityId: string,
  applicationId: string,
  submissionId: string,
  input: unknown,
): Promise<ActionResult<UpdatedApplicationSummary>> {
  return authedAction(
    {
      permission: "change",
      schema: updateApplicationSchema,
      onRefused: auditRefusal("application.update", entityId, applicationId),
    },
    input,
    async (values, viewer) => {
      const trail = changeTrail("application.update", actorOf(viewer), entityId, applicationId);
      const loaded = await loadForChange(trail, {
        entityId,
        applicationId,
        submissionId,
        protectConsoleApplication: false,
      });
      if (!loaded.ok) return loaded;

      // Editing the console's own application is allowed, but not dropping the scopes the console
      // asks for: its next token request would fail and lock it out just as a rotate would.
      if (isConsoleApplication(loaded.application)) {
        const lost = missingScopes(getEnv().wink.scopes, values.scopes);
        if (lost.length > 0) {
          const message = `The console uses this application and needs ${lost.join(", ")}: keep ${
            lost.length === 1 ? "it" : "them"
          }, or the console loses access to Wink.`;
          return trail.refused(message, 400, { scopes: message });
        }
      }

      const repeat = claimOnce(trail, submissionId, "These changes were already sent once.");
      if (repeat) return repeat;

      try {
        const updated = await getWinkClient().updateApplication(
          loaded.entityId,
          loaded.applicationId,
          {
            name: values.name,
            redirectUris: values.redirectUris,
            postLogoutRedirectUris: values.postLogoutRedirectUris,
            // The schema has checked every one against the catalogue; this narrows the type.
            scopes: values.scopes.filter(isScope),
            iconIdentifier: values.iconIdentifier,
          },
        );
        trail.succeeded(200);
        return { ok: true, data: { id: updated.id, name: updated.name ?? values.name } };
      } catch (error) {
        if (!isWinkError(error)) throw error;
        return trail.failed(error);
      }
    },
  );
}

/**
 * Issues a new client ID and secret (Wink's rotate is a GET with side effects). The old pair stops
 * working at once, so this is called only from a confirmed dialog, once, and never retried: a
 * repeat would destroy the secret the first call returned.
 */
export async function rotateApplicationCredentials(
  entityId: string,
  applicationId: string,
  submissionId: string,
  confirmName: string,
  /** The client ID the admin saw when they confirmed: if it changed since, someone rotated. */
  expectedClientId: string,
): Promise<ActionResult<RotatedApplicationCredentials>> {
  return authedAction(
    {
      permission: "change",
      schema: confirmationSchema,
      onRefused: auditRefusal("application.rotate", entityId, applicationId),
    },
    confirmName,
    async (typed, viewer) => {
      const trail = changeTrail("application.rotate", actorOf(viewer), entityId, applicationId);
      const loaded = await loadForChange(trail, {
        entityId,
        applicationId,
        submissionId,
        confirmName: typed,
        protectConsoleApplication: true,
      });
      if (!loaded.ok) return loaded;

      const release = beginExclusive(`${loaded.entityId}/${loaded.applicationId}`);
      if (!release) {
        return trail.refused(
          "A rotate of this application is already in progress. Wait for it, then check the application's client ID.",
          409,
        );
      }
      try {
        // Another tab or another admin rotated since this dialog was opened: a second rotate
        // would kill the pair they were just shown.
        if (loaded.application.clientId !== expectedClientId) {
          return trail.refused(
            "These credentials were rotated since this page was opened, so nothing was done. Reload the page to see the current client ID.",
            409,
          );
        }
        const repeat = claimOnce(
          trail,
          submissionId,
          "This rotate was already sent once. Close the dialog and check the application's client ID before rotating again.",
        );
        if (repeat) return repeat;
        return await rotateOnce(trail, loaded);
      } finally {
        release();
      }
    },
  );
}

async function rotateOnce(
  trail: ChangeTrail,
  loaded: {
    entityId: string;
    applicationId: string;
    application: { name: string; clientId: string };
  },
): Promise<ActionResult<RotatedApplicationCredentials>> {
  const previousClientId = loaded.application.clientId;
  try {
    const rotated = await getWinkClient().rotateApplicationCredentials(
      loaded.entityId,
      loaded.applicationId,
    );
    trail.setClientId(rotated.clientId);
    trail.succeeded(200);
    return {
      ok: true,
      data: {
        id: rotated.id,
        name: loaded.application.name,
        clientId: rotated.clientId,
        secretKey: rotated.secretKey,
      },
    };
  } catch (error) {
    if (!isWinkError(error)) throw error;
    const refusal = trail.failed(error);
    return refusal.outcomeUnknown
      ? { ...refusal, error: rotateOutcomeUnknownMessage(error, previousClientId) }
      : refusal;
  }
}

/** Deletes the application. Wink answers 200 whether or not it removed it: `success` decides. */
export async function deleteApplication(
  entityId: string,
  applicationId: string,
  submissionId: string,
  confirmName: string,
): Promise<ActionResult<DeletedApplication>> {
  return authedAction(
    {
      permission: "change",
      schema: confirmationSchema,
      onRefused: auditRefusal("application.delete", entityId, applicationId),
    },
    confirmName,
    async (typed, viewer) => {
      const trail = changeTrail("application.delete", actorOf(viewer), entityId, applicationId);
      const loaded = await loadForChange(trail, {
        entityId,
        applicationId,
        submissionId,
        confirmName: typed,
        protectConsoleApplication: true,
      });
      if (!loaded.ok) return loaded;

      const repeat = claimOnce(trail, submissionId, "This delete was already sent once.");
      if (repeat) return repeat;

      try {
        const removed = await getWinkClient().deleteApplication(
          loaded.entityId,
          loaded.applicationId,
        );
        if (!removed.success) {
          const error =
            removed.message.trim() || "Wink did not delete the application, and gave no reason.";
          trail.declined(error, 200);
          return { ok: false, error, status: 422 };
        }
        trail.succeeded(200);
        return { ok: true, data: { id: loaded.applicationId, name: loaded.application.name } };
      } catch (error) {
        if (!isWinkError(error)) throw error;
        return trail.failed(error);
      }
    },
  );
}
