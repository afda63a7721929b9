import {
  AccessDenied,
  CallbackRouteError,
  InvalidCheck,
  OAuthCallbackError,
} from "@auth/core/errors";
import * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { classifySignInFailure, explainSignInFailure, noteAuthError } from "./sign-in-failures";

const NO_QUERY = new URLSearchParams();

// Auth.js wraps what it caught as `new CallbackRouteError(error, details)`; its public typings
// declare a string message only.
const wrapped = (error: unknown) =>
  new (
    CallbackRouteError as unknown as new (error: unknown, details: object) => CallbackRouteError
  )(error, { provider: "oidc" });
const AS = { issuer: "https://idp.example" } as oauth.AuthorizationServer;
const CLIENT = { client_id: "wink-console" };

/** What oauth4webapi throws, wrapped as Auth.js's callback route wraps it. */
function callbackRouteError(run: () => unknown): CallbackRouteError {
  try {
    run();
  } catch (error) {
    return wrapped(error);
  }
  throw new Error("expected oauth4webapi to throw");
}

const authorizationResponse = (params: Record<string, string>, expectedState: string) =>
  callbackRouteError(() =>
    oauth.validateAuthResponse(AS, CLIENT, new URLSearchParams(params), expectedState),
  );

const tokenError = (error: string, status = 400) =>
  wrapped(
    new oauth.ResponseBodyError("server responded with an error in the response body", {
      cause: { error },
      response: new Response(null, { status }),
    }),
  );

describe("classifySignInFailure", () => {
  it("calls a state from another sign-in (a second tab) StartedElsewhere", () => {
    const error = authorizationResponse({ code: "c", state: "from-tab-1" }, "from-tab-2");
    expect(classifySignInFailure(error, NO_QUERY)).toBe("StartedElsewhere");
    // A production build minifies class names: the kind must not depend on them.
    const cause = (error.cause as { err: Error }).err;
    Object.defineProperty(cause, "name", { value: "m" });
    expect(classifySignInFailure(error, NO_QUERY)).toBe("StartedElsewhere");
    const nonce = wrapped(
      new oauth.OperationProcessingError('unexpected ID Token "nonce" claim value'),
    );
    expect(classifySignInFailure(nonce, NO_QUERY)).toBe("StartedElsewhere");
  });

  it("calls missing or unreadable check cookies, and a used or expired code, Expired", () => {
    expect(classifySignInFailure(new InvalidCheck("state cookie was missing"), NO_QUERY)).toBe(
      "Expired",
    );
    const unreadable = new InvalidCheck("pkceCodeVerifier value could not be parsed", {
      cause: { err: new Error("JWTExpired") },
    });
    expect(classifySignInFailure(unreadable, NO_QUERY)).toBe("Expired");
    const usedCode = tokenError("invalid_grant");
    Object.defineProperty((usedCode.cause as { err: Error }).err, "name", { value: "k" });
    expect(classifySignInFailure(usedCode, NO_QUERY)).toBe("Expired");
  });

  it("reads the provider's error code from the callback's query", () => {
    const error = new OAuthCallbackError("OAuth Provider returned an error");
    const query = (code: string) => new URLSearchParams({ error: code, state: "s" });
    expect(classifySignInFailure(error, query("access_denied"))).toBe("Cancelled");
    expect(classifySignInFailure(error, query("temporarily_unavailable"))).toBe(
      "ProviderUnavailable",
    );
    expect(classifySignInFailure(error, query("server_error"))).toBe("ProviderUnavailable");
    expect(classifySignInFailure(error, query("login_required"))).toBe("Incomplete");
    for (const code of ["invalid_scope", "unauthorized_client", "invalid_request", "made_up"]) {
      expect(classifySignInFailure(error, query(code)), code).toBe("Configuration");
    }
    expect(classifySignInFailure(error, NO_QUERY)).toBe("Configuration");
  });

  it("keeps real configuration problems as Configuration", () => {
    expect(classifySignInFailure(tokenError("invalid_client", 401), NO_QUERY)).toBe(
      "Configuration",
    );
    // The provider answered for another issuer: a wrong AUTH_OIDC_ISSUER, or a mix-up.
    const issuer = authorizationResponse({ code: "c", state: "s", iss: "https://other" }, "s");
    expect(classifySignInFailure(issuer, NO_QUERY)).toBe("Configuration");
    // A provider that drops the state is broken, not a second tab.
    expect(classifySignInFailure(authorizationResponse({ code: "c" }, "s"), NO_QUERY)).toBe(
      "Configuration",
    );
    const unreachable = wrapped(new TypeError("fetch failed"));
    expect(classifySignInFailure(unreachable, NO_QUERY)).toBe("Configuration");
    expect(classifySignInFailure(new Error("anything"), NO_QUERY)).toBe("Configuration");
    expect(classifySignInFailure(undefined, NO_QUERY)).toBe("Configuration");
  });
});

describe("explainSignInFailure", () => {
  const callback = new Request(
    "http://localhost:3001/api/auth/callback/oidc?error=access_denied&state=s",
  );
  const redirectTo = (location: string) => () => Promise.resolve(Response.redirect(location, 302));

  it("replaces a vague error with the failure's kind, and adds where the person was going", async () => {
    const { response, failure } = await explainSignInFailure(
      callback,
      async () => {
        noteAuthError(new OAuthCallbackError("OAuth Provider returned an error"));
        return redirectTo("http://localhost:3001/sign-in?error=OAuthCallbackError")();
      },
      () => "/entities/e-1/applications?q=%D0%BF",
    );
    expect(failure).toBe("Cancelled");
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("http://localhost:3001/sign-in");
    expect(location.searchParams.get("error")).toBe("Cancelled");
    expect(location.searchParams.get("callbackUrl")).toBe("/entities/e-1/applications?q=%D0%BF");
  });

  it("leaves other answers alone", async () => {
    const untouched = [
      // Nothing was logged: a successful callback.
      { note: undefined, location: "http://localhost:3001/entities" },
      // Auth.js's own precise codes.
      {
        note: new AccessDenied("no"),
        location: "http://localhost:3001/sign-in?error=AccessDenied",
      },
      // A redirect elsewhere.
      { note: new InvalidCheck("x"), location: "http://localhost:3001/?error=Configuration" },
    ];
    for (const { note, location } of untouched) {
      const { response, failure } = await explainSignInFailure(
        callback,
        async () => {
          if (note) noteAuthError(note);
          return redirectTo(location)();
        },
        () => "/somewhere",
      );
      expect(failure).toBeNull();
      expect(response.headers.get("location")).toBe(location);
    }
  });

  it("keeps each request's error to itself, and ignores errors logged outside a request", async () => {
    noteAuthError(new InvalidCheck("logged by the proxy's session check"));
    const [first, second] = await Promise.all([
      explainSignInFailure(
        callback,
        async () => {
          await new Promise((resolve) => setImmediate(resolve));
          noteAuthError(new InvalidCheck("state cookie was missing"));
          return redirectTo("http://localhost:3001/sign-in?error=Configuration")();
        },
        () => null,
      ),
      explainSignInFailure(
        callback,
        async () => redirectTo("http://localhost:3001/sign-in?error=Configuration")(),
        () => null,
      ),
    ]);
    expect(first.failure).toBe("Expired");
    expect(new URL(first.response.headers.get("location")!).searchParams.has("callbackUrl")).toBe(
      false,
    );
    expect(second.failure).toBeNull();
  });
});
