import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AuditEvent } from "@/lib/audit";
import { appendAuditEvent } from "@/lib/audit/write";
import { openDatabase, type Database } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import type { Authorization, Permission } from "@/lib/auth/guard";
import { can, type Role } from "@/lib/auth/roles";
import { createWinkClient, type WinkClient, type WinkEvent } from "@/lib/wink";
import { CONSOLE_SCOPES } from "@/lib/wink-contract/scopes";
import type { RunningSandbox } from "@/sandbox/server";
import { auditInputOf, databaseDependencies } from "./database";
import type { ChangeDependencies } from "./dependencies";

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
  };
  return { deps, viewer, audits, lastAudit: () => audits.at(-1) };
}
