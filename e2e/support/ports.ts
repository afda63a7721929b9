// Ports of the servers Playwright starts: apart from `npm start`'s (3000, 4010) so both can run.
const sandboxPort = 4011;
const consolePort = 3001;
const externalConsolePort = 3002;

export const E2E = {
  sandboxPort,
  consolePort,
  externalConsolePort,
  sandboxUrl: `http://localhost:${sandboxPort}`,
  consoleUrl: `http://localhost:${consolePort}`,
  externalConsoleUrl: `http://localhost:${externalConsolePort}`,
} as const;
