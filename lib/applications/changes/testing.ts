import type { AuditEvent } from "@/lib/audit";
import type { Authorization, Permission } from "@/lib/auth/guard";
import { can, type Role } from "@/lib/auth/roles";
import { createWinkClient, type WinkClient, type WinkEvent } from "@/lib/wink";
import { CONSOLE_SCOPES } from "@/lib/wink-contract/scopes";
import type { RunningSandbox } from "@/sandbox/server";
import { acquireChangeLock } from "../change-lock";
import { claimSubmission } from "../submissions";
import type { ChangeDependencies } from "./dependencies";

/**
 * The pipeline's dependencies for its tests: a signed-in person whose role the test sets, a real
 * Wink client pointed at an in-process sandbox, today's replay guard and change lock, and an audit
 * the test can read. No module is mocked: what the pipeline is given is all it uses.
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

export function testWorld(
  sandbox: RunningSandbox,
  options: { email?: string; wink?: WinkClient } = {},
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
    guards: { claimSubmission, acquireChangeLock },
    audit: async (event) => {
      audits.push(structuredClone(event));
    },
    consoleScopes: CONSOLE_SCOPES,
  };
  return { deps, viewer, audits, lastAudit: () => audits.at(-1) };
}
