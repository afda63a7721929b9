import "server-only";
import { createHash } from "node:crypto";

/**
 * The hash chain of the audit history: each event's hash is SHA-256 over the previous event's
 * hash and a canonical JSON of the event's own fields, so changing, removing or reordering any
 * stored event breaks every link after it. Shared by the writer and the verifier.
 */

/** The `prev_hash` of the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** An event's fields as they are hashed: every stored column but the two hashes. */
export interface ChainedFields {
  id: number;
  occurredAt: Date;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  entityId: string | null;
  applicationId: string | null;
  applicationName: string | null;
  clientId: string | null;
  winkStatus: number | null;
  winkRequestId: string | null;
  reason: string | null;
  changes: unknown;
}

/**
 * Hex SHA-256 of `prevHash`, a newline, and the canonical JSON of the fields `ChainedFields`
 * names, picked one by one: a column added later changes no existing event's hash.
 */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  const hashed: Record<keyof ChainedFields, unknown> = {
    id: fields.id,
    occurredAt: fields.occurredAt.toISOString(),
    actorEmail: fields.actorEmail,
    actorName: fields.actorName,
    actorRole: fields.actorRole,
    action: fields.action,
    outcome: fields.outcome,
    entityId: fields.entityId,
    applicationId: fields.applicationId,
    applicationName: fields.applicationName,
    clientId: fields.clientId,
    winkStatus: fields.winkStatus,
    winkRequestId: fields.winkRequestId,
    reason: fields.reason,
    changes: fields.changes,
  };
  const canonical = canonicalJson(hashed);
  return createHash("sha256").update(`${prevHash}\n${canonical}`).digest("hex");
}

/**
 * JSON with object keys sorted at every depth and `undefined` members dropped, so that the same
 * values hash the same whichever way they were built, and after a round trip through jsonb (which
 * reorders keys).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
