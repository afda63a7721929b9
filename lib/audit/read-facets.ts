import "server-only";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb, queryRows, type Database } from "@/lib/db/connection";
import { applicationRecords } from "@/lib/db/schema";

/**
 * What the activity page shows around the events: the values its filter lists offer, and which
 * applications are gone from Wink.
 */

export interface ActivityFacets {
  /** Distinct actor emails, sorted. */
  actors: string[];
  /** Distinct applications with the name of their latest event, sorted by name. */
  applications: { id: string; name: string | null }[];
}

/** How many distinct values a filter's list offers; past this, the field is typed instead. */
const FACET_LIMIT = 500;

/**
 * The actors and applications the entity's history names, for the filter lists. A recursive
 * "skip scan" over the (entity, actor) and (entity, application) indexes: one index probe per
 * distinct value, not a scan of every event.
 */
export async function activityFacets(
  entityId: string,
  db: Database = getDb(),
): Promise<ActivityFacets> {
  const [actors, applications] = await Promise.all([
    queryRows<{ value: string }>(
      db,
      sql`with recursive distinct_values(value) as (
        (select lower(actor_email) from audit_events
          where entity_id = ${entityId} and lower(actor_email) is not null
          order by lower(actor_email) limit 1)
        union all
        select (select lower(actor_email) from audit_events
                 where entity_id = ${entityId} and lower(actor_email) > distinct_values.value
                 order by lower(actor_email) limit 1)
          from distinct_values where distinct_values.value is not null
      )
      select value from distinct_values where value is not null limit ${FACET_LIMIT}`,
    ),
    queryRows<{ id: string; name: string | null }>(
      db,
      sql`with recursive distinct_values(value) as (
        (select application_id from audit_events where entity_id = ${entityId} and application_id is not null
          order by application_id limit 1)
        union all
        select (select application_id from audit_events
                 where entity_id = ${entityId} and application_id > distinct_values.value
                 order by application_id limit 1)
          from distinct_values where distinct_values.value is not null
      )
      select ids.value as id,
        (select application_name from audit_events
          where entity_id = ${entityId} and application_id = ids.value
          order by occurred_at desc nulls last, id desc nulls last limit 1) as name
        from (select value from distinct_values where value is not null limit ${FACET_LIMIT}) ids`,
    ),
  ]);
  return {
    actors: actors.map((row) => row.value),
    applications: applications.sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, "en")),
  };
}

/**
 * Which of `applicationIds` the console's record marks as gone from Wink (deleted here or found
 * missing from Wink's list): their names are shown without a link. The record, not a Wink call, so
 * the history reads even while Wink is away; an application deleted elsewhere and not yet noticed
 * keeps its link, and its page says it is not found.
 */
export async function goneApplicationIds(
  entityId: string,
  applicationIds: readonly string[],
  db: Database = getDb(),
): Promise<Set<string>> {
  const unique = [...new Set(applicationIds)];
  if (!unique.length) return new Set();
  const rows = await db
    .select({ id: applicationRecords.applicationId })
    .from(applicationRecords)
    .where(
      and(
        eq(applicationRecords.entityId, entityId),
        inArray(applicationRecords.applicationId, unique),
        isNotNull(applicationRecords.goneAt),
      ),
    );
  return new Set(rows.map((row) => row.id));
}
