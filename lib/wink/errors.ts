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

/** Everything a WinkError says, declared once: the constructor takes it, `toJSON` gives it back. */
export type WinkErrorFields = {
  kind: WinkErrorKind;
  /** Plain words for a person, with no secret, token or header in them. */
  safeMessage: string;
  /** The client operation, e.g. `rotateApplicationCredentials`. */
  operation: string;
  status?: number;
  problem?: WinkProblem;
  requestId?: string;
  /** A person may try again: the failure was transient and nothing may have happened. */
  retryable: boolean;
  outcome: WinkOutcome;
  /** For `token` errors: the RFC 6749 error code, or `unreachable` / `invalid-response`. */
  code?: string;
  /** The scope the operation needs, so that a 403 can say which one the credential lacks. */
  requiredScope?: string;
  /** For `invalid-response`: where the body differs from the contract (paths and types, no values). */
  issues?: string[];
};

export type WinkErrorInit = WinkErrorFields & { cause?: unknown };

/** What logs and API responses may carry: the fields, `safeMessage` as `message`, never `cause`. */
export type WinkErrorJSON = Omit<WinkErrorFields, "safeMessage"> & {
  name: "WinkError";
  message: string;
};

/**
 * Marks WinkErrors across module copies: Next.js bundles lib/wink once for pages and actions and
 * once for route handlers, the process shares one client (see index.ts), and so an error may come
 * from the other copy's class, which `instanceof` would not recognise.
 */
const WINK_ERROR_BRAND = Symbol.for("wink-console.wink-error");

// The class's public fields are the members of WinkErrorFields (declaration merging), so they are
// written down once, above.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface WinkError extends Readonly<WinkErrorFields> {}

/** The one error type of lib/wink. Its message is `safeMessage`: safe to show and to log. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class WinkError extends Error {
  override readonly name = "WinkError" as const;
  readonly [WINK_ERROR_BRAND] = true;
  readonly #fields: WinkErrorFields;

  constructor(init: WinkErrorInit) {
    const { cause, ...fields } = init;
    super(fields.safeMessage, cause === undefined ? undefined : { cause });
    this.#fields = fields;
    Object.assign(this, fields);
  }

  /** Field errors Wink named, for a form to show beside its fields. */
  get fieldErrors(): FieldError[] {
    return this.problem?.fieldErrors ?? [];
  }

  /** The same error attributed to `operation`: a token failure is shared by concurrent callers. */
  forOperation(operation: string): WinkError {
    if (operation === this.operation) return this;
    return new WinkError({ ...this.#fields, operation, cause: this.cause });
  }

  /** What logs and API responses may carry. Built from the fields above, never from `cause`. */
  toJSON(): WinkErrorJSON {
    const { safeMessage, ...rest } = this.#fields;
    return withoutUndefined({ name: this.name, message: safeMessage, ...rest });
  }
}

export function isWinkError(error: unknown): error is WinkError {
  return (
    error instanceof WinkError ||
    (typeof error === "object" && error !== null && WINK_ERROR_BRAND in error)
  );
}

/** What decides whether a failure is transient: the kind, Wink's status, a token error's code. */
export type FailureFacts = Pick<WinkErrorFields, "kind" | "status" | "code">;

/**
 * Transient: the failure says nothing about the request itself, so the same request may well work
 * a moment later. No complete answer (time-out, broken or refused connection), a gateway or an
 * overloaded Wink (502, 503, 504), or a token endpoint out of reach. The one retry word of lib/wink:
 * reads repeat a transient failure (a bounded number of times), and an error is `retryable` for a
 * person when it is transient and nothing may have happened. Changes are never repeated.
 */
export function isTransient({ kind, status, code }: FailureFacts): boolean {
  switch (kind) {
    case "timeout":
    case "network":
      return true;
    case "http":
      return status === 502 || status === 503 || status === 504;
    case "token":
      return code === "unreachable";
    case "invalid-response":
      return false;
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined),
  ) as T;
}
