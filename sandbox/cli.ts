import { DEFAULTS, type SandboxOptions } from "./options";

export const USAGE = `Wink sandbox: a Wink-compatible API, token endpoint and sign-in for development and tests.

Usage: npm run sandbox -- [options]

Options (each also settable through the environment variable in brackets):
  --port <n>        port to listen on, 0 for any free one        [SANDBOX_PORT, default ${DEFAULTS.port}]
  --host <address>  address to bind                               [SANDBOX_HOST, default 127.0.0.1]
  --data <file>     state file                                    [SANDBOX_DATA_FILE, default ${DEFAULTS.dataFile}]
  --memory          keep state in memory only                     [SANDBOX_MEMORY=1]
  --controls        enable the /__sandbox test controls           [SANDBOX_CONTROLS=1]
  --issuer <url>    OIDC issuer, an origin                        [SANDBOX_ISSUER, default http://localhost:<port>]
  --token-ttl <s>   access token lifetime in seconds              [SANDBOX_TOKEN_TTL, default ${DEFAULTS.tokenTtlSeconds}]
  --quiet           no request log                                [SANDBOX_LOG=0]
  -h, --help        show this help

Environment only:
  SANDBOX_CONSOLE_CLIENT_ID, SANDBOX_CONSOLE_CLIENT_SECRET  the console's own credential
  SANDBOX_OIDC_CLIENT_SECRET   secret of the "wink-console" sign-in client
  SANDBOX_CONSOLE_URLS         comma-separated console origins (default ${DEFAULTS.consoleUrls.join(",")})
  SANDBOX_COOKIE_KEYS          comma-separated keys for the sign-in cookies (default: random per start)
`;

export type CommandLine =
  { kind: "run"; options: SandboxOptions } | { kind: "help" } | { kind: "error"; message: string };

type Env = Record<string, string | undefined>;

const VALUE_FLAGS: Record<string, string> = {
  "--port": "SANDBOX_PORT",
  "--host": "SANDBOX_HOST",
  "--data": "SANDBOX_DATA_FILE",
  "--issuer": "SANDBOX_ISSUER",
  "--token-ttl": "SANDBOX_TOKEN_TTL",
};
const SWITCHES: Record<string, [string, string]> = {
  "--memory": ["SANDBOX_MEMORY", "1"],
  "--controls": ["SANDBOX_CONTROLS", "1"],
  "--quiet": ["SANDBOX_LOG", "0"],
};

class UsageError extends Error {}

/** Flags win over the environment: they are folded into a copy of it, then read once. */
export function parseCommandLine(argv: string[], env: Env): CommandLine {
  const settings: Env = { ...env };
  try {
    for (let i = 0; i < argv.length; i += 1) {
      const [flag = "", inline] = argv[i]!.split(/=(.*)/s);
      if (flag === "--help" || flag === "-h") return { kind: "help" };
      const switchSetting = SWITCHES[flag];
      const variable = VALUE_FLAGS[flag];
      if (switchSetting) {
        settings[switchSetting[0]] = switchSetting[1];
      } else if (variable) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`${flag} needs a value.`);
        settings[variable] = value;
      } else {
        throw new UsageError(`Unknown option ${argv[i]}.`);
      }
    }
    return { kind: "run", options: optionsFrom(settings) };
  } catch (error) {
    if (error instanceof UsageError) return { kind: "error", message: error.message };
    throw error;
  }
}

function optionsFrom(env: Env): SandboxOptions {
  return {
    port: integer(env, "SANDBOX_PORT", 0, 65535),
    host: text(env, "SANDBOX_HOST"),
    dataFile: text(env, "SANDBOX_DATA_FILE"),
    memory: flag(env, "SANDBOX_MEMORY", false),
    controls: flag(env, "SANDBOX_CONTROLS", false),
    issuer: origin(env, "SANDBOX_ISSUER"),
    tokenTtlSeconds: integer(env, "SANDBOX_TOKEN_TTL", 1, 86_400),
    consoleClientId: text(env, "SANDBOX_CONSOLE_CLIENT_ID"),
    consoleClientSecret: text(env, "SANDBOX_CONSOLE_CLIENT_SECRET"),
    oidcClientSecret: text(env, "SANDBOX_OIDC_CLIENT_SECRET"),
    consoleUrls: list(env, "SANDBOX_CONSOLE_URLS")?.map((url) => {
      if (!/^https?:\/\//.test(url) || !URL.canParse(url)) {
        throw new UsageError(`SANDBOX_CONSOLE_URLS: '${url}' is not an http(s) URL.`);
      }
      return url;
    }),
    cookieKeys: list(env, "SANDBOX_COOKIE_KEYS"),
    log: flag(env, "SANDBOX_LOG", true),
  };
}

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function list(env: Env, name: string): string[] | undefined {
  const items = text(env, name)
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

function integer(env: Env, name: string, min: number, max: number): number | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not '${value}'.`);
  }
  return number;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new UsageError(`${name} must be 1 or 0, not '${value}'.`);
}

function origin(env: Env, name: string): string | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search) {
    throw new UsageError(
      `${name} must be an http(s) origin such as http://localhost:4010, not '${value}'.`,
    );
  }
  return url.origin;
}
