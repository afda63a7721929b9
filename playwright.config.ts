import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/support/ports";
import { SANDBOX_DEFAULTS } from "./lib/wink-contract/sandbox-defaults";

// Debian's Chromium on machines without internet; Playwright's own browser where it is installed.
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(chromePath) ? chromePath : undefined;

const authSecret = "e2e-session-signing-key-0123456789abcdef";
// Relative to this directory, where Playwright starts the servers and runs the tests.
const CONSOLE_LOG = "reports/console-e2e.log";
// Each console gets its own embedded database: PGlite serves one process per directory.
const dataDir = (port: number) => `.data/e2e/console-${port}`;

export default defineConfig({
  testDir: "./e2e",
  // One sandbox serves every test and tests reset it: run them one at a time.
  fullyParallel: false,
  workers: 1,
  // One retry in CI only: a case that passes on its retry is reported as flaky, not hidden.
  retries: process.env.CI ? 1 : 0,
  // Generous: several cases run axe or take heap snapshots, which a busy 2-core machine makes slow.
  timeout: 60_000,
  expect: { timeout: 7_500 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL: E2E.consoleUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
    },
  ],
  webServer: [
    {
      name: "sandbox",
      command: `node --import tsx sandbox/main.ts --memory --controls --port ${E2E.sandboxPort}`,
      url: `${E2E.sandboxUrl}/.well-known/openid-configuration`,
      env: {
        SANDBOX_CONSOLE_URLS: [
          E2E.consoleUrl,
          E2E.externalConsoleUrl,
          E2E.unreachableIdpConsoleUrl,
          E2E.wrongSecretConsoleUrl,
          ...E2E.twoConsolesUrls,
          E2E.processConsoleUrl,
          E2E.noDatabaseConsoleUrl,
          E2E.behindProxyUrl,
          ...E2E.databaseConsoleUrls,
        ].join(","),
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The embedded default: no Wink settings, so the console finds the sandbox at SANDBOX_URL.
      name: "console",
      // Its stdout and stderr go to a file that e2e/secret-hygiene.spec.ts reads: no secret in a log line.
      // Migrated first, as `npm start` does.
      command: `sh -c 'mkdir -p reports && node --conditions=react-server --import tsx scripts/migrate.ts >> ${CONSOLE_LOG} 2>&1 && exec node node_modules/next/dist/bin/next start -p ${E2E.consolePort} >> ${CONSOLE_LOG} 2>&1'`,
      url: `${E2E.consoleUrl}/api/health`,
      env: {
        CONSOLE_DATA_DIR: dataDir(E2E.consolePort),
        SANDBOX_URL: E2E.sandboxUrl,
        AUTH_SECRET: authSecret,
        // Neither AUTH_URL nor AUTH_TRUST_HOST, as a plain `next start`: the public origin is each
        // request's own Host, and a client's X-Forwarded-Host counts for nothing.
        // Short, so that tests of a lost answer do not wait ten seconds.
        WINK_TIMEOUT_MS: "4000",
        // No entity cache: the fault tests break the entity read and expect the very next page to
        // show it. The explicit-settings console below keeps the default, and a test proves it.
        WINK_ENTITY_CACHE_SECONDS: "0",
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // The same build configured as for a real Wink: every setting explicit, no embedded default.
      name: "console (explicit settings)",
      command: `node node_modules/next/dist/bin/next start -p ${E2E.externalConsolePort}`,
      url: `${E2E.externalConsoleUrl}/api/health`,
      env: {
        CONSOLE_DATA_DIR: dataDir(E2E.externalConsolePort),
        WINK_API_URL: E2E.sandboxUrl,
        WINK_TOKEN_URL: `${E2E.sandboxUrl}/oauth2/token`,
        WINK_CLIENT_ID: SANDBOX_DEFAULTS.consoleClientId,
        WINK_CLIENT_SECRET: SANDBOX_DEFAULTS.consoleClientSecret,
        AUTH_OIDC_ISSUER: E2E.sandboxUrl,
        AUTH_OIDC_CLIENT_ID: SANDBOX_DEFAULTS.oidcClientId,
        AUTH_OIDC_CLIENT_SECRET: SANDBOX_DEFAULTS.oidcClientSecret,
        CONSOLE_ADMINS: "admin@sandbox.test",
        CONSOLE_VIEWERS: "viewer@sandbox.test",
        AUTH_SECRET: authSecret,
        // Its one public origin, as a deployment sets it.
        AUTH_URL: E2E.externalConsoleUrl,
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // A console whose database cannot be reached (nothing listens on port 1): the list and the
      // application page still show Wink's data, with a notice. Same session key as the first
      // console, so a session signed in there (cookies are per host, not per port) works here.
      name: "console (database unreachable)",
      command: `node node_modules/next/dist/bin/next start -p ${E2E.noDatabaseConsolePort}`,
      url: `${E2E.noDatabaseConsoleUrl}/api/health`,
      env: {
        DATABASE_URL: "postgres://console@127.0.0.1:1/console",
        SANDBOX_URL: E2E.sandboxUrl,
        AUTH_SECRET: authSecret,
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    // Two consoles whose identity provider is misconfigured, as an operator might get it wrong.
    ...[
      {
        name: "console (identity provider unreachable)",
        url: E2E.unreachableIdpConsoleUrl,
        port: E2E.unreachableIdpConsolePort,
        // Nothing listens there.
        issuer: "http://localhost:4999",
        secret: SANDBOX_DEFAULTS.oidcClientSecret,
      },
      {
        name: "console (wrong identity provider secret)",
        url: E2E.wrongSecretConsoleUrl,
        port: E2E.wrongSecretConsolePort,
        issuer: E2E.sandboxUrl,
        secret: "not-the-secret",
      },
    ].map((idp) => ({
      name: idp.name,
      command: `node node_modules/next/dist/bin/next start -p ${idp.port}`,
      url: `${idp.url}/api/health`,
      env: {
        CONSOLE_DATA_DIR: dataDir(idp.port),
        SANDBOX_URL: E2E.sandboxUrl,
        AUTH_OIDC_ISSUER: idp.issuer,
        AUTH_OIDC_CLIENT_ID: SANDBOX_DEFAULTS.oidcClientId,
        AUTH_OIDC_CLIENT_SECRET: idp.secret,
        CONSOLE_ADMINS: "admin@sandbox.test",
        AUTH_SECRET: authSecret,
        AUTH_URL: idp.url,
      },
      reuseExistingServer: false,
      timeout: 120_000,
    })),
  ],
});
