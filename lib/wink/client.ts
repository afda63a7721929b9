import "server-only";
import type { z } from "zod";
import { WinkError } from "./errors";
import * as operations from "./operations";
import type { OperationSpec } from "./operations";
import { DEFAULT_RETRY_POLICY, retryDelayMs, sleep, type RetryPolicy } from "./retry";
import { interpretAnswer, transportError, type Attempt } from "./interpret-answer";
import type {
  Application,
  CreateApplicationRequest,
  CreatedApplication,
  ManagingEntity,
  RemovedEntry,
  RotatedCredentials,
  UpdateApplicationRequest,
  UpdatedApplication,
} from "@/lib/wink-contract/schemas";
import { TokenCache, type ClientCredential, type TokenRequestEvent } from "./token";
import { exchange, requestIdOf, TransportFailure, type FetchLike } from "./transport";

/**
 * The typed client of Wink's application and managing-entity operations.
 *
 * Every request carries `Wink-Version`, `Accept: application/json` and a bearer token, has a
 * deadline that covers the body, and is answered with zod-checked data or a WinkError. A 401 drops
 * the token and repeats the request once with a fresh one; reads also repeat transient failures;
 * changes are otherwise sent exactly once.
 */

export type WinkClientOptions = {
  apiUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  /** Sent as `Wink-Version`; 2.0 is the only value Wink accepts. */
  version?: string;
  timeoutMs?: number;
  fetch?: FetchLike;
  /** Shared between clients of the same credential; a new one per client by default. */
  tokenCache?: TokenCache;
  retry?: Partial<RetryPolicy>;
  /** Observes each request (no headers, no bodies): for logs, metrics and tests. */
  onEvent?: (event: WinkEvent) => void;
};

export type ApiRequestEvent = {
  type: "api-request";
  operation: operations.OperationName;
  method: string;
  path: string;
  /** 1 for the first send; repeats of reads count up. */
  attempt: number;
  status?: number;
  failure?: "timeout" | "network";
  durationMs: number;
  requestId?: string;
};

export type RetryEvent = {
  type: "retry";
  operation: operations.OperationName;
  attempt: number;
  delayMs: number;
  reason: string;
};

export type WinkEvent = ApiRequestEvent | RetryEvent | TokenRequestEvent;

export type WinkClient = {
  /** The console's own client id: callers refuse to rotate or delete the application that has it. */
  readonly clientId: string;
  listApplications(managingEntityId: string): Promise<Application[]>;
  /** A missing application is a WinkError with status 404. */
  getApplication(managingEntityId: string, applicationId: string): Promise<Application>;
  createApplication(
    managingEntityId: string,
    request: CreateApplicationRequest,
  ): Promise<CreatedApplication>;
  updateApplication(
    managingEntityId: string,
    applicationId: string,
    request: UpdateApplicationRequest,
  ): Promise<UpdatedApplication>;
  /** Wink answers 200 even when it removed nothing: check `success`. */
  deleteApplication(managingEntityId: string, applicationId: string): Promise<RemovedEntry>;
  rotateApplicationCredentials(
    managingEntityId: string,
    applicationId: string,
  ): Promise<RotatedCredentials>;
  listManagingEntities(options?: { type?: string }): Promise<ManagingEntity[]>;
  listAllManagingEntities(): Promise<ManagingEntity[]>;
  /**
   * Resolves when the console can get an access token (a cached one counts), else throws the token
   * WinkError that says why: for readiness checks, without calling the API.
   */
  checkCredential(): Promise<void>;
};

export function createWinkClient(options: WinkClientOptions): WinkClient {
  const apiUrl = options.apiUrl.replace(/\/+$/, "");
  const version = options.version ?? "2.0";
  const timeoutMs = options.timeoutMs ?? 10_000;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const onEvent = options.onEvent;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const tokens =
    options.tokenCache ?? new TokenCache({ fetch: fetchImpl, timeoutMs, onEvent: options.onEvent });
  // Held in this closure only: the returned object has no member through which it could leak.
  const credential: ClientCredential = {
    tokenUrl: options.tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    scopes: options.scopes,
  };

  async function call<S extends z.ZodType>(
    spec: OperationSpec & { schema: S },
  ): Promise<z.output<S>> {
    const attempts = spec.idempotent ? policy.delaysMs.length + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      const result = await attemptOnce(spec, attempt);
      if (result.ok) return result.value as z.output<S>;
      const { error } = result;
      // Only reads get here more than once, and a read never has an unknown outcome, so `retryable`
      // is exactly "transient" (see isTransient in errors.ts).
      if (attempt >= attempts || !error.retryable || tokenEndpointSilent(error)) throw error;
      const delayMs = retryDelayMs(policy, attempt, result.retryAfter ?? null);
      onEvent?.({ type: "retry", operation: spec.name, attempt, delayMs, reason: reasonOf(error) });
      await sleep(delayMs);
    }
  }

  /**
   * A token request that timed out or found no connection is not repeated within the same call: a
   * hanging token endpoint would otherwise hold a page for one time-out per attempt (three, about
   * 31 s at the default 10 s). A 503 or 429 from it is answered at once, so that one is repeated.
   */
  function tokenEndpointSilent(error: WinkError): boolean {
    return error.kind === "token" && error.cause instanceof TransportFailure;
  }

  async function attemptOnce(spec: OperationSpec, attempt: number): Promise<Attempt> {
    let token = await tokenFor(spec.name);
    if (token instanceof WinkError) return { ok: false, error: token };
    let answer = await send(spec, token, attempt);
    if (!(answer instanceof WinkError) && answer.status === 401) {
      // A 401 means Wink did nothing (the token expired early or was revoked), so one repeat with a
      // fresh token is safe even for a change. A second 401 is the credential itself: reported.
      tokens.forget(token);
      token = await tokenFor(spec.name);
      if (token instanceof WinkError) return { ok: false, error: token };
      answer = await send(spec, token, attempt);
    }
    return answer instanceof WinkError
      ? { ok: false, error: answer }
      : interpretAnswer(spec, answer);
  }

  async function tokenFor(operation: string): Promise<string | WinkError> {
    try {
      return await tokens.getToken(credential);
    } catch (error) {
      if (error instanceof WinkError) return error.forOperation(operation);
      throw error;
    }
  }

  /** One HTTP exchange; a transport failure comes back as a WinkError, an error status does not. */
  async function send(spec: OperationSpec, token: string, attempt: number) {
    const query = spec.query ? `?${new URLSearchParams(spec.query)}` : "";
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      // Sent explicitly: the spec's default ("2.0.0") is not in its own enum.
      "Wink-Version": version,
      Accept: "application/json",
    };
    let body: string | undefined;
    if (spec.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(spec.body);
    }
    const seen = { operation: spec.name, method: spec.method, path: spec.path, attempt };

    try {
      const url = `${apiUrl}${spec.path}${query}`;
      const answer = await exchange(
        fetchImpl,
        url,
        { method: spec.method, headers, body },
        timeoutMs,
      );
      const { status, durationMs } = answer;
      const requestId = requestIdOf(answer.headers);
      onEvent?.({ type: "api-request", ...seen, status, durationMs, requestId });
      return answer;
    } catch (error) {
      if (!(error instanceof TransportFailure)) throw error;
      onEvent?.({
        type: "api-request",
        ...seen,
        failure: error.kind,
        durationMs: error.durationMs,
      });
      return transportError(spec, error, timeoutMs);
    }
  }

  return {
    clientId: options.clientId,
    // async: an invalid id or request body becomes a rejected promise, not a synchronous throw.
    listApplications: async (managingEntityId) =>
      call(operations.listApplications(managingEntityId)),
    getApplication: async (managingEntityId, id) =>
      call(operations.getApplication(managingEntityId, id)),
    createApplication: async (managingEntityId, request) =>
      call(operations.createApplication(managingEntityId, request)),
    updateApplication: async (managingEntityId, id, request) =>
      call(operations.updateApplication(managingEntityId, id, request)),
    deleteApplication: async (managingEntityId, id) =>
      call(operations.deleteApplication(managingEntityId, id)),
    rotateApplicationCredentials: async (managingEntityId, id) =>
      call(operations.rotateApplicationCredentials(managingEntityId, id)),
    listManagingEntities: async (filter) => call(operations.listManagingEntities(filter)),
    listAllManagingEntities: async () => call(operations.listAllManagingEntities()),
    checkCredential: async () => {
      const token = await tokenFor("checkCredential");
      if (token instanceof WinkError) throw token;
    },
  };
}

function reasonOf(error: WinkError): string {
  return error.kind === "http"
    ? `HTTP ${error.status}`
    : error.code
      ? `token ${error.code}`
      : error.kind;
}
