import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/lib/db/connection";
import { applicationRecords, type ApplicationRecord } from "@/lib/db/schema";

/**
 * Reconciling on read: Wink is the source of truth, and its list of an entity's applications is
 * joined to the console's record each time the list is loaded. What Wink says wins:
 * - an application the console has never seen gets a record (first seen now, client type unknown);
 * - a client ID other than the last one the console issued or saw was changed elsewhere: it is
 *   noted (`clientIdChangedOutsideAt`) and becomes the one expected;
 * - a record whose application is missing from the list is marked gone (kept, not deleted); one
 *   that reappears is no longer gone.
 *
 * Two statements whatever the list's length (Wink returns one unpaginated array, 10,000 entries
 * is realistic): one upsert-and-mark over the whole list as two array parameters, one read back.
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

/**
 * Reconciles `entityId`'s records with Wink's list and returns the record of every application in
 * the list, by application id. Throws when the database fails: the list can still be shown from
 * Wink alone, without the record's columns.
 */
export async function reconcile(
  entityId: string,
  applicationsFromWink: readonly WinkApplicationRef[],
  options: ReconcileOptions = {},
  db: Database = getDb(),
): Promise<Map<string, ApplicationRecord>> {
  const ids = applicationsFromWink.map((application) => application.id);
  const clientIds = applicationsFromWink.map((application) => application.clientId);
  const observedAt = options.observedAt?.toISOString() ?? null;

  // Data-modifying CTEs share one snapshot, so the upsert and the "gone" update cannot see each
  // other's rows; they touch disjoint sets (in the list / not in it), which is what we want.
  // "Not in the list" is `<> all(array)`, which PostgreSQL 15+ hashes: an anti-join against the
  // CTE was planned as a nested loop (10,000 × 10,000 comparisons, half a minute).
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
      and r.gone_at is null
      and r.application_id <> all(${sql.param(ids)}::text[])
      and (${observedAt}::timestamptz is null or r.updated_at < ${observedAt}::timestamptz)
  `);

  const rows = await db
    .select()
    .from(applicationRecords)
    .where(
      and(
        eq(applicationRecords.entityId, entityId),
        sql`${applicationRecords.applicationId} = any(${sql.param(ids)}::text[])`,
      ),
    );
  return new Map(rows.map((row) => [row.applicationId, row]));
}
