import "server-only";
import type { ActionRefusal } from "@/lib/auth/action";
import type { AuditAction, AuditEvent } from "@/lib/audit";
import type { AuditChanges } from "@/lib/audit/write";
import { log } from "@/lib/log";
import type { WinkError } from "@/lib/wink";
import type { AuditSink } from "./dependencies";

type Actor = AuditEvent["actor"];

/**
 * The audit of one change request: every way out of the pipeline writes exactly one event, with the
 * same who, what and which application. The ids come from the browser, so only non-empty strings are
 * recorded; the client ID is the credential's name (known once the application is read, or from
 * Wink's answer), never its secret.
 */
export class AuditTrail {
  private actor: Actor = { email: null, role: null };
  private clientId: string | undefined;
  private applicationId: string | undefined;
  private applicationName: string | undefined;
  private changes: AuditChanges | undefined;
  private readonly entityId: string | null;

  constructor(
    private readonly sink: AuditSink,
    private readonly action: AuditAction,
    request: { entityId: unknown; applicationId?: unknown },
  ) {
    this.entityId = nonEmpty(request.entityId) ?? null;
    this.applicationId = nonEmpty(request.applicationId);
  }

  setActor(viewer: { email: string; name?: string | null; role: string | null } | undefined): void {
    this.actor = {
      email: viewer?.email ?? null,
      name: viewer?.name ?? null,
      role: viewer?.role ?? null,
    };
  }

  setApplicationName(name: string): void {
    this.applicationName = name || undefined;
  }

  /** What an update is about to change (scopes and URIs added and removed). */
  setChanges(changes: AuditChanges | undefined): void {
    this.changes = changes;
  }

  setClientId(clientId: string): void {
    this.clientId = clientId || undefined;
  }

  /**
   * The console said no before asking Wink to change anything. Answered even when the audit store
   * is down (the refusal may be that very outage): the log line still has the event.
   */
  async refused(refusal: {
    error: string;
    status: number;
    fieldErrors?: Record<string, string>;
  }): Promise<ActionRefusal> {
    await this.writeAfterWink({ outcome: "refused", reason: refusal.error });
    const { error, status, fieldErrors } = refusal;
    return { ok: false, error, status, ...(fieldErrors ? { fieldErrors } : {}) };
  }

  /** A WinkError: failed, or unknown when the change may have happened all the same. */
  async failed(error: WinkError): Promise<void> {
    await this.writeAfterWink({
      outcome: error.outcome === "unknown" ? "unknown" : "failed",
      status: error.status,
      requestId: error.requestId,
      reason: error.safeMessage,
    });
  }

  /** Wink answered but did not do it (`success: false` on delete). */
  async declined(reason: string, status: number): Promise<void> {
    await this.writeAfterWink({ outcome: "failed", status, reason });
  }

  async succeeded(done: {
    status: number;
    applicationId?: string;
    clientId?: string;
  }): Promise<boolean> {
    if (done.applicationId) this.applicationId = done.applicationId;
    if (done.clientId !== undefined) this.setClientId(done.clientId);
    return this.writeAfterWink({ outcome: "succeeded", status: done.status });
  }

  /**
   * Once Wink was asked, its answer goes back to the admin even when the audit cannot be written:
   * a failure of the console's own store must never cost a secret Wink already issued. The failure
   * is logged, marked for reconciliation, with what was not written (the event has no secret).
   * True when the event was stored.
   */
  private async writeAfterWink(
    event: Pick<AuditEvent, "outcome" | "status" | "requestId" | "reason">,
  ): Promise<boolean> {
    try {
      await this.write(event);
      return true;
    } catch (error) {
      log.error("audit.unwritten", {
        reconcile: true,
        unwritten: ["audit event"],
        action: this.action,
        outcome: event.outcome,
        entityId: this.entityId,
        applicationId: this.applicationId,
        clientId: this.clientId,
        error,
      });
      return false;
    }
  }

  private write(event: Pick<AuditEvent, "outcome" | "status" | "requestId" | "reason">) {
    return this.sink({
      action: this.action,
      actor: this.actor,
      entityId: this.entityId,
      ...(this.applicationId ? { applicationId: this.applicationId } : {}),
      ...(this.applicationName ? { applicationName: this.applicationName } : {}),
      ...(this.clientId ? { clientId: this.clientId } : {}),
      ...(this.changes ? { changes: this.changes } : {}),
      ...withoutUndefined(event),
    });
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
