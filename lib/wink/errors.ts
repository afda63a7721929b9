import "server-only";
import type { FieldError, WinkProblem } from "./problem";

export type { FieldError, WinkProblem };

/**
 * - `http`: Wink answered with an error status (see `status` and `problem`).
 * - `timeout`: no complete answer within the configured time.
 * - `network`: no connection, or it broke.
 * - `invalid-response`: a success status whose body is not what the contract says.
 * - `token`: the console could not get an access token (see `code`).
 */
export type WinkErrorKind = "http" | "timeout" | "network" | "invalid-response" | "token";

/**
 * Whether the change a request asked for happened. `not-performed`: certainly not (a 4xx, a token
 * failure, a refused connection, or a read). `unknown`: the request may have reached Wink, which may
 * have acted before the answer was lost (a time-out, a broken connection or a 5xx on a change).
 */
export type WinkOutcome = "not-performed" | "unknown";

export type WinkErrorInit = {
  kind: WinkErrorKind;
  /** Plain words for a person, with no secret, token or header in them. */
  safeMessage: string;
  /** The client operation, e.g. `rotateApplicationCredentials`. */
  operation: string;
  status?: number;
  problem?: WinkProblem;
  requestId?: string;
  retryable: boolean;
  outcome: WinkOutcome;
  /** For `token` errors: the RFC 6749 error code, or `unreachable` / `invalid-response`. */
  code?: string;
  /** The scope the operation needs, so that a 403 can say which one the credential lacks. */
  requiredScope?: string;
  /** For `invalid-response`: where the body differs from the contract (paths and types, no values). */
  issues?: string[];
  cause?: unknown;
};

export type WinkErrorJSON = Omit<WinkErrorInit, "cause" | "safeMessage"> & {
  name: "WinkError";
  message: string;
};

/**
 * Marks WinkErrors across module copies: Next.js bundles lib/wink once for pages and actions and
 * once for route handlers, the process shares one client (see index.ts), and so an error may come
 * from the other copy's class, which `instanceof` would not recognise.
 */
const WINK_ERROR_BRAND = Symbol.for("wink-console.wink-error");

/** The one error type of lib/wink. Its message is `safeMessage`: safe to show and to log. */
export class WinkError extends Error {
  override readonly name = "WinkError" as const;
  readonly [WINK_ERROR_BRAND] = true;
  readonly kind: WinkErrorKind;
  readonly safeMessage: string;
  readonly operation: string;
  readonly status: number | undefined;
  readonly problem: WinkProblem | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly outcome: WinkOutcome;
  readonly code: string | undefined;
  readonly requiredScope: string | undefined;
  readonly issues: string[] | undefined;

  constructor(init: WinkErrorInit) {
    super(init.safeMessage, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.safeMessage = init.safeMessage;
    this.operation = init.operation;
    this.status = init.status;
    this.problem = init.problem;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
    this.outcome = init.outcome;
    this.code = init.code;
    this.requiredScope = init.requiredScope;
    this.issues = init.issues;
  }

  /** Field errors Wink named, for a form to show beside its fields. */
  get fieldErrors(): FieldError[] {
    return this.problem?.fieldErrors ?? [];
  }

  /** The same error attributed to `operation`: a token failure is shared by concurrent callers. */
  forOperation(operation: string): WinkError {
    if (operation === this.operation) return this;
    return new WinkError({
      kind: this.kind,
      safeMessage: this.safeMessage,
      operation,
      status: this.status,
      problem: this.problem,
      requestId: this.requestId,
      retryable: this.retryable,
      outcome: this.outcome,
      code: this.code,
      requiredScope: this.requiredScope,
      issues: this.issues,
      cause: this.cause,
    });
  }

  /** What logs and API responses may carry. Built from the fields above, never from `cause`. */
  toJSON(): WinkErrorJSON {
    return withoutUndefined({
      name: this.name,
      message: this.safeMessage,
      kind: this.kind,
      operation: this.operation,
      status: this.status,
      problem: this.problem,
      requestId: this.requestId,
      retryable: this.retryable,
      outcome: this.outcome,
      code: this.code,
      requiredScope: this.requiredScope,
      issues: this.issues,
    });
  }
}

export function isWinkError(error: unknown): error is WinkError {
  return (
    error instanceof WinkError ||
    (typeof error === "object" && error !== null && WINK_ERROR_BRAND in error)
  );
}

/** True for the failures that a read may repeat at once: they say nothing about the request. */
export function isTransient(error: WinkError): boolean {
  switch (error.kind) {
    case "timeout":
    case "network":
      return true;
    case "http":
      return error.status === 502 || error.status === 503 || error.status === 504;
    case "token":
      return error.code === "unreachable";
    case "invalid-response":
      return false;
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined),
  ) as T;
}
