import "server-only";
import type { ActionRefusal } from "@/lib/auth/action";
import { refusalFromWinkError } from "@/lib/applications/failures";
import { claimSubmission } from "@/lib/applications/submissions";
import { audit, type AuditAction } from "@/lib/audit";
import { isKnownEntity } from "@/lib/entities";
import { getWinkClient, isWinkError, type Application, type WinkError } from "@/lib/wink";
import { confirmationMatches, confirmationPhrase } from "./confirmation";
import { isPlausibleApplicationId } from "@/lib/applications/routes";

/**
 * The checks that update, rotate and delete share, kept out of actions.ts: a "use server" file
 * exports only actions, and every export there is a public endpoint.
 *
 * Every refusal and every outcome goes through a `ChangeTrail`, so each writes one audit event with
 * the same who and which application.
 */

const SUBMISSION_ID = /^[\w-]{16,64}$/;

type Actor = { email: string | null; role: string | null };

export function actorOf(viewer: { email: string; role: string | null } | null): Actor {
  return { email: viewer?.email ?? null, role: viewer?.role ?? null };
}

/** True when this is the application whose credential the console itself holds. */
export function isConsoleApplication(application: Pick<Application, "clientId">): boolean {
  return application.clientId !== "" && application.clientId === getWinkClient().clientId;
}

export type ChangeTrail = ReturnType<typeof changeTrail>;

export function changeTrail(
  action: AuditAction,
  actor: Actor,
  entityId: unknown,
  applicationId: unknown,
) {
  const base = {
    action,
    actor,
    entityId: typeof entityId === "string" && entityId ? entityId : null,
    ...(typeof applicationId === "string" && applicationId ? { applicationId } : {}),
  };
  // Known once the application is loaded: the audit names the credential, never its secret.
  let clientId: string | undefined;
  const who = () => ({ ...base, ...(clientId ? { clientId } : {}) });

  return {
    setClientId(value: string) {
      clientId = value || undefined;
    },
    /** The console said no before asking Wink to change anything. */
    refused(reason: string, status: number, fieldErrors?: Record<string, string>): ActionRefusal {
      audit({ ...who(), outcome: "refused", reason });
      return { ok: false, error: reason, status, ...(fieldErrors ? { fieldErrors } : {}) };
    },
    /** Wink answered but did not do it (`success: false` on delete). */
    declined(reason: string, status: number) {
      audit({ ...who(), outcome: "failed", status, reason });
    },
    /** A WinkError: failed, or unknown when the change may have happened all the same. */
    failed(error: WinkError): ActionRefusal {
      audit({
        ...who(),
        outcome: error.outcome === "unknown" ? "unknown" : "failed",
        status: error.status,
        requestId: error.requestId,
        reason: error.safeMessage,
      });
      return refusalFromWinkError(error);
    },
    succeeded(status: number) {
      audit({ ...who(), outcome: "succeeded", status });
    },
  };
}

/** For `authedAction`'s `onRefused`: no session, wrong role or bad input, audited as refused. */
export function auditRefusal(action: AuditAction, entityId: unknown, applicationId: unknown) {
  return (refusal: ActionRefusal, viewer: { email: string; role: string | null } | null) => {
    changeTrail(action, actorOf(viewer), entityId, applicationId).refused(
      refusal.error,
      refusal.status,
    );
  };
}

/**
 * Checks what came from the browser and loads the application as Wink has it now (a read, which
 * lib/wink may retry safely). For rotate and delete, refuses the console's own application (it would
 * lock the console out) and a confirmation that does not name the application.
 */
export async function loadForChange(
  trail: ChangeTrail,
  request: {
    entityId: unknown;
    applicationId: unknown;
    submissionId: unknown;
    /** Rotate and delete: the typed name. Absent for update. */
    confirmName?: string;
    protectConsoleApplication: boolean;
  },
): Promise<
  { ok: true; entityId: string; applicationId: string; application: Application } | ActionRefusal
> {
  const { entityId, applicationId, submissionId } = request;
  if (typeof entityId !== "string" || !(await isKnownEntity(entityId))) {
    return trail.refused("This managing entity is not one the console manages.", 404);
  }
  if (!isPlausibleApplicationId(applicationId)) {
    return trail.refused("There is no such application.", 404);
  }
  if (typeof submissionId !== "string" || !SUBMISSION_ID.test(submissionId)) {
    return trail.refused("The form is out of date: reload the page and try again.", 400);
  }

  let application: Application;
  try {
    application = await getWinkClient().getApplication(entityId, applicationId);
  } catch (error) {
    if (!isWinkError(error)) throw error;
    return trail.failed(error);
  }
  trail.setClientId(application.clientId);

  if (request.protectConsoleApplication && isConsoleApplication(application)) {
    return trail.refused(
      "This is the application whose credential the console itself uses. Rotating or deleting it " +
        "would lock the console out of Wink, so the console does not do it. Do it in Wink's own " +
        "portal if you must, and update WINK_CLIENT_ID and WINK_CLIENT_SECRET straight after.",
      403,
    );
  }
  if (
    request.confirmName !== undefined &&
    !confirmationMatches(request.confirmName, confirmationPhrase(application))
  ) {
    return trail.refused("The name typed does not match the application's name.", 400, {
      confirmName: `Type ${confirmationPhrase(application)} exactly to confirm.`,
    });
  }
  return { ok: true, entityId, applicationId, application };
}

/**
 * The replay guard, claimed as the last step before Wink is asked to change something: a refusal
 * above does not spend the id, and the same request sent twice reaches Wink once.
 */
export function claimOnce(trail: ChangeTrail, submissionId: string, alreadyDone: string) {
  return claimSubmission(submissionId) ? null : trail.refused(alreadyDone, 409);
}
