// Ports of the servers Playwright starts: apart from `npm start`'s (3000, 4010) so both can run.
const sandboxPort = 4011;
const consolePort = 3001;
const externalConsolePort = 3002;
const unreachableIdpConsolePort = 3003;
const wrongSecretConsolePort = 3004;

export const E2E = {
  sandboxPort,
  consolePort,
  externalConsolePort,
  unreachableIdpConsolePort,
  wrongSecretConsolePort,
  sandboxUrl: `http://localhost:${sandboxPort}`,
  consoleUrl: `http://localhost:${consolePort}`,
  externalConsoleUrl: `http://localhost:${externalConsolePort}`,
  unreachableIdpConsoleUrl: `http://localhost:${unreachableIdpConsolePort}`,
  wrongSecretConsoleUrl: `http://localhost:${wrongSecretConsolePort}`,
} as const;
