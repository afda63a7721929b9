/**
 * The sandbox's well-known development settings: where `npm start` runs it, and the credentials it
 * seeds. The console's embedded default, the sandbox, Playwright and the e2e helpers must agree on
 * them, so they are written once, here. They are public on purpose: no real Wink account has them.
 */
export const SANDBOX_DEFAULTS = {
  port: 4010,
  url: "http://localhost:4010",
  /** The console's own MACHINE_2_MACHINE application in the sandbox's seed. */
  consoleClientId: "wink-console-sandbox",
  consoleClientSecret: "sandbox-console-secret-not-for-production",
  /** The OIDC client the console signs admins in with. */
  oidcClientId: "wink-console",
  oidcClientSecret: "sandbox-oidc-secret-not-for-production",
} as const;
