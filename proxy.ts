import { NextRequest, NextResponse, type NextFetchEvent } from "next/server";
import { auth } from "@/lib/auth/config";
import { isSameOriginRequest, mustComeFromConsole, publicOrigin } from "@/lib/auth/origin";
import { getEnv } from "@/lib/env";

/** Reachable without a session: sign-in and its outcomes, Auth.js itself, and the probes. */
const PUBLIC_PATHS = [/^\/sign-in$/, /^\/signed-out$/, /^\/api\/auth\//, /^\/api\/(health|ready)$/];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  // The sign-in form posts to the console, which redirects to the identity provider: Chromium
  // applies form-action to that redirect, so the provider's origin is allowed as a form target.
  const identityProvider = new URL(getEnv().auth.oidc.issuer).origin;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Radix positions popovers with inline style attributes; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://res.cloudinary.com",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self' ${identityProvider}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

function withSecurityHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  // Every page and JSON read here is per-user: never let a browser or proxy cache keep one.
  response.headers.set("Cache-Control", "no-store, max-age=0");
  if (https) {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

/**
 * Runs before every page and API route. It settles the console's public origin for the request
 * (lib/auth/origin.ts), refuses state-changing requests that did not come from the console's own
 * pages, adds the security headers (with a fresh CSP nonce that Next.js applies to its own
 * scripts) and sends anonymous visitors of a page to sign-in, keeping where they were going. For
 * sessions and roles it is a convenience, not the guard: every page, action and route handler
 * checks them itself (lib/auth/guard.ts), and the guard checks the origin of changes again.
 *
 * `signedIn` is null when the session was not read (see `readsSession`): such a request is never
 * sent to sign-in from here.
 */
function secured(request: NextRequest, signedIn: boolean | null): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const origin = new URL(publicOrigin(request.headers));
  // Safe to trust for HSTS: publicOrigin reads X-Forwarded-Proto only when the operator declared a
  // proxy that sets it (AUTH_TRUST_HOST=true), else AUTH_URL or plain http; a client that forges
  // the header gets no HSTS from it.
  const https = origin.protocol === "https:";
  const { pathname, search } = request.nextUrl;

  // Before any action or route handler runs: a change must come from the console's own pages.
  if (mustComeFromConsole(request.method) && !isSameOriginRequest(request.headers, origin.origin)) {
    const refusal = NextResponse.json(
      { error: "This request did not come from the console's own pages." },
      { status: 403 },
    );
    return withSecurityHeaders(refusal, csp, https);
  }

  if (signedIn === false && readsSession(request)) {
    // Next.js sends this as a relative Location (same origin as the request's own URL), so the
    // browser stays on whatever host and scheme it used.
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withSecurityHeaders(NextResponse.redirect(signIn), csp, https);
  }

  // The forwarded headers were settled in `proxy` below; the pages, actions and route handlers get
  // them so.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(
    NextResponse.next({ request: { headers: requestHeaders } }),
    csp,
    https,
  );
}

/**
 * Whether this proxy decides anything on the session: only for a page navigation (a GET of a
 * non-public page), which it sends to sign-in when anonymous.
 *
 * Every other request (a route handler's JSON, a server action's POST, a public path) is not
 * decided here on the session, so it is not read here: decoding the cookie (decrypting and
 * re-encrypting the JWT) cost a few milliseconds per request for nothing, because the handler
 * reads it again itself. That is safe because nothing passes from here to the handler: it trusts
 * no header, flag or value this proxy could set, and checks the session and the role itself
 * (lib/auth/guard.ts), as it must anyway for a request that did not come through here. The one
 * thing given up is Auth.js's renewal of the cookie's expiry on those requests; page navigations
 * still renew it, and a session still ends at the latest SESSION_MAX_AGE_SECONDS after the last.
 */
function readsSession(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  return (
    request.method === "GET" &&
    !pathname.startsWith("/api/") &&
    !PUBLIC_PATHS.some((pattern) => pattern.test(pathname))
  );
}

const withSession = auth((request: NextRequest & { auth: unknown }) =>
  secured(request, Boolean(request.auth)),
);

/**
 * The request with X-Forwarded-Host and -Proto set to the console's public origin. Everything that
 * builds a URL from them sees that origin, not what a client sent: Auth.js's session check here
 * and in pages, its sign-in and sign-out in server actions (their redirect_uri and cookies), and
 * Next.js's own server-action origin check.
 */
function withSettledOrigin(request: NextRequest): NextRequest {
  const origin = new URL(publicOrigin(request.headers));
  const headers = new Headers(request.headers);
  headers.set("x-forwarded-host", origin.host);
  headers.set("x-forwarded-proto", origin.protocol.slice(0, -1));
  return new NextRequest(request, { headers });
}

// With a lazily built configuration, Auth.js hands back the wrapped handler asynchronously.
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const settled = withSettledOrigin(request);
  if (!readsSession(settled)) return secured(settled, null);
  const handler = (await withSession) as unknown as (
    request: NextRequest,
    event: NextFetchEvent,
  ) => Promise<Response>;
  return handler(settled, event);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
