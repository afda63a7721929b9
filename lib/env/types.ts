import type { SecretPolicy } from "@/lib/applications/secret-policy";
import type { Scope } from "@/lib/wink-contract/scopes";

/**
 * The shape of the console's validated settings (see DESIGN.md, "Configuration"). Types only: the
 * values come from `loadEnv()`/`getEnv()` in ./load.ts, on the server.
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
  /** CONSOLE_METRICS_TOKEN: the bearer token /api/metrics asks for; null: no metrics endpoint. */
  metricsToken: string | null;
  /** CONSOLE_SECRET_MAX_AGE_DAYS: how old a client secret may grow (lib/applications/secret-policy.ts). */
  secretPolicy: SecretPolicy;
  /** CONSOLE_NOTIFY_WEBHOOK_URL: where `npm run report:secrets` posts its digest; null: print only. */
  notifyWebhookUrl: string | null;
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
  /** How long the managing-entity list is kept (lib/entities.ts); 0: asked for on every request. */
  entityCacheMs: number;
};

export type EnvIssue = { variable: string; message: string };
