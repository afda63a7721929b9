import "server-only";
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
  actor: { email: string | null; role: string | null };
  entityId: string | null;
  applicationId?: string;
  clientId?: string;
  /** Wink's HTTP status, when Wink answered. */
  status?: number;
  /** Wink's request id, when it sent one. */
  requestId?: string;
  /** Why it was refused or failed, in plain words. */
  reason?: string;
}

export function audit(event: AuditEvent): void {
  log.info("audit", { ...event });
}
