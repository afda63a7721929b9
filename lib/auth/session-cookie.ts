import { getToken } from "next-auth/jwt";

/** What the console reads from a session cookie (lib/auth/config.ts's `jwt` callback wrote it). */
export type SessionClaims = {
  email: string;
  name: string | null;
  /** The sign-in's random id, which sign-out revokes (lib/auth/config.ts). */
  sessionId: string | null;
};

/**
 * The session cookie of a request, decrypted and checked, or null when there is none or it is not
 * valid (not made with `secret`, tampered with, expired). Pure: the caller passes the request's
 * Cookie header, the signing secret (AUTH_SECRET) and whether the console's origin is https, which
 * decides the cookie's name (`__Secure-authjs.session-token` or `authjs.session-token`) as it does
 * for Auth.js.
 *
 * Auth.js's own `auth()` does this and then encrypts a renewed cookie, builds a Request and a
 * Response and parses JSON: about three quarters of its cost, wasted where the renewed cookie cannot
 * be sent (a page, a route handler, a server action). The check is the same: Auth.js's JWT decoder
 * (the encrypted, authenticated JWT, its expiry with Auth.js's 15 s of clock tolerance), on the same
 * cookie, split in chunks or not. Only the Cookie header is passed on: Auth.js's decoder would also
 * take a JWT from an Authorization header, which the console never issues and does not accept.
 */
export async function readSessionCookie(
  cookieHeader: string | null,
  options: { secret: string; secure: boolean },
): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  let token: Record<string, unknown> | null;
  try {
    token = await getToken({
      req: { headers: new Headers({ cookie: cookieHeader }) },
      secret: options.secret,
      secureCookie: options.secure,
      // Silences the decoder's own console output: a bad cookie is simply no session.
      logger: { error() {}, warn() {}, debug() {} },
    });
  } catch {
    return null;
  }
  if (!token) return null;
  return {
    email: typeof token.email === "string" ? token.email : "",
    name: typeof token.name === "string" ? token.name : null,
    sessionId: typeof token.sid === "string" && token.sid ? token.sid : null,
  };
}
