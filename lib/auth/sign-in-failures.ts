import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Why a sign-in came back without a session, in kinds a person can act on.
 *
 * Auth.js (5.0.0-beta.32) redirects every failed callback to the sign-in page with one of two
 * `error` codes: `OAuthCallbackError` when the identity provider answered with an error, and
 * `Configuration` for everything else, from an unreachable provider to a sign-in that was merely
 * started again in another tab. The error it throws says more, and reaches the `logger.error`
 * option: `InvalidCheck` (a state, PKCE or nonce cookie missing or unreadable),
 * `OAuthCallbackError`, or `CallbackRouteError` wrapping what oauth4webapi threw. This module
 * keeps that error for the request (`noteAuthError`) and turns it into a `SignInFailure`.
 */
export type SignInFailure =
  /** The person cancelled at the identity provider, or it refused them (`access_denied`). */
  | "Cancelled"
  /** The check cookies are gone or unreadable: over 15 minutes, or an old callback link. */
  | "Expired"
  /** A newer sign-in in another tab replaced this one's check cookies. */
  | "StartedElsewhere"
  /** The identity provider reported a passing problem (`temporarily_unavailable`, ...). */
  | "ProviderUnavailable"
  /** The identity provider needed the person and could not ask (`login_required`, ...). */
  | "Incomplete"
  /** Anything else: the settings, or the provider's, need someone to look at them. */
  | "Configuration";

/**
 * What the identity provider's error response (RFC 6749, 4.1.2.1; OpenID Connect Core, 3.1.2.6)
 * means for the person. Codes not listed (invalid_request, unauthorized_client, invalid_scope,
 * unsupported_response_type, unknown ones) point at the console's registration: Configuration.
 */
const PROVIDER_ERRORS: Record<string, SignInFailure> = {
  access_denied: "Cancelled",
  temporarily_unavailable: "ProviderUnavailable",
  server_error: "ProviderUnavailable",
  login_required: "Incomplete",
  interaction_required: "Incomplete",
  consent_required: "Incomplete",
  account_selection_required: "Incomplete",
};

// oauth4webapi's messages for a state or nonce that belongs to another sign-in (state: RFC 6749,
// 10.12; nonce: OpenID Connect Core, 3.1.3.7). A *missing* state, or a wrong issuer, is not this.
const OTHER_SIGN_IN = [
  /unexpected "state" response parameter value/,
  /unexpected ID Token "nonce" claim value/,
];

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The kind of a failed sign-in, from the error Auth.js threw and the query of the callback request
 * (which carries the provider's `error` code: Auth.js does not keep it on the error it throws).
 */
export function classifySignInFailure(
  error: unknown,
  callbackQuery: URLSearchParams,
): SignInFailure {
  switch (field(error, "type")) {
    case "InvalidCheck":
      return "Expired";
    case "OAuthCallbackError":
      return PROVIDER_ERRORS[callbackQuery.get("error") ?? ""] ?? "Configuration";
    case "CallbackRouteError": {
      // Told apart by oauth4webapi's codes and messages, never by class name: a production build
      // minifies class names, while these are string constants.
      const cause = field(field(error, "cause"), "err");
      const message = String(field(cause, "message") ?? "");
      if (OTHER_SIGN_IN.some((pattern) => pattern.test(message))) return "StartedElsewhere";
      // The token endpoint refused the code: already used, or expired (RFC 6749, 5.2). A wrong
      // client secret is invalid_client, and stays a configuration error.
      if (
        field(cause, "code") === "OAUTH_RESPONSE_BODY_ERROR" &&
        field(cause, "error") === "invalid_grant"
      ) {
        return "Expired";
      }
      return "Configuration";
    }
    default:
      return "Configuration";
  }
}

const current = new AsyncLocalStorage<{ error?: unknown }>();

/** For Auth.js's `logger.error`: remembers the error for the request being handled, if any. */
export function noteAuthError(error: unknown): void {
  const store = current.getStore();
  if (store) store.error = error;
}

/** The `error` codes of Auth.js's redirects that `explainSignInFailure` may make more precise. */
const VAGUE = new Set(["Configuration", "OAuthCallbackError"]);

/**
 * Runs an Auth.js request handler; when it redirects to the sign-in page with a vague `error`,
 * replaces the code with the `SignInFailure` and adds `callbackUrl` from `returnTo`, so that
 * "start again" leads where the person was going. Other responses pass unchanged.
 */
export async function explainSignInFailure(
  request: Request,
  handle: () => Promise<Response>,
  returnTo: () => string | null,
): Promise<{ response: Response; failure: SignInFailure | null }> {
  const store: { error?: unknown } = {};
  const response = await current.run(store, handle);
  const location = response.headers.get("location");
  if (store.error === undefined || !location) return { response, failure: null };
  const target = new URL(location, request.url);
  const code = target.searchParams.get("error");
  if (target.pathname !== "/sign-in" || !code || !VAGUE.has(code)) {
    return { response, failure: null };
  }
  const failure = classifySignInFailure(store.error, new URL(request.url).searchParams);
  target.searchParams.set("error", failure);
  const path = returnTo();
  if (path) target.searchParams.set("callbackUrl", path);
  const headers = new Headers(response.headers);
  headers.set("location", target.toString());
  return { response: new Response(null, { status: response.status, headers }), failure };
}
