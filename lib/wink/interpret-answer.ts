import "server-only";
import { WinkError, isTransient, type WinkErrorKind } from "./errors";
import { parseJson } from "./json";
import {
  httpErrorMessage,
  invalidResponseMessage,
  networkMessage,
  timeoutMessage,
} from "@/lib/wink-contract/messages";
import type { OperationSpec } from "./operations";
import { readProblem, type WinkProblem } from "./problem";
import { requestIdOf, type Exchange, type TransportFailure } from "./transport";

/**
 * Turning what came back (an answer, or no answer) into data or a WinkError, and deciding for each
 * error whether the change it asked for may have happened (`outcome`) and whether trying again
 * is sensible (`retryable`).
 */

export type Attempt =
  { ok: true; value: unknown } | { ok: false; error: WinkError; retryAfter?: string };

export function interpretAnswer(spec: OperationSpec, answer: Exchange): Attempt {
  const requestId = requestIdOf(answer.headers);

  if (answer.status >= 200 && answer.status < 300) {
    const parsed = spec.schema.safeParse(parseJson(answer.body));
    if (parsed.success) return { ok: true, value: parsed.data };
    // Paths and expected types only: zod's messages carry no values, and the body stays unlogged.
    const issues = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
    return { ok: false, error: build(spec, { kind: "invalid-response", requestId, issues }) };
  }

  const problem = readProblem(answer.body);
  const error = build(spec, { kind: "http", status: answer.status, problem, requestId });
  return { ok: false, error, retryAfter: answer.headers.get("retry-after") ?? undefined };
}

export function transportError(
  spec: OperationSpec,
  failure: TransportFailure,
  timeoutMs: number,
): WinkError {
  return build(spec, {
    kind: failure.kind,
    notSent: failure.notSent,
    timeoutMs,
    cause: failure,
  });
}

type Failure = {
  kind: WinkErrorKind;
  status?: number;
  problem?: WinkProblem;
  requestId?: string;
  issues?: string[];
  /** The connection was never made, so Wink cannot have seen the request. */
  notSent?: boolean;
  timeoutMs?: number;
  cause?: unknown;
};

function build(spec: OperationSpec, failure: Failure): WinkError {
  const outcomeUnknown = !spec.idempotent && mayHaveActed(failure);
  const problem = failure.problem ?? { fieldErrors: [] };
  return new WinkError({
    kind: failure.kind,
    safeMessage: messageOf(spec, failure, problem, outcomeUnknown),
    operation: spec.name,
    status: failure.status,
    problem: failure.kind === "http" ? problem : undefined,
    requestId: failure.requestId,
    outcome: outcomeUnknown ? "unknown" : "not-performed",
    // Trying again is sensible when the failure was transient and nothing may have happened; after
    // an unknown outcome a person must look first (a second rotate destroys the first one's secret).
    retryable: !outcomeUnknown && isTransient(failure),
    requiredScope: spec.requiredScope,
    issues: failure.issues,
    cause: failure.cause,
  });
}

/** Whether Wink may have carried out the request although the console got no good answer. */
function mayHaveActed({ kind, status, notSent }: Failure): boolean {
  switch (kind) {
    case "timeout":
    case "invalid-response":
      return true;
    case "network":
      return !notSent;
    case "http":
      // 4xx: refused, nothing done. 5xx: Wink or its gateway failed, possibly half-way.
      return (status ?? 0) >= 500;
    case "token":
      return false;
  }
}

function messageOf(
  spec: OperationSpec,
  failure: Failure,
  problem: WinkProblem,
  outcomeUnknown: boolean,
): string {
  switch (failure.kind) {
    case "http":
      return httpErrorMessage(spec, failure.status ?? 0, problem, outcomeUnknown);
    case "timeout":
      return timeoutMessage(spec, failure.timeoutMs ?? 0, outcomeUnknown);
    case "network":
      return networkMessage(spec, outcomeUnknown);
    case "invalid-response":
    case "token":
      return invalidResponseMessage(spec, outcomeUnknown);
  }
}
