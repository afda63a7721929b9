import "server-only";
import { WinkError, isTransient } from "./errors";
import {
  TOKEN_MESSAGES,
  formatSeconds,
  invalidScopeMessage,
  tokenRefusedMessage,
  tokenUnavailableMessage,
  tokenUnreachableMessage,
} from "@/lib/wink-contract/messages";
import { parseJson } from "./json";
import { tokenErrorSchema, tokenResponseSchema } from "@/lib/wink-contract/schemas";
import { exchange, requestIdOf, TransportFailure, type FetchLike } from "./transport";

/**
 * Access tokens of the client-credentials grant (RFC 6749 section 4.4), cached per process.
 *
 * One token per (token URL, client id, scopes). It is reused until shortly before `expires_in`
 * runs out, and callers that find no usable token while one is being fetched wait for that fetch
 * instead of starting their own: a burst of requests on a cold cache makes one token request.
 */

export type ClientCredential = {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
};

export type TokenRequestEvent = {
  type: "token-request";
  tokenUrl: string;
  status?: number;
  durationMs: number;
  expiresInSeconds?: number;
  error?: string;
};

export type TokenCacheOptions = {
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Milliseconds since the epoch; tests move it forward instead of waiting. */
  now?: () => number;
  onEvent?: (event: TokenRequestEvent) => void;
};

type CachedToken = { accessToken: string; refreshAt: number };

const MIN_MARGIN_MS = 30_000;
const MARGIN_SHARE = 0.1;

/**
 * When to stop using a token: max(30 s, 10% of its lifetime) before it expires, so that a request
 * never leaves with a token that expires on the way. The margin is capped at half the lifetime, else
 * a token that lives under a minute would be refetched for every request.
 */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(Math.max(MIN_MARGIN_MS, lifetimeMs * MARGIN_SHARE), lifetimeMs / 2);
}

export function tokenKey({ tokenUrl, clientId, scopes }: ClientCredential): string {
  return JSON.stringify([tokenUrl, clientId, [...new Set(scopes)].sort()]);
}

export class TokenCache {
  private readonly cached = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<CachedToken>>();
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly onEvent: ((event: TokenRequestEvent) => void) | undefined;

  constructor(options: TokenCacheOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.onEvent = options.onEvent;
  }

  /** A usable access token for the credential: cached, joined in flight, or freshly requested. */
  async getToken(credential: ClientCredential): Promise<string> {
    const key = tokenKey(credential);
    const cached = this.cached.get(key);
    if (cached && this.now() < cached.refreshAt) return cached.accessToken;

    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.requestToken(credential)
        .then((token) => {
          this.cached.set(key, token);
          return token;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return (await pending).accessToken;
  }

  /**
   * Forgets an access token after Wink answered 401 to it, so the next caller fetches a new one. A
   * newer token that another caller already fetched is left alone.
   */
  forget(accessToken: string): void {
    for (const [key, token] of this.cached) {
      if (token.accessToken === accessToken) this.cached.delete(key);
    }
  }

  clear(): void {
    this.cached.clear();
  }

  private async requestToken(credential: ClientCredential) {
    const sentAt = this.now();
    const body = new URLSearchParams({ grant_type: "client_credentials" });
    if (credential.scopes.length) body.set("scope", credential.scopes.join(" "));

    let answer;
    try {
      answer = await exchange(
        this.fetchImpl,
        credential.tokenUrl,
        {
          method: "POST",
          headers: {
            // Basic with each part URL-encoded first, as RFC 6749 section 2.3.1 asks; never also in
            // the body (Wink refuses a request that authenticates twice).
            Authorization: basicAuthorization(credential.clientId, credential.clientSecret),
            "Content-Type": "application/x-www-form-urlencoded",
            Accept: "application/json",
          },
          body: body.toString(),
        },
        this.timeoutMs,
      );
    } catch (error) {
      if (!(error instanceof TransportFailure)) throw error;
      this.emit(credential, { durationMs: error.durationMs, error: error.kind });
      const why =
        error.kind === "timeout"
          ? `no answer within ${formatSeconds(this.timeoutMs)}`
          : "no connection";
      throw tokenError("unreachable", tokenUnreachableMessage(why), { cause: error });
    }

    const { status, headers, durationMs } = answer;
    const json = parseJson(answer.body);
    const requestId = requestIdOf(headers);

    if (status >= 200 && status < 300) {
      const parsed = tokenResponseSchema.safeParse(json);
      if (!parsed.success) {
        this.emit(credential, { status, durationMs, error: "invalid-response" });
        throw tokenError("invalid-response", TOKEN_MESSAGES.invalidResponse, {
          status,
          requestId,
        });
      }
      const { access_token, expires_in } = parsed.data;
      this.emit(credential, { status, durationMs, expiresInSeconds: expires_in });
      // No expires_in (RFC 6749 makes it optional): keep the token until Wink answers 401 to it,
      // which drops it; guessing a lifetime could only be wrong.
      const refreshAt =
        expires_in === undefined
          ? Number.POSITIVE_INFINITY
          : sentAt + expires_in * 1000 - refreshMarginMs(expires_in * 1000);
      return { accessToken: access_token, refreshAt };
    }

    const refusal = tokenErrorSchema.safeParse(json);
    const code = refusal.success ? refusal.data.error : undefined;
    this.emit(credential, { status, durationMs, error: code ?? `HTTP ${status}` });

    if (status >= 500 || status === 429) {
      const message = tokenUnavailableMessage(status);
      throw tokenError("unreachable", message, { status, requestId });
    }
    if (code === "invalid_client" || (status === 401 && code === undefined)) {
      throw tokenError("invalid_client", TOKEN_MESSAGES.invalidClient, {
        status,
        requestId,
      });
    }
    if (code === "invalid_scope") {
      const message = invalidScopeMessage(credential.scopes);
      throw tokenError("invalid_scope", message, { status, requestId });
    }
    if (code === "unauthorized_client") {
      const message = TOKEN_MESSAGES.unauthorizedClient;
      throw tokenError("unauthorized_client", message, { status, requestId });
    }
    const description = refusal.success
      ? scrub(refusal.data.error_description, credential.clientSecret)
      : undefined;
    const message = tokenRefusedMessage(code ?? `HTTP ${status}`, description);
    throw tokenError(code ?? "refused", message, { status, requestId });
  }

  private emit(credential: ClientCredential, event: Omit<TokenRequestEvent, "type" | "tokenUrl">) {
    this.onEvent?.({ type: "token-request", tokenUrl: credential.tokenUrl, ...event });
  }
}

export function basicAuthorization(clientId: string, clientSecret: string): string {
  const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
  return `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
}

function tokenError(
  code: string,
  safeMessage: string,
  extra: { status?: number; requestId?: string; cause?: unknown } = {},
): WinkError {
  return new WinkError({
    kind: "token",
    code,
    safeMessage,
    // Concurrent callers share one token request; each caller's client names its own operation.
    operation: "token",
    status: extra.status,
    requestId: extra.requestId,
    // The API request was never sent without a token, so nothing happened.
    outcome: "not-performed",
    retryable: isTransient({ kind: "token", code }),
    cause: extra.cause,
  });
}

/** A token endpoint should never quote the secret back, but if one does it stops here. */
function scrub(text: string | undefined, secret: string): string | undefined {
  if (!text) return undefined;
  const clipped = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return secret ? clipped.split(secret).join("[REDACTED]") : clipped;
}
