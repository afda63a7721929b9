import "server-only";
import { desc, sql } from "drizzle-orm";
import type { AuditAction, AuditOutcome } from "@/lib/audit";
import { getDb, queryRows, type Database } from "@/lib/db/connection";
import { auditEvents } from "@/lib/db/schema";
import { redactText } from "@/lib/log";
import { chainHash, GENESIS_HASH, type ChainedFields } from "./chain";

/**
 * Appends audit events to the database's hash-chained history (the log line of lib/audit.ts is
 * written apart from this).
 *
 * Every field is named here and copied one by one: a caller that spreads Wink's answer (which may
 * hold `secretKey`) into the event still stores no secret, because no field could hold one.
 */

export type { AuditAction, AuditOutcome } from "@/lib/audit";

/** A list's members added and removed by an update (scopes, redirect URIs). */
export interface ListChange {
  added: string[];
  removed: string[];
}

/** What an update changed. Only these members are stored. */
export interface AuditChanges {
  name?: { from: string; to: string };
  scopes?: ListChange;
  redirectUris?: ListChange;
  postLogoutRedirectUris?: ListChange;
}

export interface AuditEventInput {
  actor: { email: string | null; name?: string | null; role: string | null };
  action: AuditAction;
  outcome: AuditOutcome;
  entityId: string | null;
  applicationId?: string | null;
  applicationName?: string | null;
  /** The public client ID (after a rotate, the new one). Never the secret. */
  clientId?: string | null;
  /** Wink's HTTP status, when Wink answered. */
  winkStatus?: number | null;
  /** Wink's request id, when it sent one. */
  winkRequestId?: string | null;
  /** Why it was refused or failed, in plain words. Credentials quoted in it are masked. */
  reason?: string | null;
  changes?: AuditChanges | null;
}

export interface AppendedAuditEvent {
  id: number;
  occurredAt: Date;
  hash: string;
}

// Any constant, the same in every process: pg_advisory_xact_lock's key for "appending to the chain".
const AUDIT_CHAIN_LOCK_KEY = 7_236_002;

/**
 * Appends one event and returns its id, time and hash. Appends from every process form one chain:
 * the transaction takes an advisory lock, reads the last hash, then inserts, so no two events
 * share a predecessor. Throws when the database fails (the caller decides whether to go on).
 */
export async function appendAuditEvent(
  input: AuditEventInput,
  db: Database = getDb(),
): Promise<AppendedAuditEvent> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
    const [last] = await tx
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .limit(1);
    const [next] = await queryRows<{ id: string }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('audit_events', 'id'))::text as id`,
    );
    const id = Number(next?.id);
    // Taken under the lock, so time order and id order agree for the activity page's paging.
    const occurredAt = new Date();
    const fields = toFields(id, occurredAt, input);
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = chainHash(prevHash, fields);
    await tx.insert(auditEvents).values({ ...fields, prevHash, hash });
    return { id, occurredAt, hash };
  });
}

function toFields(id: number, occurredAt: Date, input: AuditEventInput): ChainedFields {
  return {
    id,
    occurredAt,
    actorEmail: input.actor.email ?? null,
    actorName: input.actor.name ?? null,
    actorRole: input.actor.role ?? null,
    action: input.action,
    outcome: input.outcome,
    entityId: input.entityId ?? null,
    applicationId: input.applicationId ?? null,
    applicationName: input.applicationName ?? null,
    clientId: input.clientId ?? null,
    winkStatus: input.winkStatus ?? null,
    winkRequestId: input.winkRequestId ?? null,
    reason: input.reason == null ? null : redactText(input.reason),
    changes: pickChanges(input.changes),
  };
}

/**
 * Copies only the members `AuditChanges` declares, each only when it has the declared shape, so
 * nothing else a caller passes (a whole Wink answer, say) reaches the jsonb column.
 */
function pickChanges(changes: AuditChanges | null | undefined): AuditChanges | null {
  if (!changes || typeof changes !== "object") return null;
  const strings = (value: unknown): string[] | undefined =>
    Array.isArray(value) && value.every((item) => typeof item === "string")
      ? [...value]
      : undefined;
  const list = (value: unknown): ListChange | undefined => {
    const change = value as Partial<ListChange> | undefined;
    const added = strings(change?.added);
    const removed = strings(change?.removed);
    return added && removed ? { added, removed } : undefined;
  };
  const name = changes.name as Partial<{ from: unknown; to: unknown }> | undefined;
  const picked: AuditChanges = {
    name:
      typeof name?.from === "string" && typeof name.to === "string"
        ? { from: name.from, to: name.to }
        : undefined,
    scopes: list(changes.scopes),
    redirectUris: list(changes.redirectUris),
    postLogoutRedirectUris: list(changes.postLogoutRedirectUris),
  };
  const kept = Object.entries(picked).filter(([, value]) => value !== undefined);
  return kept.length ? (Object.fromEntries(kept) as AuditChanges) : null;
}
