import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { AuditEvent } from "@/lib/audit";
import { appendAuditEvent } from "@/lib/audit/write";
import { openDatabase, type Database } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import type { Authorization, Permission } from "@/lib/auth/guard";
import { can, type Role } from "@/lib/auth/roles";
import { createWinkClient, type WinkClient, type WinkEvent } from "@/lib/wink";
import { CONSOLE_SCOPES } from "@/lib/wink-contract/scopes";
import type { RunningSandbox } from "@/sandbox/server";
import {
  accessToken,
  createApplication,
  postControl,
  startTestSandbox,
} from "@/sandbox/testing/harness";
import { auditInputOf, databaseDependencies } from "./database";
import type { ChangeDependencies } from "./dependencies";
import { createRecentAnswers } from "./recent-answers";

/**
 * The pipeline's dependencies for its tests: a signed-in person whose role the test sets, a real
 * Wink client pointed at an in-process sandbox, the database-backed replay guard, change lock and
 * record on a PGlite database of the test's own, and an audit the test can read (also appended to
 * that database's chain). No module is mocked: what the pipeline is given is all it uses.
 */
export type TestWorld = {
  deps: ChangeDependencies;
  viewer: { email: string; name: string | null; role: Role | null };
  audits: AuditEvent[];
  lastAudit(): AuditEvent | undefined;
};

export function sandboxWink(
  sandbox: RunningSandbox,
  timeoutMs = 10_000,
  onEvent?: (event: WinkEvent) => void,
): WinkClient {
  return createWinkClient({
    onEvent,
    apiUrl: sandbox.url,
    tokenUrl: sandbox.tokenUrl,
    ...sandbox.consoleCredential,
    scopes: CONSOLE_SCOPES,
    timeoutMs,
  });
}

/** A freshly migrated PGlite database in a temporary directory; `close` removes it. */
export async function openTestDatabase(): Promise<{ db: Database; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "console-changes-"));
  const open = openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") });
  await migrate(open.db);
  return {
    db: open.db,
    close: async () => {
      await open.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function testWorld(
  sandbox: RunningSandbox,
  options: { db: Database; email?: string; wink?: WinkClient },
): TestWorld {
  const viewer = {
    email: options.email ?? "admin@example.test",
    name: null,
    role: "admin" as Role | null,
  };
  const audits: AuditEvent[] = [];
  // The same answers as lib/auth/guard's `authorize`, for the viewer this test describes.
  const authorize = async (permission: Permission): Promise<Authorization> => {
    if (!viewer.role || !can(viewer.role, permission)) {
      return {
        ok: false,
        status: 403,
        viewer: { ...viewer },
        error: "Only admins can change applications.",
      };
    }
    return { ok: true, viewer: { ...viewer, role: viewer.role } };
  };
  const deps: ChangeDependencies = {
    authorize,
    wink: options.wink ?? sandboxWink(sandbox),
    isKnownEntity: async (entityId) => entityId === sandbox.managingEntityId,
    ...databaseDependencies(() => options.db),
    audit: async (event) => {
      audits.push(structuredClone(event));
      await appendAuditEvent(auditInputOf(event), options.db);
    },
    consoleScopes: CONSOLE_SCOPES,
    answers: createRecentAnswers(),
  };
  return { deps, viewer, audits, lastAudit: () => audits.at(-1) };
}

/** What `changeSuite` holds for the test that runs now (each member is set by its hooks). */
export type ChangeSuite = {
  sandbox: RunningSandbox;
  database: Awaited<ReturnType<typeof openTestDatabase>>;
  world: TestWorld;
  entityId: string;
  /** The application each test works on: "Booking site", WEB, created in the sandbox. */
  app: { id: string; name: string; clientId: string };
  /** A submission id no earlier call of this file used. */
  newSubmissionId(): string;
  /** How many requests of `operation` the sandbox has answered since its last reset. */
  requests(operation: "get" | "create" | "update" | "delete" | "rotate"): number;
};

/**
 * The shared set-up of the pipeline's test files, as vitest hooks: one in-process sandbox and one
 * PGlite database per file; before each test, the sandbox reset, a fresh `testWorld` (signed in as
 * `viewer`) and one application created directly in the sandbox, as another Wink client would.
 * Call it at the top level of a test file; read the members inside tests and hooks.
 */
export function changeSuite(
  viewer: { email?: string; name?: string | null; prefix?: string } = {},
): ChangeSuite {
  let counter = 0;
  const prefix = viewer.prefix ?? "submission";
  const suite = {
    newSubmissionId: () => `${prefix}-${Date.now()}-${++counter}`.padEnd(24, "x"),
    requests: (operation: Parameters<ChangeSuite["requests"]>[0]) =>
      suite.sandbox.stats().requests[operation] ?? 0,
  } as ChangeSuite;

  beforeAll(async () => {
    suite.sandbox = await startTestSandbox();
    suite.entityId = suite.sandbox.managingEntityId;
    suite.database = await openTestDatabase();
    // A fresh PGlite directory runs initdb in WASM: seconds, more on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await suite.sandbox?.close();
    await suite.database?.close();
  });
  beforeEach(async () => {
    await postControl(suite.sandbox, "reset");
    suite.world = testWorld(suite.sandbox, { db: suite.database.db, email: viewer.email });
    if (viewer.name !== undefined) suite.world.viewer.name = viewer.name;
    suite.app = await createApplication(suite.sandbox, await accessToken(suite.sandbox), {
      name: "Booking site",
      clientType: "WEB",
      redirectUris: ["https://example.com/cb"],
      scopes: ["booking.read"],
    });
  });
  return suite;
}
