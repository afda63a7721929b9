import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/lib/db/connection";
import type { ApplicationRecord } from "@/lib/db/schema";
import type { PublicRecord } from "./public-record";
import { recordSnapshot, type RecordSnapshot } from "./record-cache";

/**
 * Reconciling on read: Wink is the source of truth, and its list of an entity's applications is
 * joined to the console's record each time the list is loaded. What Wink says wins:
 * - an application the console has never seen gets a record (first seen now, client type unknown);
 * - a client ID other than the last one the console issued or saw was changed elsewhere: it is
 *   noted (`clientIdChangedOutsideAt`) and becomes the one expected;
 * - a record whose application is missing from the list is marked gone (kept, not deleted); one
 *   that reappears is no longer gone.
 *
 * The comparison runs in memory against the entity's snapshot (record-cache.ts): when Wink's list
 * matches it, the database sees one primary-key lookup and nothing else. Only what differs is
 * written, in one statement, and the snapshot is read again after it.
 */

export interface WinkApplicationRef {
  id: string;
  clientId: string;
}

export interface ReconcileOptions {
  /**
   * When the list was read from Wink (taken before the request). Records the console wrote after
   * it (a create or rotate that raced the list) are left alone rather than undone by a stale list.
   */
  observedAt?: Date;
}

/** What the list needs: each listed application's record, and the same as it may leave. */
export interface ReconciledRecords {
  records: ReadonlyMap<string, ApplicationRecord>;
  publicRecords: ReadonlyMap<string, PublicRecord>;
}

interface Differences {
  /** New to the console, back from gone, or with a client ID other than the one expected. */
  upsert: WinkApplicationRef[];
  /** Live records whose application is not in Wink's list. */
  gone: string[];
}

function differences(
  snapshot: RecordSnapshot,
  applications: readonly WinkApplicationRef[],
): Differences {
  const upsert: WinkApplicationRef[] = [];
  let matched = 0;
  for (const application of applications) {
    const record = snapshot.live.get(application.id);
    if (record && record.row.lastClientId === application.clientId) matched++;
    else upsert.push(application);
  }
  // Every live record was matched by one listed application: none is missing from the list. Only
  // otherwise is the list indexed, to name the missing ones (a duplicate id in Wink's list, which
  // Wink does not send, would count twice and also land here).
  if (upsert.length === 0 && matched === snapshot.live.size) return { upsert, gone: [] };
  const listed = new Set(applications.map((application) => application.id));
  const gone = [...snapshot.live.keys()].filter((id) => !listed.has(id));
  return { upsert, gone };
}

async function write(
  db: Database,
  entityId: string,
  { upsert, gone }: Differences,
  observedAt: string | null,
): Promise<void> {
  const ids = upsert.map((application) => application.id);
  const clientIds = upsert.map((application) => application.clientId);
  // Data-modifying CTEs share one snapshot; the two touch disjoint sets (listed / missing). The
  // conditions repeat what the comparison found, against the rows as they are now: another
  // process may have written since the snapshot was read.
  await db.execute(sql`
    with incoming as (
      select distinct on (application_id) application_id, client_id
      from unnest(${sql.param(ids)}::text[], ${sql.param(clientIds)}::text[]) as t(application_id, client_id)
    ),
    upserted as (
      insert into application_records as r (entity_id, application_id, last_client_id)
      select ${entityId}, application_id, client_id from incoming
      on conflict (entity_id, application_id) do update set
        client_id_changed_outside_at = case
          when r.last_client_id is not null and r.last_client_id <> excluded.last_client_id
          then now() else r.client_id_changed_outside_at end,
        last_client_id = excluded.last_client_id,
        gone_at = null,
        updated_at = now()
      where (r.last_client_id is distinct from excluded.last_client_id or r.gone_at is not null)
        and (${observedAt}::timestamptz is null or r.updated_at < ${observedAt}::timestamptz)
      returning 1
    )
    update application_records as r set gone_at = now(), updated_at = now()
    where r.entity_id = ${entityId}
      and r.application_id = any(${sql.param(gone)}::text[])
      and r.gone_at is null
      and (${observedAt}::timestamptz is null or r.updated_at < ${observedAt}::timestamptz)
  `);
}

/**
 * Reconciles `entityId`'s records with Wink's list and returns the record of every application in
 * the list, by application id. (The list read takes a faster path when nothing differs:
 * lib/applications/list-join.ts.)
 * Throws when the database fails: the list can still be shown from Wink alone.
 */
export async function reconcileRecords(
  entityId: string,
  applicationsFromWink: readonly WinkApplicationRef[],
  options: ReconcileOptions = {},
  db: Database = getDb(),
): Promise<ReconciledRecords> {
  let snapshot = await recordSnapshot(db, entityId);
  const found = differences(snapshot, applicationsFromWink);
  if (found.upsert.length > 0 || found.gone.length > 0) {
    await write(db, entityId, found, options.observedAt?.toISOString() ?? null);
    snapshot = await recordSnapshot(db, entityId);
  }
  // The live set may hold records that a write newer than the list kept (observedAt): answer
  // only for the listed applications.
  const records = new Map<string, ApplicationRecord>();
  const publicRecords = new Map<string, PublicRecord>();
  for (const { id } of applicationsFromWink) {
    const record = snapshot.all.get(id);
    const live = snapshot.live.get(id);
    if (record) records.set(id, record);
    if (live) publicRecords.set(id, live.shown);
  }
  return { records, publicRecords };
}

/** `reconcileRecords`, answering the records only. */
export async function reconcile(
  entityId: string,
  applicationsFromWink: readonly WinkApplicationRef[],
  options: ReconcileOptions = {},
  db: Database = getDb(),
): Promise<ReadonlyMap<string, ApplicationRecord>> {
  return (await reconcileRecords(entityId, applicationsFromWink, options, db)).records;
}

/**
 * One application as Wink has it now (the application page): its record, made if the console has
 * none yet, with a client ID changed elsewhere noted, as the list's reconcile would. Marks nothing
 * gone: one application says nothing about the others. Throws when the database fails.
 */
export async function reconcileOne(
  entityId: string,
  application: WinkApplicationRef,
  options: ReconcileOptions = {},
  db: Database = getDb(),
): Promise<ApplicationRecord> {
  let snapshot = await recordSnapshot(db, entityId);
  const known = snapshot.live.get(application.id);
  if (!known || known.row.lastClientId !== application.clientId) {
    const observedAt = options.observedAt?.toISOString() ?? null;
    await write(db, entityId, { upsert: [application], gone: [] }, observedAt);
    snapshot = await recordSnapshot(db, entityId);
  }
  const record = snapshot.all.get(application.id);
  if (!record) throw new Error("The record was not written.");
  return record;
}
