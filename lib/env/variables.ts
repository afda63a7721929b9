import { z } from "zod";
import { CONSOLE_SCOPES, isScope, type Scope } from "@/lib/wink-contract/scopes";

/**
 * Each setting on its own: how one environment variable is read and what is wrong with it, with
 * the advice that goes after its name in the error message. Rules that tie variables together are
 * in ./rules.ts. Pure and free of secrets: nothing here reads the environment.
 */

/** How to fix each variable, appended to its complaint by `loadEnv()`. */
export const HOW_TO_FIX: Record<string, string> = {
  WINK_API_URL:
    "Set Wink's API URL (https://api.wink.travel, or https://staging-api.wink.travel), or unset it to use the embedded sandbox.",
  WINK_TOKEN_URL:
    "Set Wink's token endpoint (https://iam.wink.travel/oauth2/token, or https://staging-iam.wink.travel/oauth2/token).",
  WINK_CLIENT_ID: "Set the client id of the console's MACHINE_2_MACHINE application in Wink.",
  WINK_CLIENT_SECRET: "Set the secret of the console's MACHINE_2_MACHINE application in Wink.",
  WINK_SCOPES: `List scopes from Wink's catalogue, separated by spaces, e.g. "${CONSOLE_SCOPES.join(" ")}".`,
  WINK_VERSION: "Unset it, or set 2.0: the only version Wink accepts.",
  WINK_TIMEOUT_MS: "Set a whole number of milliseconds from 100 to 120000, e.g. 10000.",
  WINK_ENTITY_CACHE_SECONDS:
    "Set a whole number of seconds from 0 (no cache) to 3600, e.g. 30, or unset it for 30.",
  SANDBOX_URL: "Set the sandbox's base URL, e.g. http://localhost:4010.",
  AUTH_SECRET: "Generate one with `openssl rand -base64 32`.",
  AUTH_URL:
    "Set the address people open the console at, e.g. https://console.example.com, or unset it.",
  AUTH_TRUST_HOST:
    "Set true only when a proxy in front of the console sets X-Forwarded-Host and X-Forwarded-Proto; else unset it.",
  AUTH_OIDC:
    "Set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET together, or none of them to sign in through the sandbox.",
  CONSOLE_METRICS_TOKEN:
    "Generate one with `openssl rand -hex 32` and give the same to Prometheus, or unset it to turn /api/metrics off.",
  CONSOLE_SECRET_MAX_AGE_DAYS:
    "Set a whole number of days from 1 to 3650 (e.g. 90), 0 to turn the secret-age policy off, or unset it for 90.",
  CONSOLE_NOTIFY_WEBHOOK_URL:
    "Set an https URL that takes a Slack-compatible JSON message (an incoming webhook), or unset it.",
  CONSOLE_ADMINS:
    'List emails or @domains separated by commas, e.g. "ann@example.com,@example.com".',
};
HOW_TO_FIX.CONSOLE_VIEWERS = HOW_TO_FIX.CONSOLE_ADMINS!;
for (const name of ["ISSUER", "CLIENT_ID", "CLIENT_SECRET"])
  HOW_TO_FIX[`AUTH_OIDC_${name}`] = HOW_TO_FIX.AUTH_OIDC!;

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

/** Seconds a copy of the managing-entity list is kept; 0 asks Wink on every request. */
const entityCacheSecondsValue = z
  .string()
  .regex(/^\d+$/, { error: "is not a whole number of seconds." })
  .transform(Number)
  .refine((seconds) => seconds <= 3600, { error: "is out of range." });

const secretMaxAgeDaysValue = z
  .string()
  .regex(/^\d+$/, { error: "is not a whole number of days." })
  .transform(Number)
  .refine((days) => days <= 3650, { error: "is out of range." });

export function rawSchema(requireHttps: boolean) {
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
    WINK_ENTITY_CACHE_SECONDS: setting(entityCacheSecondsValue),
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
    CONSOLE_METRICS_TOKEN: setting(
      z.string().min(16, { error: "is too short: use at least 16 characters." }),
    ),
    CONSOLE_SECRET_MAX_AGE_DAYS: setting(secretMaxAgeDaysValue),
    CONSOLE_NOTIFY_WEBHOOK_URL: setting(urlValue(requireHttps)),
  });
}
export type Raw = z.output<ReturnType<typeof rawSchema>>;
