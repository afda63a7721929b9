import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { promisify } from "node:util";
import type { APIRequestContext } from "@playwright/test";
import { serverActionsOfBuild, type ServerAction } from "./actions";
import { E2E } from "./ports";

/**
 * Console processes a spec starts itself (the production build, `next start`), each with its own
 * environment, so that a spec can run several against one database and kill one mid-change.
 */

/** The session signing key of every e2e console: a cookie from one is valid on the others. */
export const E2E_AUTH_SECRET = "e2e-session-signing-key-0123456789abcdef";

export interface StartedConsole {
  url: string;
  process: ChildProcess;
  /** SIGKILL: no shutdown hook runs, as when a machine dies. */
  kill(): void;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Applies the migrations to `databaseUrl`, as `npm start` does before serving. */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/migrate.ts"],
    { env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
}

/** Starts `next start` on `port` with the sandbox's defaults and `env`; resolves once it is healthy. */
export async function startConsole(
  port: number,
  env: Record<string, string>,
  logFile = `reports/console-${port}.log`,
): Promise<StartedConsole> {
  mkdirSync("reports", { recursive: true });
  const log = openSync(logFile, "a");
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      env: {
        ...process.env,
        SANDBOX_URL: E2E.sandboxUrl,
        AUTH_SECRET: E2E_AUTH_SECRET,
        CONSOLE_ADMINS: "admin@sandbox.test",
        CONSOLE_VIEWERS: "viewer@sandbox.test",
        WINK_TIMEOUT_MS: "4000",
        ...env,
      },
      stdio: ["ignore", log, log],
    },
  );
  const url = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started: StartedConsole = {
    url,
    process: child,
    kill: () => void child.kill("SIGKILL"),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`The console on ${port} exited: see ${logFile}.`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return started;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await started.stop();
  throw new Error(`The console on ${port} did not become healthy: see ${logFile}.`);
}

/** The build's server action named `name` (e.g. `rotateApplicationCredentials`). */
export function actionNamed(name: string): ServerAction {
  const action = serverActionsOfBuild().find((candidate) => candidate.name === name);
  if (!action) throw new Error(`No server action named ${name} in the build.`);
  return action;
}

/** What a server action answered, read from its RSC payload: the result object's main members. */
export interface ActionAnswer {
  httpStatus: number;
  ok: boolean;
  status?: number;
  error?: string;
  clientId?: string;
}

/**
 * POSTs a server action to the console at `baseUrl` with the cookies of `request` and the
 * console's own Origin, as its page would; `headers` add to or replace those (a forged one).
 */
export async function postAction(
  request: APIRequestContext,
  baseUrl: string,
  action: ServerAction,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<ActionAnswer> {
  const response = await request.post(`${baseUrl}${action.pagePath}`, {
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseUrl,
      ...headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await response.text();
  const status = /"status":(\d+)/.exec(body)?.[1];
  return {
    httpStatus: response.status(),
    ok: /"ok":true/.test(body),
    ...(status ? { status: Number(status) } : {}),
    ...(/"error":"([^"]*)"/.test(body) ? { error: /"error":"([^"]*)"/.exec(body)![1] } : {}),
    ...(/"clientId":"([^"]+)"/.test(body)
      ? { clientId: /"clientId":"([^"]+)"/.exec(body)![1] }
      : {}),
  };
}
