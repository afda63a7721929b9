import "server-only";
import { isPlausibleApplicationId } from "@/lib/applications/routes";
import { confirmationMatches, confirmationPhrase } from "@/lib/applications/confirmation";
import { isConsoleApplication } from "@/lib/applications/console-application";
import { winkErrorResult } from "@/lib/applications/wink-error-result";
import type { ActionRefusal } from "@/lib/auth/action";
import { isWinkError, type Application } from "@/lib/wink";
import type { AuditTrail } from "./audit-trail";
import type { ChangeDependencies } from "./dependencies";

/**
 * The checks every change makes before it may ask Wink to change anything. They refuse in this
 * order, each with the words the admin sees; the pipeline audits each refusal.
 */

/** A refusal before Wink: plain words, the HTTP-like status, and field errors where one is to blame. */
export type Refusal = { error: string; status: number; fieldErrors?: Record<string, string> };

export type EntityTarget = { entityId: string };
export type ApplicationTarget = {
  entityId: string;
  applicationId: string;
  application: Application;
};

/**
 * A submission id is the browser's `crypto.randomUUID()` (36 characters), but any caller may send
 * one. It is not a secret: it only marks a request as a repeat. Word characters and dashes only, so
 * it is safe in a log line and a database key. At least 16 characters, so two callers' random ids
 * do not collide (a collision would refuse an honest change as a repeat); at most 64, so the replay
 * guard's memory per entry (and its database column) stays bounded whatever a caller sends.
 */
const SUBMISSION_ID = /^[\w-]{16,64}$/;

/** The ids from the URL and the form: known entity, plausible application id, well-formed id. */
export async function checkRequest(
  request: { entityId: unknown; applicationId?: unknown; submissionId: unknown },
  hasApplication: boolean,
  deps: Pick<ChangeDependencies, "isKnownEntity">,
): Promise<{ ok: true; entityId: string; applicationId?: string } | ({ ok: false } & Refusal)> {
  const { entityId, applicationId, submissionId } = request;
  // The entity id is in the URL, and the URL is the caller's to write.
  if (typeof entityId !== "string" || !entityId || !(await deps.isKnownEntity(entityId))) {
    return {
      ok: false,
      error: "This managing entity is not one the console manages.",
      status: 404,
    };
  }
  if (hasApplication && !isPlausibleApplicationId(applicationId)) {
    return { ok: false, error: "There is no such application.", status: 404 };
  }
  if (typeof submissionId !== "string" || !SUBMISSION_ID.test(submissionId)) {
    return {
      ok: false,
      error: "The form is out of date: reload the page and try again.",
      status: 400,
    };
  }
  return hasApplication
    ? { ok: true, entityId, applicationId: applicationId as string }
    : { ok: true, entityId };
}

const OWN_CREDENTIAL =
  "This is the application whose credential the console itself uses. Rotating or deleting it " +
  "would lock the console out of Wink, so the console does not do it. Do it in Wink's own " +
  "portal if you must, and update WINK_CLIENT_ID and WINK_CLIENT_SECRET straight after.";

/**
 * Reads the application as Wink has it now (a read, which lib/wink may retry safely), or takes
 * `rules.shown` (what a page showed a moment ago, for a delete) instead, then refuses the console's
 * own credential (rotate, delete) and a typed name that does not match. A WinkError from the read
 * is audited as failed and mapped like any other.
 */
export async function checkApplication(
  ids: { entityId: string; applicationId: string },
  rules: { protectConsoleApplication: boolean; confirmation?: string; shown?: Application },
  deps: Pick<ChangeDependencies, "wink">,
  trail: AuditTrail,
): Promise<
  { ok: true; target: ApplicationTarget } | { ok: false; result: Promise<ActionRefusal> }
> {
  let application: Application;
  try {
    application =
      rules.shown?.id === ids.applicationId
        ? rules.shown
        : await deps.wink.getApplication(ids.entityId, ids.applicationId);
  } catch (error) {
    if (!isWinkError(error)) throw error;
    await trail.failed(error);
    return { ok: false, result: Promise.resolve(winkErrorResult(error)) };
  }
  trail.setClientId(application.clientId);

  if (rules.protectConsoleApplication && isConsoleApplication(application, deps.wink.clientId)) {
    return { ok: false, result: trail.refused({ error: OWN_CREDENTIAL, status: 403 }) };
  }
  const phrase = confirmationPhrase(application);
  if (rules.confirmation !== undefined && !confirmationMatches(rules.confirmation, phrase)) {
    return {
      ok: false,
      result: trail.refused({
        error: "The name typed does not match the application's name.",
        status: 400,
        fieldErrors: { confirmName: `Type ${phrase} exactly to confirm.` },
      }),
    };
  }
  return { ok: true, target: { ...ids, application } };
}
