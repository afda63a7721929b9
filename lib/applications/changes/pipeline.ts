import "server-only";
import type { z } from "zod";
import { winkErrorResult } from "@/lib/applications/wink-error-result";
import { fieldErrorsOf, type ActionRefusal, type ActionResult } from "@/lib/auth/action";
import type { AuditAction } from "@/lib/audit";
import { log } from "@/lib/log";
import { isWinkError, type WinkError } from "@/lib/wink";
import { AuditTrail } from "./audit-trail";
import type { ChangeDependencies } from "./dependencies";
import {
  checkApplication,
  checkRequest,
  type ApplicationTarget,
  type EntityTarget,
  type Refusal,
} from "./preflight";

/**
 * The one way down for every change of an application (create, update, rotate, delete). Each
 * server action is a public POST endpoint, so each goes, top to bottom:
 *
 *   1. authorize: a session, and a role that may change things;
 *   2. parse: the same zod schema the form uses;
 *   3. preflight: the managing entity is one the console manages, the application id is plausible,
 *      the submission id is well formed; for an existing application, it is read from Wink, the
 *      console's own credential is protected (rotate, delete) and the typed name is checked; then
 *      the change's own rule (the rotate's lock and client-ID check, the update's console scopes);
 *      last, the submission id is claimed, so a refusal above never spends it;
 *   4. call Wink once: never retried (lib/wink repeats no change), and a replay is refused above;
 *   5. audit the outcome: succeeded, failed, unknown or refused, one event per request;
 *   6. map a WinkError to the action's result.
 *
 * Context flows down (`ChangeContext`); nothing here calls back into app/.
 */

export type { AuditSink, ChangeDependencies, ChangeGuards } from "./dependencies";
export type { ApplicationTarget, EntityTarget } from "./preflight";

/** What came from the browser, unchecked: every member may be anything. */
export type ChangeRequest = {
  entityId: unknown;
  /** Absent for create, which has no application yet. */
  applicationId?: unknown;
  submissionId: unknown;
  /** What the change's schema parses: the form's values, or the typed confirmation. */
  input: unknown;
};

/** What the Wink call came to: done (with the data for the browser), or answered but not done. */
export type WinkCallResult<T> =
  | { done: true; data: T; status: number; applicationId?: string; clientId?: string }
  /** Wink answered without doing it (delete's `success: false`): `reason` is its message. */
  | { done: false; reason: string; status: number };

export type ChangeContext<V, Target> = {
  values: V;
  target: Target;
  deps: ChangeDependencies;
  /** Who asks, from the session: the console's record names them. */
  actor: { email: string; name: string | null };
};

type ChangeSpecBase<S extends z.ZodType, T, Target> = {
  /** What the audit events name: the action wrapper takes it as data. */
  audit: AuditAction;
  schema: S;
  /** The refusal of a replayed submission id (409). */
  repeated: string;
  /** The change's own rule, after the shared preflight and before the id is claimed. */
  check?(
    context: ChangeContext<z.output<S>, Target>,
  ): Refusal | undefined | Promise<Refusal | undefined>;
  /** The one call to Wink. */
  call(context: ChangeContext<z.output<S>, Target>): Promise<WinkCallResult<T>>;
  /** The words for a lost answer, when the change has better ones than lib/wink's. */
  unknownOutcome?(error: WinkError, context: ChangeContext<z.output<S>, Target>): string;
};

/** Create: acts on the managing entity. */
export type EntityChange<S extends z.ZodType, T> = ChangeSpecBase<S, T, EntityTarget> & {
  target: "entity";
};

/** Update, rotate, delete: act on an application, read from Wink first. */
export type ApplicationChange<S extends z.ZodType, T> = ChangeSpecBase<S, T, ApplicationTarget> & {
  target: "application";
  /** Rotate and delete: refuse the console's own credential (it would lock the console out). */
  protectConsoleApplication?: boolean;
  /** Rotate and delete: the typed name, which must match the application's. */
  confirmation?(values: z.output<S>): string;
  /** Rotate: one change of this application at a time, held from the check to Wink's answer. */
  exclusive?: { refused: string };
};

/** How long an exclusive change may hold its lock: longer than any Wink call can take. */
export const CHANGE_LOCK_TTL_MS = 2 * 60 * 1000;

/** Runs one change down the pipeline; every way out is a result, and each writes one audit event. */
export async function runChange<S extends z.ZodType, T>(
  spec: EntityChange<S, T> | ApplicationChange<S, T>,
  request: ChangeRequest,
  deps: ChangeDependencies,
): Promise<ActionResult<T>> {
  const trail = new AuditTrail(deps.audit, spec.audit, request);

  // 1. authorize
  const authorization = await deps.authorize("change");
  trail.setActor(authorization.viewer);
  if (!authorization.ok) return trail.refused(authorization);

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
    const actor = authorization.viewer;
    const context = { values, target: { entityId: checked.entityId }, deps, actor };
    return claimAndCall(spec, context, request.submissionId as string, trail);
  }

  const loaded = await checkApplication(
    { entityId: checked.entityId, applicationId: checked.applicationId! },
    {
      protectConsoleApplication: spec.protectConsoleApplication ?? false,
      confirmation: spec.confirmation?.(values),
    },
    deps,
    trail,
  );
  if (!loaded.ok) return loaded.result;
  const context = { values, target: loaded.target, deps, actor: authorization.viewer };

  if (!spec.exclusive) return claimAndCall(spec, context, request.submissionId as string, trail);
  const { entityId, applicationId } = loaded.target;
  const release = await deps.guards.acquireChangeLock(
    `${entityId}/${applicationId}`,
    CHANGE_LOCK_TTL_MS,
  );
  if (!release) return trail.refused({ error: spec.exclusive.refused, status: 409 });
  try {
    return await claimAndCall(spec, context, request.submissionId as string, trail);
  } finally {
    // A lock that cannot be released runs out with its TTL; failing here would throw away the
    // result, and with a rotate's result the only copy of the new secret.
    await release().catch((error: unknown) =>
      log.error("applications.lock.release-failed", { error }),
    );
  }
}

/** How long a submission id is remembered: far longer than a person takes to click twice. */
export const SUBMISSION_TTL_MS = 10 * 60 * 1000;

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
  if (!(await context.deps.guards.claimSubmission(submissionId, SUBMISSION_TTL_MS))) {
    return trail.refused({ error: spec.repeated, status: 409 });
  }

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
  return { ok: true, data: outcome.data };
}
