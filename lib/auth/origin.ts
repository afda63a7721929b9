import { getEnv } from "@/lib/env";

/**
 * The console's public origin, and whether a request came from it.
 *
 * Sign-in sends the identity provider a `redirect_uri`, and sign-out a `post_logout_redirect_uri`,
 * both built on this origin; the state-changing requests the console accepts must come from it.
 * `X-Forwarded-Host` and `X-Forwarded-Proto` are plain request headers that any client can send,
 * so they count only when the operator says a proxy in front of the console sets them.
 */

export interface OriginSettings {
  /** AUTH_URL, as an origin: wins over every header. */
  url: string | null;
  /** AUTH_TRUST_HOST=true: a proxy sets X-Forwarded-Host and -Proto. */
  trustForwardedHeaders: boolean;
}

// A Host header is a host name, IPv4 or [IPv6] literal, and an optional port (RFC 9110, 7.2).
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function originOf(protocol: string | null | undefined, host: string | null | undefined) {
  if ((protocol !== "http" && protocol !== "https") || !host || !HOST.test(host)) return null;
  return URL.canParse(`${protocol}://${host}`) ? new URL(`${protocol}://${host}`).origin : null;
}

/**
 * Of a header that proxies may append to (`a.example, b.example`), the value the nearest proxy
 * wrote: the last. Earlier values may be whatever the client sent.
 */
function nearest(value: string | null): string | null {
  const last = value?.split(",").pop()?.trim();
  return last || null;
}

/**
 * The origin people reach the console at, for this request: AUTH_URL when set; else, with
 * AUTH_TRUST_HOST=true, the proxy's X-Forwarded-Proto and X-Forwarded-Host; else the request's own
 * Host over plain http (`next start` serves http only, so a console reached over https without
 * either setting sits behind a proxy the operator has not declared). `http://localhost` when even
 * Host is missing or malformed (an HTTP/1.0 client).
 */
export function publicOrigin(headers: Headers, settings: OriginSettings = getEnv().auth): string {
  if (settings.url) return settings.url;
  const host = headers.get("host");
  if (settings.trustForwardedHeaders) {
    const forwarded = originOf(
      nearest(headers.get("x-forwarded-proto"))?.toLowerCase() ?? "http",
      nearest(headers.get("x-forwarded-host")) ?? host,
    );
    if (forwarded) return forwarded;
  }
  return originOf("http", host) ?? "http://localhost";
}

/**
 * The origin Auth.js itself derives from a server action's headers (next-auth's
 * `createActionURL`): AUTH_URL, else X-Forwarded-Proto and X-Forwarded-Host, else Host. proxy.ts
 * rewrites those headers to `publicOrigin`, so the two agree; they differ only for a request that
 * did not pass through the proxy.
 */
export function originAuthJsDerives(headers: Headers, authUrl = process.env.AUTH_URL): string {
  if (authUrl) return new URL(authUrl).origin;
  const protocol = headers.get("x-forwarded-proto") ?? "https";
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  return originOf(protocol, host) ?? `${protocol}://${host}`;
}

/**
 * Whether a state-changing request came from the console's own pages. Browsers send `Origin`
 * with every POST, fetch and form alike (Fetch standard, "append a request Origin header"); when a
 * privacy setting strips it, `Sec-Fetch-Site: same-origin` says the same, and no page elsewhere
 * can forge either. A request with neither came from a script or another tool, not from the
 * console, and is refused with the rest: the console's pages always send one.
 */
export function isSameOriginRequest(headers: Headers, origin: string): boolean {
  const sent = headers.get("origin");
  if (sent !== null) return sent === origin;
  return headers.get("sec-fetch-site") === "same-origin";
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request must pass `isSameOriginRequest`: every method but the safe ones (RFC 9110,
 * 9.2.1), wherever it goes. A POST to a page can run a server action with or without the
 * `Next-Action` header (a form posted before JavaScript loads carries the action id in its body),
 * so pages are covered along with /api. Auth.js's own endpoints need no exception: its callback
 * is a GET (the authorization response comes back in the query, not posted by the provider), and
 * its sign-in and sign-out POSTs come from the console's pages.
 */
export function mustComeFromConsole(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
