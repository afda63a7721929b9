import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { log } from "@/lib/log";
import { CONSOLE_SCOPES, isScope, type Scope } from "@/lib/wink-contract/scopes";

/**
 * The console's settings, read from the environment and validated once (see DESIGN.md,
 * "Configuration"). A missing or malformed setting stops the console with one message that names
 * every bad variable and how to fix it, and never repeats a secret's value.
 *
 * Two modes: `embedded` (no WINK_API_URL: the sandbox plays Wink and the admins' identity provider,
 * with its well-known development credentials) and `external` (a real Wink).
 */

export type Env = {
  mode: "embedded" | "external";
  production: boolean;
  /** The sandbox's base URL when the console uses the sandbox for Wink or for sign-in, else null. */
  sandboxUrl: string | null;
  wink: WinkSettings;
  auth: {
    /** Session signing key. */
    secret: string;
    /** True when no AUTH_SECRET was set and a development value was derived (see `warnings`). */
    secretIsDerived: boolean;
    /** AUTH_URL: the console's one public origin (`https://console.example.com`), or null. */
    url: string | null;
    /** AUTH_TRUST_HOST=true: a proxy in front sets X-Forwarded-Host and -Proto, so trust them. */
    trustForwardedHeaders: boolean;
    oidc: {
      issuer: string;
      clientId: string;
      clientSecret: string;
      isSandbox: boolean;
      /** The provider as the sign-in button names it: "Google", "Okta", a host name. */
      name: string;
    };
  };
  /** Lower-cased emails (`ann@example.com`) and domains (`@example.com`). */
  access: { admins: readonly string[]; viewers: readonly string[] };
  /** Things that work but should not stay so; getEnv() logs them once. */
  warnings: readonly string[];
};

export type WinkSettings = {
  apiUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: readonly Scope[];
  managingEntityId: string | null;
  version: "2.0";
  timeoutMs: number;
};

export type EnvIssue = { variable: string; message: string };

export class EnvError extends Error {
  constructor(readonly issues: EnvIssue[]) {
    super(
      [
        `The console's settings are not valid (${issues.length} to fix):`,
        ...issues.map(({ variable, message }) => `- ${variable} ${message}`),
        "Set them in the environment (or .env.local) and start again.",
      ].join("\n"),
    );
    this.name = "EnvError";
  }
}

const SANDBOX_DEFAULTS = {
  url: "http://localhost:4010",
  clientId: "wink-console-sandbox",
  clientSecret: "sandbox-console-secret-not-for-production",
  oidcClientId: "wink-console",
  oidcClientSecret: "sandbox-oidc-secret-not-for-production",
  admins: ["admin@sandbox.test"],
  viewers: ["viewer@sandbox.test"],
} as const;

const HOW_TO_FIX: Record<string, string> = {
  WINK_API_URL:
    "Set Wink's API URL (https://api.wink.travel, or https://staging-api.wink.travel), or unset it to use the embedded sandbox.",
  WINK_TOKEN_URL:
    "Set Wink's token endpoint (https://iam.wink.travel/oauth2/token, or https://staging-iam.wink.travel/oauth2/token).",
  WINK_CLIENT_ID: "Set the client id of the console's MACHINE_2_MACHINE application in Wink.",
  WINK_CLIENT_SECRET: "Set the secret of the console's MACHINE_2_MACHINE application in Wink.",
  WINK_SCOPES: `List scopes from Wink's catalogue, separated by spaces, e.g. "${CONSOLE_SCOPES.join(" ")}".`,
  WINK_VERSION: "Unset it, or set 2.0: the only version Wink accepts.",
  WINK_TIMEOUT_MS: "Set a whole number of milliseconds from 100 to 120000, e.g. 10000.",
  SANDBOX_URL: "Set the sandbox's base URL, e.g. http://localhost:4010.",
  AUTH_SECRET: "Generate one with `openssl rand -base64 32`.",
  AUTH_URL:
    "Set the address people open the console at, e.g. https://console.example.com, or unset it.",
  AUTH_TRUST_HOST:
    "Set true only when a proxy in front of the console sets X-Forwarded-Host and X-Forwarded-Proto; else unset it.",
  AUTH_OIDC:
    "Set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET together, or none of them to sign in through the sandbox.",
  CONSOLE_ADMINS:
    'List emails or @domains separated by commas, e.g. "ann@example.com,@example.com".',
};
HOW_TO_FIX.CONSOLE_VIEWERS = HOW_TO_FIX.CONSOLE_ADMINS!;
for (const name of ["ISSUER", "CLIENT_ID", "CLIENT_SECRET"])
  HOW_TO_FIX[`AUTH_OIDC_${name}`] = HOW_TO_FIX.AUTH_OIDC!;

// ---------------------------------------------------------------------------------------------
// Value schemas. Messages read after the variable's name ("WINK_TIMEOUT_MS is not a number").

/** Unset, empty and blank are the same: `.env` files write `WINK_API_URL=` for "not set". */
const setting = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() ? value.trim() : undefined),
    schema.optional(),
  );

export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}

/** Absolute http(s), no embedded user or password; https unless loopback when `requireHttps`. */
const urlValue = (requireHttps: boolean, keepTrailingSlash = false) =>
  z.string().transform((value, ctx) => {
    const fail = (message: string) => (ctx.addIssue({ code: "custom", message }), z.NEVER);
    if (!URL.canParse(value)) return fail("is not an absolute URL.");
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:")
      return fail("must start with https:// or http://.");
    if (url.username || url.password) return fail("must not contain a user name or password.");
    if (requireHttps && url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
      return fail("must use https:// (plain http is allowed only for localhost).");
    }
    // The OIDC issuer is compared to the provider's `issuer` as a string: keep it as written.
    return keepTrailingSlash ? value : value.replace(/\/+$/, "");
  });

/** A public origin: Auth.js would take a path in it for its own base path, so none is allowed. */
const originValue = (requireHttps: boolean) =>
  urlValue(requireHttps).transform((value, ctx) => {
    const url = new URL(value);
    if (url.pathname !== "/" || url.search || url.hash) {
      ctx.addIssue({
        code: "custom",
        message: "must be an origin only: scheme, host and port, without a path or query.",
      });
      return z.NEVER;
    }
    return url.origin;
  });

const booleanValue = z
  .string()
  .transform((value) => value.toLowerCase())
  .pipe(z.enum(["true", "false"], { error: "must be true or false." }))
  .transform((value) => value === "true");

const scopesValue = z.string().transform((value, ctx) => {
  const scopes = [...new Set(value.split(/[\s,]+/).filter(Boolean))];
  const unknown = scopes.filter((scope) => !isScope(scope));
  if (unknown.length) {
    ctx.addIssue({
      code: "custom",
      message: `names scopes that are not in Wink's catalogue: ${unknown.join(", ")}.`,
    });
    return z.NEVER;
  }
  return scopes as Scope[];
});

const EMAIL = /^[^\s@,]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const DOMAIN = /^@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

const accessListValue = z.string().transform((value, ctx) => {
  const entries = [
    ...new Set(
      value
        .split(",")
        .map((entry) => entry.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const invalid = entries.filter((entry) => !EMAIL.test(entry) && !DOMAIN.test(entry));
  if (invalid.length) {
    ctx.addIssue({
      code: "custom",
      message: `has entries that are neither an email nor an @domain: ${invalid.join(", ")}.`,
    });
  } else if (!entries.length) {
    ctx.addIssue({ code: "custom", message: "lists nobody." });
  }
  return entries;
});

const timeoutValue = z
  .string()
  .regex(/^\d+$/, { error: "is not a whole number of milliseconds." })
  .transform(Number)
  .refine((ms) => ms >= 100 && ms <= 120_000, { error: "is out of range." });

function rawSchema(requireHttps: boolean) {
  return z.object({
    NODE_ENV: setting(z.string()),
    WINK_API_URL: setting(urlValue(requireHttps)),
    WINK_TOKEN_URL: setting(urlValue(requireHttps)),
    WINK_CLIENT_ID: setting(z.string()),
    WINK_CLIENT_SECRET: setting(z.string()),
    WINK_SCOPES: setting(scopesValue),
    WINK_MANAGING_ENTITY_ID: setting(z.string()),
    WINK_VERSION: setting(z.literal("2.0", { error: "must be 2.0." })),
    WINK_TIMEOUT_MS: setting(timeoutValue),
    SANDBOX_URL: setting(urlValue(false)),
    AUTH_SECRET: setting(
      z.string().min(32, { error: "is too short: use at least 32 characters." }),
    ),
    AUTH_URL: setting(originValue(requireHttps)),
    AUTH_TRUST_HOST: setting(booleanValue),
    AUTH_OIDC_ISSUER: setting(urlValue(requireHttps, true)),
    AUTH_OIDC_CLIENT_ID: setting(z.string()),
    AUTH_OIDC_CLIENT_SECRET: setting(z.string()),
    CONSOLE_ADMINS: setting(accessListValue),
    CONSOLE_VIEWERS: setting(accessListValue),
  });
}
type Raw = z.output<ReturnType<typeof rawSchema>>;

// ---------------------------------------------------------------------------------------------

/** Validates `source` (the environment by default) without side effects: tests pass their own. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const external = Boolean(source.WINK_API_URL?.trim());
  const issues: EnvIssue[] = [];
  const report = (variable: string, message: string) => {
    // One complaint per variable: a malformed value is not also "missing" to the rules below.
    if (!issues.some((issue) => issue.variable === variable)) {
      issues.push(issueOf(variable, message));
    }
  };
  // Each variable on its own, so that one message lists every problem, not only the first kind.
  const raw: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(rawSchema(external).shape)) {
    const parsed = (schema as z.ZodType).safeParse(source[name]);
    if (parsed.success) raw[name] = parsed.data;
    else report(name, parsed.error.issues[0]?.message ?? "is not valid.");
  }
  const env = resolve(raw as Raw, external ? "external" : "embedded", report);
  if (issues.length) throw new EnvError(issues);
  return env;
}

function issueOf(variable: string, message: string): EnvIssue {
  const fix = HOW_TO_FIX[variable];
  return { variable, message: fix ? `${message} ${fix}` : message };
}

/** The rules between variables, and the defaults of each mode. */
function resolve(
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

  const clientId = raw.WINK_CLIENT_ID ?? SANDBOX_DEFAULTS.clientId;
  const clientSecret = raw.WINK_CLIENT_SECRET ?? SANDBOX_DEFAULTS.clientSecret;
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
      admins: raw.CONSOLE_ADMINS ?? (ownIdp ? [] : [...SANDBOX_DEFAULTS.admins]),
      viewers: raw.CONSOLE_VIEWERS ?? (ownIdp ? [] : [...SANDBOX_DEFAULTS.viewers]),
    },
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

let memo: Env | undefined;

/** The validated settings, computed once per process; warnings are logged the first time. */
export function getEnv(): Env {
  if (!memo) {
    memo = loadEnv(process.env);
    for (const warning of memo.warnings) log.warn("env.warning", { message: warning });
  }
  return memo;
}

/** Tests that change process.env call this to make getEnv() read it again. */
export function resetEnvForTests(): void {
  memo = undefined;
}
