import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { getEnv } from "@/lib/env";
import { revokeSession } from "@/lib/guards";
import { log } from "@/lib/log";
import { noteAuthError } from "./sign-in-failures";

declare module "next-auth" {
  interface Session {
    /**
     * The sign-in's random id (the JWT's `sid` claim), which sign-out revokes. Not a credential:
     * knowing it lets no one in or out; the signed, encrypted cookie is the credential.
     */
    sessionId?: string;
  }
}

/** How long a sign-in lasts. Admin consoles keep it short: a working day. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * Auth.js with one generic OpenID Connect provider: the organisation's identity provider, or the
 * sandbox's in the embedded setup. Authorization code with PKCE, state and nonce, discovered from
 * the issuer. Sessions are JWT cookies so the console stays stateless; the role is not stored in
 * them but derived from the email on every request (lib/auth/session.ts).
 *
 * Sign-out must end a session on every console process, and a JWT is valid wherever it is shown
 * until it expires. Of the two ways to do that, Auth.js database sessions (its Drizzle adapter)
 * would read a session row and write its expiry back on every request; a revocation list costs one
 * primary-key lookup per request on a table that holds only the sign-outs of the last 8 hours, and
 * keeps the cookie self-contained. So each sign-in gets a random id (`sid`: Auth.js renews `jti`
 * each time it re-issues the cookie, so that cannot be it), sign-out revokes it
 * (lib/guards/sessions.ts), and lib/auth/session.ts refuses a revoked one.
 *
 * The configuration is built lazily, per request, so that settings are read at run time (one build
 * serves every deployment) and a bad setting fails the request that needs it with a clear message.
 */
function buildConfig(): NextAuthConfig {
  const { auth } = getEnv();
  return {
    secret: auth.secret,
    // Auth.js's trustHost only says whether to serve requests at all without AUTH_URL: it then
    // builds URLs from X-Forwarded-Host or Host as they come. The console settles the host itself
    // before Auth.js sees a request (lib/auth/origin.ts: AUTH_URL, else forwarded headers only
    // with AUTH_TRUST_HOST=true, else Host), in proxy.ts for pages and actions and in
    // lib/auth/handlers.ts for /api/auth, so what reaches Auth.js is already trusted.
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in", signOut: "/signed-out" },
    providers: [
      {
        id: "oidc",
        name: auth.oidc.name,
        type: "oidc",
        issuer: auth.oidc.issuer,
        clientId: auth.oidc.clientId,
        clientSecret: auth.oidc.clientSecret,
        checks: ["pkce", "state", "nonce"],
        authorization: { params: { scope: "openid email profile" } },
      },
    ],
    callbacks: {
      jwt({ token, profile }) {
        // Only at sign-in does Auth.js pass the identity provider's profile. Keep what the console
        // shows and decides on; nothing else (no provider tokens) goes into the cookie.
        if (profile) {
          // An address the identity provider itself calls unverified is no proof of who this is:
          // it is dropped, and the person gets no role.
          const verified = profile.email_verified !== false;
          token.email =
            verified && typeof profile.email === "string" ? profile.email.toLowerCase() : null;
          token.name = typeof profile.name === "string" ? profile.name : null;
          token.sid = randomUUID();
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          email: token.email ?? "",
          name: token.name ?? null,
        };
        if (typeof token.sid === "string") session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      // Both ways out (the console's sign-out action and Auth.js's own /api/auth/signout) come here
      // with the decoded cookie, before it is cleared.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (typeof token?.sid !== "string") return;
        // Kept until the JWT itself expires: after that it is refused anyway.
        const exp =
          typeof token.exp === "number" ? token.exp : nowSeconds() + SESSION_MAX_AGE_SECONDS;
        try {
          await revokeSession(token.sid, new Date(exp * 1000));
        } catch (error) {
          // The cookie is still cleared in this browser; a copy of it stays valid until it expires.
          log.error("auth.sign-out.not-revoked", { error });
        }
      },
    },
    logger: {
      // Auth.js errors can carry provider responses; log the kind only, never the details. Its
      // `type` is a string constant; a production build minifies `name`.
      error(error) {
        noteAuthError(error);
        const kind = "type" in error && typeof error.type === "string" ? error.type : error.name;
        console.error(JSON.stringify({ level: "error", msg: "auth error", kind }));
      },
      warn(code) {
        console.warn(JSON.stringify({ level: "warn", msg: "auth warning", code }));
      },
      debug() {},
    },
  };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
