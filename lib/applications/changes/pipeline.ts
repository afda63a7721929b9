import "server-only";
import type { z } from "zod";
import { winkErrorResult } from "@/lib/applications/wink-error-result";
import { fieldErrorsOf, type ActionRefusal, type ActionResult } from "@/lib/auth/action";
import { RECORD_UNAVAILABLE } from "@/lib/guards";
import { trackChange } from "@/lib/lifecycle/in-flight";
import { log } from "@/lib/log";
import { isWinkError } from "@/lib/wink";
import { AuditTrail } from "./audit-trail";
import type {
  ApplicationChange,
  ChangeContext,
  ChangeRequest,
  ChangeSpecBase,
  EntityChange,
  WinkCallResult,
} from "./change-spec";
import { CHANGE_LOCK_TTL_MS, SUBMISSION_TTL_MS } from "./guard-times";
import type { ChangeDependencies } from "./dependencies";
import { checkApplication, checkRequest, type ApplicationTarget } from "./preflight";

/**
 * The one way down for every change of an application (create, update, rotate, delete). Each
 * server action is a public POST endpoint, so each goes, top to bottom:
 *
 *   1. authorize: a session, and a role that may change things;
 *   2. parse: the same zod schema the form uses;
 *   3. preflight: the managing entity is one the console manages, the application id is plausible,
 *      the submission id is well formed; for an existing application, it is read from Wink (a
 *      delete may use the page's read of a moment ago instead: recent-answers.ts says what for),
 *      the console's own credential is protected (rotate, delete) and the typed name is checked; then
 *      the change's own rule (the rotate's lock and client-ID check, the update's console scopes);
 *      last, the submission id is claimed, so a refusal above never spends it;
 *   4. call Wink once: never retried (lib/wink repeats no change), and a replay is refused above;
 *   5. audit the outcome: succeeded, failed, unknown or refused, one event per request; on
 *      success, write the console's record of the application;
 *   6. map a WinkError to the action's result.
 *
 * The replay guard, the lock and the audit live in the database: when it cannot be reached the
 * change is refused before Wink is asked (fail closed). Once Wink has done it, a failed audit or
 * record write costs the admin nothing: the answer (perhaps a secret) is returned, and the log
 * line marked `reconcile` says what was not written.
 *
 * Context flows down (`ChangeContext`); nothing here calls back into app/.
 */

export type {
  AuditSink,
  ChangeActor,
  ChangeDependencies,
  ChangeGuards,
  RecordWriter,
} from "./dependencies";
export type { ApplicationTarget, EntityTarget } from "./preflight";
export type {
  ApplicationChange,
  ChangeContext,
  ChangeRequest,
  EntityChange,
  WinkCallResult,
} from "./change-spec";
export { CHANGE_LOCK_TTL_MS, changeLockTtlMs, SUBMISSION_TTL_MS } from "./guard-times";

/**
 * Runs one change down the pipeline; every way out is a result, and each writes one audit event.
 * Counted as in flight until it returns: a shutdown waits for it (lib/lifecycle/shutdown.ts).
 */
export const runChange: typeof runOneChange = (spec, request, deps) =>
  trackChange(() => runOneChange(spec, request, deps));

async function runOneChange<S extends z.ZodType, T>(
  spec: EntityChange<S, T> | ApplicationChange<S, T>,
  request: ChangeRequest,
  deps: ChangeDependencies,
): Promise<ActionResult<T>> {
  const trail = new AuditTrail(deps.audit, spec.audit, request);

  // 1. authorize
  const authorization = await deps.authorize("change");
  trail.setActor(authorization.viewer);
  if (!authorization.ok) return trail.refused(authorization);
  const actor = { email: authorization.viewer.email, name: authorization.viewer.name };

  // 2. parse
  const parsed = spec.schema.safeParse(request.input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return trail.refused({ error: "Some values need fixing.", status: 400, fieldErrors });
  }
  const values: z.output<S> = parsed.data;

  // 3. preflight
  const checked = await checkRequest(request, spec.target === "application", deps);
  if (!checked.ok) return trail.refused(checked);

  if (spec.target === "entity") {
    const name = (values as { name?: unknown }).name;
    if (typeof name === "string") trail.setApplicationName(name);
    const context = { values, target: { entityId: checked.entityId }, deps, actor };
    return claimAndCall(spec, context, request.submissionId as string, trail);
  }

  const ids = { entityId: checked.entityId, applicationId: checked.applicationId! };
  const submissionId = request.submissionId as string;
  const readCheckAndCall = async (): Promise<ActionResult<T>> => {
    const loaded = await checkApplication(
      ids,
      {
        protectConsoleApplication: spec.protectConsoleApplication ?? false,
        confirmation: spec.confirmation?.(values),
        shown: spec.reuseShown
          ? deps.answers.recentlyShown(ids.entityId, ids.applicationId)
          : undefined,
      },
      deps,
      trail,
    );
    if (!loaded.ok) return loaded.result;
    trail.setApplicationName(loaded.target.application.name);
    return claimAndCall(spec, { values, target: loaded.target, deps, actor }, submissionId, trail);
  };
  if (!spec.exclusive) return readCheckAndCall();

  // Locked before the application is read: the change's own check (a rotate's client ID) must see
  // Wink as it is after any other holder's change, not a read made while that change was running.
  let release: (() => Promise<void>) | null;
  try {
    release = await deps.guards.acquireChangeLock(
      `${ids.entityId}/${ids.applicationId}`,
      deps.lockTtlMs ?? CHANGE_LOCK_TTL_MS,
    );
  } catch (error) {
    return recordUnavailable(trail, error);
  }
  if (!release) return trail.refused({ error: spec.exclusive.refused, status: 409 });
  try {
    return await readCheckAndCall();
  } finally {
    // A lock that cannot be released runs out with its TTL; failing here would throw away the
    // result, and with a rotate's result the only copy of the new secret.
    await release().catch((error: unknown) =>
      log.error("applications.lock.release-failed", { error }),
    );
  }
}

/** The database is down: nothing is asked of Wink. The cause goes to the log, not to the admin. */
function recordUnavailable(trail: AuditTrail, error: unknown): Promise<ActionRefusal> {
  log.error("applications.change.record-unavailable", { error });
  return trail.refused({ error: RECORD_UNAVAILABLE, status: 503 });
}

async function claimAndCall<S extends z.ZodType, T, Target>(
  spec: ChangeSpecBase<S, T, Target>,
  context: ChangeContext<z.output<S>, Target>,
  submissionId: string,
  trail: AuditTrail,
): Promise<ActionResult<T>> {
  const refusal = await spec.check?.(context);
  if (refusal) return trail.refused(refusal);
  // Claimed last: the same request sent twice reaches Wink once, and a refusal above did not
  // spend the id, so the admin can fix the form and send it again.
  let claimed: boolean;
  try {
    claimed = await context.deps.guards.claimSubmission(submissionId, SUBMISSION_TTL_MS);
  } catch (error) {
    return recordUnavailable(trail, error);
  }
  if (!claimed) return trail.refused({ error: spec.repeated, status: 409 });
  trail.setChanges(spec.describe?.(context));

  // 4. call Wink once
  let outcome: WinkCallResult<T>;
  try {
    outcome = await spec.call(context);
  } catch (error) {
    if (!isWinkError(error)) throw error;
    // 5. audit, 6. map
    await trail.failed(error);
    const result: ActionRefusal = winkErrorResult(error);
    return result.outcomeUnknown && spec.unknownOutcome
      ? { ...result, error: spec.unknownOutcome(error, context) }
      : result;
  }

  // 5. audit
  if (!outcome.done) {
    await trail.declined(outcome.reason, outcome.status);
    return { ok: false, error: outcome.reason, status: 422 };
  }
  await trail.succeeded(outcome);
  if (spec.record) await writeRecord(spec, context, outcome);
  return { ok: true, data: outcome.data };
}

/** The record after a change Wink did; a failure is logged for the next reconcile, never thrown. */
async function writeRecord<S extends z.ZodType, T, Target>(
  spec: ChangeSpecBase<S, T, Target>,
  context: ChangeContext<z.output<S>, Target>,
  outcome: Extract<WinkCallResult<T>, { done: true }>,
) {
  try {
    await spec.record!(context, outcome.data);
  } catch (error) {
    const target = context.target as Partial<ApplicationTarget>;
    log.error("record.unwritten", {
      reconcile: true,
      unwritten: ["application record"],
      action: spec.audit,
      entityId: target.entityId,
      applicationId: outcome.applicationId ?? target.applicationId,
      clientId: outcome.clientId,
      error,
    });
  }
}
