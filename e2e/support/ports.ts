// Ports of the servers Playwright starts: apart from `npm start`'s (3000, 4010) so both can run.
// E2E_PORT_OFFSET moves them all, so that two checkouts can run their suites at the same time.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const sandboxPort = 4011 + offset;
const consolePort = 3001 + offset;
const externalConsolePort = 3002 + offset;
const unreachableIdpConsolePort = 3003 + offset;
const wrongSecretConsolePort = 3004 + offset;
// Two consoles on one PostgreSQL, started by e2e/processes/two-consoles.spec.ts itself.
const twoConsolesPorts = [3005 + offset, 3006 + offset] as const;
// One console started and stopped by e2e/processes/ itself (shutdown, tracing).
const processConsolePort = 3007 + offset;
// A console whose database is unreachable, for the record-unavailable notice.
const noDatabaseConsolePort = 3008 + offset;
// nginx in front of two standalone copies, started by e2e/processes/behind-proxy.spec.ts itself
// (the copies reuse twoConsolesPorts: specs run one at a time).
const behindProxyPort = 3009 + offset;
// Consoles on a PostgreSQL of a spec's own, which the spec also writes to (e2e/support/postgres-console.ts).
const databaseConsolePorts = [3010 + offset, 3011 + offset] as const;

export const E2E = {
  sandboxPort,
  consolePort,
  externalConsolePort,
  unreachableIdpConsolePort,
  wrongSecretConsolePort,
  twoConsolesPorts,
  twoConsolesUrls: twoConsolesPorts.map((port) => `http://localhost:${port}`),
  processConsolePort,
  noDatabaseConsolePort,
  behindProxyPort,
  databaseConsolePorts,
  databaseConsoleUrls: databaseConsolePorts.map((port) => `http://localhost:${port}`),
  sandboxUrl: `http://localhost:${sandboxPort}`,
  consoleUrl: `http://localhost:${consolePort}`,
  externalConsoleUrl: `http://localhost:${externalConsolePort}`,
  unreachableIdpConsoleUrl: `http://localhost:${unreachableIdpConsolePort}`,
  wrongSecretConsoleUrl: `http://localhost:${wrongSecretConsolePort}`,
  processConsoleUrl: `http://localhost:${processConsolePort}`,
  noDatabaseConsoleUrl: `http://localhost:${noDatabaseConsolePort}`,
  behindProxyUrl: `http://localhost:${behindProxyPort}`,
} as const;
