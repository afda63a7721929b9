/**
 * The two-process rotate race: two consoles (`next start`) on one throwaway PostgreSQL, and N
 * rounds of two rotates of the same application sent at the same moment, one to each. Counts the
 * rotations Wink (the bench's sandbox) made per round: the replay guard, the change lock and the
 * client-ID check together should make it exactly one.
 *
 * Run by scripts/bench.mjs with the bench's server environment (AUTH_SECRET, SANDBOX_URL) and
 * BENCH_COOKIE (the admin's session, valid on any console with that AUTH_SECRET), BENCH_RACE_PORTS
 * ("3302,3303") and BENCH_RACE_ROUNDS. Prints one JSON object.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import { startPostgres } from "@/test/postgres";

const ENTITY_ID = "d5b8a3c2-9e6f-4a1b-8d34-7c2e1f0a5b69";
const rounds = Number(process.env.BENCH_RACE_ROUNDS ?? 50);
const ports = (process.env.BENCH_RACE_PORTS ?? "3302,3303").split(",").map(Number);
const cookie = process.env.BENCH_COOKIE ?? "";
const sandboxUrl = process.env.SANDBOX_URL ?? "";
const logDir = process.env.BENCH_LOG_DIR ?? ".";

function rotateActionId(): string {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, { exportedName: string }> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === "rotateApplicationCredentials",
  );
  if (!found) throw new Error("The build has no rotateApplicationCredentials action.");
  return found[0];
}

async function control(method: string, what: string, body?: unknown) {
  const response = await fetch(`${sandboxUrl}/__sandbox/${what}`, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${what}: ${response.status}`);
  return response.json();
}

async function winkToken(): Promise<string> {
  // The sandbox's seeded console credential (lib/wink-contract/sandbox-defaults.ts).
  const { SANDBOX_DEFAULTS } = await import("@/lib/wink-contract/sandbox-defaults");
  const basic = Buffer.from(
    `${SANDBOX_DEFAULTS.consoleClientId}:${SANDBOX_DEFAULTS.consoleClientSecret}`,
  ).toString("base64");
  const response = await fetch(`${sandboxUrl}/oauth2/token`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}` },
    body: new URLSearchParams({ grant_type: "client_credentials", scope: "account.write" }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function createApplication() {
  const response = await fetch(`${sandboxUrl}/api/managing-entity/${ENTITY_ID}/application`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${await winkToken()}`,
      "Wink-Version": "2.0",
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      name: "Bench race",
      clientType: "WEB",
      redirectUris: ["https://race.example.com/cb"],
      postLogoutRedirectUris: [],
      scopes: ["booking.read"],
      iconIdentifier: null,
    }),
  });
  if (response.status !== 201) throw new Error(`sandbox create: ${response.status}`);
  return (await response.json()) as { id: string; name: string; clientId: string };
}

async function startConsole(port: number, databaseUrl: string): Promise<ChildProcess> {
  const log = openSync(path.join(logDir, `race-console-${port}.log`), "a");
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", log, log] },
  );
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`The race console on ${port} exited.`);
    try {
      if ((await fetch(`http://localhost:${port}/api/health`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The race console on ${port} did not start.`);
}

async function rotate(
  port: number,
  actionId: string,
  app: { id: string; name: string },
  seen: string,
) {
  const origin = `http://localhost:${port}`;
  const response = await fetch(`${origin}/entities/${ENTITY_ID}/applications/${app.id}`, {
    method: "POST",
    headers: {
      "Next-Action": actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: origin,
      Cookie: cookie,
    },
    body: JSON.stringify([ENTITY_ID, app.id, crypto.randomUUID(), app.name, seen]),
    redirect: "manual",
  });
  const body = await response.text();
  return { ok: /"ok":true/.test(body), clientId: /"clientId":"([^"]+)"/.exec(body)?.[1] };
}

async function rotationsOf(applicationId: string): Promise<number> {
  const stats = (await control("GET", "stats")) as {
    mutations: { byApplication: Record<string, { rotations?: number }> };
  };
  return stats.mutations.byApplication[applicationId]?.rotations ?? 0;
}

async function main() {
  const server = await startPostgres();
  const consoles: ChildProcess[] = [];
  try {
    const databaseUrl = await server.createDatabase("bench_race");
    const open = openDatabase({ kind: "postgres", url: databaseUrl });
    await migrate(open.db);
    await open.close();
    consoles.push(...(await Promise.all(ports.map((port) => startConsole(port, databaseUrl)))));
    const actionId = rotateActionId();
    await control("DELETE", "faults");
    const app = await createApplication();
    let seen = app.clientId;
    const perRound: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const before = await rotationsOf(app.id);
      const answers = await Promise.all(ports.map((port) => rotate(port, actionId, app, seen)));
      perRound.push((await rotationsOf(app.id)) - before);
      seen = answers.find((answer) => answer.ok)?.clientId ?? seen;
    }
    const total = perRound.reduce((sum, n) => sum + n, 0);
    process.stdout.write(
      `${JSON.stringify({
        rounds,
        rotatesPerRound: total / rounds,
        roundsWithOneRotate: perRound.filter((n) => n === 1).length,
        maxRotatesInARound: Math.max(...perRound),
      })}\n`,
    );
  } finally {
    for (const child of consoles) child.kill("SIGTERM");
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
