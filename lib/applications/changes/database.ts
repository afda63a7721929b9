import "server-only";
import { audit, type AuditEvent } from "@/lib/audit";
import { appendAuditEvent, type AuditEventInput } from "@/lib/audit/write";
import { getDb, type Database } from "@/lib/db/connection";
import { acquireChangeLock, claimSubmission } from "@/lib/guards";
import {
  getRecord,
  recordCreated,
  recordDeleted,
  recordRotated,
  updateRecordDetails,
} from "@/lib/applications/record";
import type { AuditSink, ChangeDependencies } from "./dependencies";

/**
 * The pipeline's memory in the database, shared by every console process: the replay guard (a
 * unique claim per submission id), the change lock (an expiring row, taken over once a dead
 * holder's time is up), the hash-chained audit, and the record of each application.
 *
 * `db` is asked for on each use, so a database that cannot even be opened fails the one change that
 * needs it (refused before Wink: see pipeline.ts) rather than the process.
 */
export function databaseDependencies(
  db: () => Database = getDb,
): Pick<ChangeDependencies, "guards" | "audit" | "record"> {
  return {
    guards: {
      claimSubmission: (id, ttlMs) => claimSubmission(id, ttlMs, db()),
      acquireChangeLock: (key, ttlMs) => acquireChangeLock(key, ttlMs, db()),
    },
    audit: databaseAuditSink(db),
    record: {
      created: (input) => recordCreated(input, db()),
      rotated: (input) => recordRotated(input, db()),
      deleted: (input) => recordDeleted(input, db()),
      async details({ clientType, ...input }) {
        const known = clientType ? (await getRecord(input, db()))?.clientType : null;
        return updateRecordDetails(known ? input : { ...input, clientType }, db());
      },
    },
  };
}

/**
 * Appends the event to the database's chain, then writes its log line. The log line is written
 * either way: when the append failed it is marked `reconcile` with what was not written, so an
 * operator can restore the history from the logs. Throws the append's error after logging.
 */
export function databaseAuditSink(db: () => Database = getDb): AuditSink {
  return async (event) => {
    let failure: unknown;
    try {
      await appendAuditEvent(auditInputOf(event), db());
    } catch (error) {
      failure = error ?? new Error("The audit event was not stored.");
    }
    audit(event, failure ? { reconcile: true, unwritten: ["audit event"] } : undefined);
    if (failure) throw failure;
  };
}

/** The log line's event as the database's row: the same fields under the table's names. */
export function auditInputOf(event: AuditEvent): AuditEventInput {
  return {
    actor: event.actor,
    action: event.action,
    outcome: event.outcome,
    entityId: event.entityId,
    applicationId: event.applicationId,
    applicationName: event.applicationName,
    clientId: event.clientId,
    winkStatus: event.status,
    winkRequestId: event.requestId,
    reason: event.reason,
    changes: event.changes,
  };
}
