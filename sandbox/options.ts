import { SANDBOX_DEFAULTS } from "../lib/wink-contract/sandbox-defaults";

/** Options of startSandbox(); main.ts fills them from flags and SANDBOX_* variables. */
export interface SandboxOptions {
  /** Default 4010; 0 picks a free port (the issuer follows it). */
  port?: number;
  /** Default 127.0.0.1 (plus ::1 where available, so http://localhost works). */
  host?: string;
  /** Keep state in memory only: nothing read or written. Default false. */
  memory?: boolean;
  /** State file; default .data/sandbox.json under the working directory. */
  dataFile?: string;
  /** Enable the /__sandbox test controls. Default false: they answer 404. */
  controls?: boolean;
  /** Lifetime of client-credentials access tokens. Default 300. */
  tokenTtlSeconds?: number;
  /** OIDC issuer and token endpoint origin. Default http://localhost:<port>. */
  issuer?: string;
  /** The console's own credential. Defaults: wink-console-sandbox / sandbox-console-secret-not-for-production. */
  consoleClientId?: string;
  consoleClientSecret?: string;
  /** Secret of the `wink-console` OIDC client. Default sandbox-oidc-secret-not-for-production. */
  oidcClientSecret?: string;
  /** Origins of the console, for the OIDC client's redirect URIs. Default [http://localhost:3000]. */
  consoleUrls?: string[];
  /** Keys that sign the provider's cookies. Default: random per start. */
  cookieKeys?: string[];
  /** One log line per request (method, path, status, ms). Default: on if SANDBOX_LOG=1. */
  log?: boolean;
}

export const DEFAULTS = {
  port: SANDBOX_DEFAULTS.port,
  dataFile: ".data/sandbox.json",
  tokenTtlSeconds: 300,
  consoleClientId: SANDBOX_DEFAULTS.consoleClientId,
  consoleClientSecret: SANDBOX_DEFAULTS.consoleClientSecret,
  oidcClientId: SANDBOX_DEFAULTS.oidcClientId,
  oidcClientSecret: SANDBOX_DEFAULTS.oidcClientSecret,
  consoleUrls: ["http://localhost:3000"],
} as const;

/** The console's sign-in callback and signed-out page, as next-auth's "oidc" provider names them. */
export function oidcRedirects(consoleUrls: readonly string[]) {
  const origins = consoleUrls.map((url) => url.replace(/\/+$/, ""));
  return {
    redirectUris: origins.map((origin) => `${origin}/api/auth/callback/oidc`),
    postLogoutRedirectUris: origins.map((origin) => `${origin}/signed-out`),
  };
}
