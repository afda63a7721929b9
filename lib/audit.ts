import "server-only";
import type { AuditChanges } from "@/lib/audit/write";
import { log } from "@/lib/log";

/**
 * Audit events: one structured JSON line on stdout for every change an admin asks for, and for
 * every refusal. Who, what, which application, and how it ended. Never a secret: the fields are a
 * fixed list, and the line still goes through the logger's redaction.
 */

export type AuditAction =
  "application.create" | "application.update" | "application.rotate" | "application.delete";

export type AuditOutcome =
  /** Wink did it. */
  | "succeeded"
  /** Wink refused or failed, and nothing changed. */
  | "failed"
  /** The request may have reached Wink, but no answer came: it may or may not have happened. */
  | "unknown"
  /** The console refused before asking Wink (no session, wrong role, invalid input, own credential). */
  | "refused";

export interface AuditEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  actor: { email: string | null; name?: string | null; role: string | null };
  entityId: string | null;
  applicationId?: string;
  /** The application's name as Wink had it (or, for a create, as the admin typed it). */
  applicationName?: string;
  clientId?: string;
  /** Wink's HTTP status, when Wink answered. */
  status?: number;
  /** Wink's request id, when it sent one. */
  requestId?: string;
  /** Why it was refused or failed, in plain words. */
  reason?: string;
  /** What an update changed: name, scopes and URIs added and removed. */
  changes?: AuditChanges;
}

/**
 * The log line of an event. The database's hash-chained copy is written by lib/audit/write.ts; when
 * that failed, `unstored` marks the line for reconciliation and says what is missing.
 */
export function audit(
  event: AuditEvent,
  unstored?: { reconcile: true; unwritten: readonly string[] },
): void {
  if (unstored) log.error("audit", { ...event, ...unstored });
  else log.info("audit", { ...event });
}
