import "server-only";

/**
 * One HTTP exchange with a deadline that covers the whole of it: connecting, waiting for the
 * headers AND reading the body. (A fetch whose headers arrived but whose body trickles forever would
 * otherwise hang a server action past any time-out.)
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type Exchange = {
  status: number;
  headers: Headers;
  body: string;
  durationMs: number;
};

/**
 * The exchange did not complete. `notSent` is true only when the connection was never made, so
 * Wink cannot have seen the request; any other failure may have happened after Wink acted.
 */
export class TransportFailure extends Error {
  constructor(
    readonly kind: "timeout" | "network",
    readonly notSent: boolean,
    readonly durationMs: number,
    options?: { cause?: unknown },
  ) {
    super(kind === "timeout" ? "request timed out" : "network failure", options);
    this.name = "TransportFailure";
  }
}

// Errors that mean no connection was established (DNS, refused, unreachable, TLS handshake).
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

export async function exchange(
  fetchImpl: FetchLike,
  url: string,
  init: Omit<RequestInit, "signal" | "redirect">,
  timeoutMs: number,
): Promise<Exchange> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // `manual`: a redirect is reported, not followed. Following one would turn a POST into a GET
    // and send the bearer token to wherever the redirect points.
    const response = await fetchImpl(url, { ...init, signal, redirect: "manual" });
    const body = await response.text();
    return { status: response.status, headers: response.headers, body, durationMs: elapsed() };
  } catch (error) {
    if (signal.aborted) throw new TransportFailure("timeout", false, elapsed(), { cause: error });
    throw new TransportFailure("network", wasNotSent(error), elapsed(), { cause: error });
  }
}

function wasNotSent(error: unknown): boolean {
  // undici wraps the system error: TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }).
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && NOT_SENT_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The request id Wink (or its gateway) put on the answer, for support requests. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-request-id") ?? headers.get("wink-request-id") ?? undefined;
}
