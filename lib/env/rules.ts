import "server-only";
import { createHash } from "node:crypto";
import { CONSOLE_SCOPES } from "@/lib/wink-contract/scopes";
import { SANDBOX_DEFAULTS } from "@/lib/wink-contract/sandbox-defaults";
import { DEFAULT_SECRET_MAX_AGE_DAYS } from "@/lib/applications/secret-policy";
import type { Env } from "./types";
import { isLoopbackHost, type Raw } from "./variables";

/**
 * The rules between variables (what goes together, what production refuses) and the defaults of
 * each mode. Server-only: it holds the sandbox's development access lists and derives the
 * development session key.
 */

const SANDBOX_ACCESS = {
  admins: ["admin@sandbox.test"],
  viewers: ["viewer@sandbox.test"],
} as const;

/** The rules between variables, and the defaults of each mode. */
export function resolve(
  raw: Raw,
  mode: Env["mode"],
  problem: (variable: string, message: string) => void,
): Env {
  const production = raw.NODE_ENV === "production";
  const warnings: string[] = [];
  const sandboxUrl = raw.SANDBOX_URL ?? SANDBOX_DEFAULTS.url;

  if (mode === "external") {
    const because = "is missing: WINK_API_URL is set, so the console needs it.";
    for (const name of ["WINK_TOKEN_URL", "WINK_CLIENT_ID", "WINK_CLIENT_SECRET"] as const) {
      if (!raw[name]) problem(name, because);
    }
  } else {
    if (raw.WINK_TOKEN_URL)
      problem(
        "WINK_TOKEN_URL",
        "is set but WINK_API_URL is not. Set WINK_API_URL too, or unset WINK_TOKEN_URL to use the embedded sandbox.",
      );
    if (Boolean(raw.WINK_CLIENT_ID) !== Boolean(raw.WINK_CLIENT_SECRET)) {
      problem(
        raw.WINK_CLIENT_ID ? "WINK_CLIENT_SECRET" : "WINK_CLIENT_ID",
        "is missing: WINK_CLIENT_ID and WINK_CLIENT_SECRET go together.",
      );
    }
  }

  const oidcNames = ["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"] as const;
  const oidcSet = oidcNames.filter((name) => raw[name]);
  if (oidcSet.length && oidcSet.length < oidcNames.length) {
    for (const name of oidcNames)
      if (!raw[name])
        problem(
          name,
          `is missing: ${oidcSet.join(" and ")} ${oidcSet.length > 1 ? "are" : "is"} set.`,
        );
  }
  const ownIdp = oidcSet.length === oidcNames.length;
  if (ownIdp && !raw.CONSOLE_ADMINS) {
    problem(
      "CONSOLE_ADMINS",
      "is missing: with your own identity provider (AUTH_OIDC_*), nobody could administer the console.",
    );
  }
  // A real Wink behind the sandbox's sign-in, with its published passwords, would hand the account
  // to anyone who can reach the sandbox. A loopback WINK_API_URL is a test rig and may do so.
  const loopbackWink =
    raw.WINK_API_URL !== undefined && isLoopbackHost(new URL(raw.WINK_API_URL).hostname);
  if (!oidcSet.length && mode === "external") {
    if (production && !loopbackWink)
      problem(
        "AUTH_OIDC_ISSUER",
        "is missing: in production, admins of a real Wink must sign in through your identity provider.",
      );
    else
      warnings.push(
        `Admins sign in through the sandbox's identity provider at ${sandboxUrl}, while the console manages Wink at ${raw.WINK_API_URL}. Set AUTH_OIDC_* before anyone else can reach it.`,
      );
  }

  const clientId = raw.WINK_CLIENT_ID ?? SANDBOX_DEFAULTS.consoleClientId;
  const clientSecret = raw.WINK_CLIENT_SECRET ?? SANDBOX_DEFAULTS.consoleClientSecret;
  let authSecret = raw.AUTH_SECRET;
  if (!authSecret) {
    if (production && mode === "external")
      problem("AUTH_SECRET", "is missing: sessions cannot be signed in production without it.");
    // Derived, so every instance and restart agrees on it; from the Wink credential, which in the
    // embedded default is public: hence the warning.
    authSecret = createHash("sha256")
      .update(`wink-console development AUTH_SECRET\n${clientId}\n${clientSecret}`)
      .digest("base64url");
    warnings.push(
      "AUTH_SECRET is not set: sessions are signed with a development key derived from the Wink credential. Set AUTH_SECRET (openssl rand -base64 32) before the console is reachable by others.",
    );
  }

  const scopes = raw.WINK_SCOPES ?? [...CONSOLE_SCOPES];
  const lacking = CONSOLE_SCOPES.filter((scope) => !scopes.includes(scope));
  if (lacking.length)
    warnings.push(
      `WINK_SCOPES lacks ${lacking.join(", ")}: the console cannot do what needs ${lacking.length > 1 ? "them" : "it"}.`,
    );

  return {
    mode,
    production,
    sandboxUrl: mode === "embedded" || !ownIdp ? sandboxUrl : null,
    wink: {
      apiUrl: raw.WINK_API_URL ?? sandboxUrl,
      tokenUrl: raw.WINK_TOKEN_URL ?? `${sandboxUrl}/oauth2/token`,
      clientId,
      clientSecret,
      scopes,
      managingEntityId: raw.WINK_MANAGING_ENTITY_ID ?? null,
      version: "2.0",
      timeoutMs: raw.WINK_TIMEOUT_MS ?? 10_000,
      entityCacheMs: (raw.WINK_ENTITY_CACHE_SECONDS ?? 30) * 1000,
    },
    auth: {
      secret: authSecret,
      secretIsDerived: !raw.AUTH_SECRET,
      url: raw.AUTH_URL ?? null,
      trustForwardedHeaders: raw.AUTH_TRUST_HOST ?? false,
      oidc: {
        issuer: raw.AUTH_OIDC_ISSUER ?? sandboxUrl,
        clientId: raw.AUTH_OIDC_CLIENT_ID ?? SANDBOX_DEFAULTS.oidcClientId,
        clientSecret: raw.AUTH_OIDC_CLIENT_SECRET ?? SANDBOX_DEFAULTS.oidcClientSecret,
        isSandbox: !ownIdp,
        name: ownIdp ? identityProviderName(raw.AUTH_OIDC_ISSUER!) : "Wink sandbox",
      },
    },
    access: {
      admins: raw.CONSOLE_ADMINS ?? (ownIdp ? [] : [...SANDBOX_ACCESS.admins]),
      viewers: raw.CONSOLE_VIEWERS ?? (ownIdp ? [] : [...SANDBOX_ACCESS.viewers]),
    },
    metricsToken: raw.CONSOLE_METRICS_TOKEN ?? null,
    secretPolicy: { maxAgeDays: raw.CONSOLE_SECRET_MAX_AGE_DAYS ?? DEFAULT_SECRET_MAX_AGE_DAYS },
    notifyWebhookUrl: raw.CONSOLE_NOTIFY_WEBHOOK_URL ?? null,
    warnings,
  };
}

/** A name people recognise for the well-known identity providers, else the issuer's host. */
function identityProviderName(issuer: string): string {
  const { hostname, pathname } = new URL(issuer);
  if (hostname === "accounts.google.com") return "Google";
  if (hostname === "login.microsoftonline.com") return "Microsoft";
  if (/\.okta(preview)?\.com$/.test(hostname)) return "Okta";
  if (/\.auth0\.com$/.test(hostname)) return "Auth0";
  if (pathname.includes("/realms/")) return "Keycloak";
  return hostname;
}
