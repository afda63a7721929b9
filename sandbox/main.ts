/**
 * `npm run sandbox`: starts the Wink sandbox and says where everything is.
 */
import { parseCommandLine, USAGE } from "./cli";
import { DEFAULTS } from "./options";
import type { RunningSandbox } from "./server";

const commandLine = parseCommandLine(process.argv.slice(2), process.env);
if (commandLine.kind === "help") {
  console.log(USAGE);
  process.exit(0);
}
if (commandLine.kind === "error") {
  console.error(`sandbox: ${commandLine.message}\nRun with --help for the options.`);
  process.exit(2);
}
const { options } = commandLine;

const { startSandbox } = await import("./server");

let sandbox: RunningSandbox;
try {
  sandbox = await startSandbox(options);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === "EADDRINUSE"
      ? `port ${options.port ?? DEFAULTS.port} is in use. Stop what holds it, or pass --port.`
      : (error as Error).message;
  console.error(`sandbox: cannot start: ${message}`);
  process.exit(1);
}

printBanner(sandbox);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\nsandbox: ${signal}, stopping`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("sandbox: unclean stop:", error);
        process.exit(1);
      },
    );
  });
}

function printBanner(s: RunningSandbox): void {
  const consoleApp = s.consoleCredential;
  // Only the built-in defaults are printed: they are in the source anyway. A secret that came
  // from the environment is named, not shown.
  const show = (value: string, fallback: string, variable: string) =>
    value === fallback ? value : `(from ${variable})`;
  const lines = [
    `Wink sandbox listening on ${s.url}`,
    ``,
    `  API             ${s.url}/api   (header Wink-Version: 2.0)`,
    `  token endpoint  ${s.tokenUrl}`,
    `  OIDC issuer     ${s.issuer}   (discovery: ${s.issuer}/.well-known/openid-configuration)`,
    `  state           ${s.dataFile ?? "in memory only"}`,
    `  test controls   ${options.controls ? `on: ${s.url}/__sandbox/{reset,seed,faults,stats}` : "off (--controls to enable)"}`,
    ``,
    `  managing entity ${s.managingEntityId}  Sandbox Travel Co.`,
    `  console credential (MACHINE_2_MACHINE; account.read account.write account.remove):`,
    `    WINK_CLIENT_ID=${consoleApp.clientId}`,
    `    WINK_CLIENT_SECRET=${show(consoleApp.clientSecret, DEFAULTS.consoleClientSecret, "SANDBOX_CONSOLE_CLIENT_SECRET")}`,
    ...(s.consoleCredentialWorks()
      ? []
      : [
          `    WARNING: this credential no longer works: the console's application was rotated or`,
          `    deleted through the API. Reset the sandbox (or move ${s.dataFile ?? "the state file"} away).`,
        ]),
    `  admin sign-in client (authorization code + PKCE):`,
    `    AUTH_OIDC_ISSUER=${s.issuer}`,
    `    AUTH_OIDC_CLIENT_ID=${s.oidcClient.clientId}`,
    `    AUTH_OIDC_CLIENT_SECRET=${show(s.oidcClient.clientSecret, DEFAULTS.oidcClientSecret, "SANDBOX_OIDC_CLIENT_SECRET")}`,
    `    redirect URIs: ${s.oidcClient.redirectUris.join(", ")}`,
    `  sign-in accounts (password "${s.users[0]?.password}"): ${s.users.map((user) => `${user.email} (${user.name})`).join(", ")}`,
    ``,
  ];
  console.log(lines.join("\n"));
}
