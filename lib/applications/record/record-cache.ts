import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/connection";
import {
  applicationRecords,
  applicationRecordVersions,
  type ApplicationRecord,
} from "@/lib/db/schema";
import { toPublicRecord, type PublicRecord } from "./public-record";

/**
 * A per-process copy of each entity's records, so that the list read (Wink's whole list, 10,000
 * applications is realistic) costs one primary-key lookup when nothing changed, instead of reading
 * back and converting every row.
 *
 * The copy is checked against `application_record_versions`, which triggers move on with every
 * statement that writes the entity's records, from any process: a copy whose version is still the
 * database's is current. The version is read before the rows, so a write that lands in between
 * leaves a copy newer than its version says, and the next check reads again: never stale, at worst
 * read twice.
 */

/** A live record with its public form, converted once per snapshot rather than once per read. */
export interface LiveRecord {
  row: ApplicationRecord;
  shown: PublicRecord;
}

export interface RecordSnapshot {
  version: number;
  /** Every record of the entity, gone ones included, by application id. */
  all: ReadonlyMap<string, ApplicationRecord>;
  /** The records of applications not marked gone, by application id. */
  live: ReadonlyMap<string, LiveRecord>;
}

// Per database (tests open several) and per entity. Entities are few; each copy is replaced whole.
const snapshots = new WeakMap<Database, Map<string, RecordSnapshot>>();

async function currentVersion(db: Database, entityId: string): Promise<number> {
  const [row] = await db
    .select({ version: applicationRecordVersions.version })
    .from(applicationRecordVersions)
    .where(eq(applicationRecordVersions.entityId, entityId))
    .limit(1);
  return Number(row?.version ?? 0);
}

/**
 * The entity's records as of now: the cached copy when its version is the database's, else one
 * indexed read of the entity's rows (the primary key starts with `entity_id`). Throws when the
 * database fails.
 */
export async function recordSnapshot(db: Database, entityId: string): Promise<RecordSnapshot> {
  let byEntity = snapshots.get(db);
  if (!byEntity) {
    byEntity = new Map();
    snapshots.set(db, byEntity);
  }
  const version = await currentVersion(db, entityId);
  const cached = byEntity.get(entityId);
  if (cached && cached.version === version) return cached;

  const rows = await db
    .select()
    .from(applicationRecords)
    .where(eq(applicationRecords.entityId, entityId));
  const all = new Map<string, ApplicationRecord>();
  const live = new Map<string, LiveRecord>();
  for (const row of rows) {
    all.set(row.applicationId, row);
    if (row.goneAt === null) live.set(row.applicationId, { row, shown: toPublicRecord(row) });
  }
  const snapshot: RecordSnapshot = { version, all, live };
  byEntity.set(entityId, snapshot);
  return snapshot;
}

/** Forgets every cached copy (tests that compare a cold read with a warm one). */
export function clearRecordSnapshots(db: Database): void {
  snapshots.delete(db);
}
