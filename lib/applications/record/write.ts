import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Database } from "@/lib/db/connection";
import { applicationRecords, type ApplicationRecord } from "@/lib/db/schema";
import { descriptionSchema, ownerSchema } from "@/lib/applications/text-rules";
import { CLIENT_TYPES, type ClientType } from "@/lib/wink-contract/schemas";

/**
 * The console's writes to its record of an application, after Wink has done the change. Each is
 * one upsert: the record may not exist yet (the list was never opened), or may have been made by
 * a reconcile a moment before.
 *
 * A failure here must never cost the admin a secret Wink already issued: callers show the secret
 * first and treat a thrown error as "record not updated" (the next reconcile notices the change).
 */

/** The admin who did it, from the session. Their email and name are stored; nothing else. */
export interface RecordActor {
  email: string;
  name?: string | null;
}

export interface RecordKey {
  entityId: string;
  applicationId: string;
}

/** After Wink created an application: its type, who created it, and the first secret's issue. */
export async function recordCreated(
  input: RecordKey & { clientId: string; clientType: ClientType; actor: RecordActor },
  db: Database = getDb(),
): Promise<ApplicationRecord> {
  const now = sql`now()`;
  const update = {
    clientType: input.clientType,
    clientTypeSource: "console" as const,
    createdAt: now,
    createdByEmail: input.actor.email,
    createdByName: input.actor.name ?? null,
    secretIssuedAt: now,
    secretIssuedBy: input.actor.email,
    lastClientId: input.clientId,
    goneAt: null,
    updatedAt: now,
  };
  const values = { entityId: input.entityId, applicationId: input.applicationId, ...update };
  const [row] = await db
    .insert(applicationRecords)
    .values(values)
    .onConflictDoUpdate({
      target: [applicationRecords.entityId, applicationRecords.applicationId],
      set: update,
    })
    .returning();
  return row!;
}

/**
 * After Wink rotated an application's credentials: the new client ID becomes the one the console
 * expects (so the next reconcile does not call it a change made elsewhere), one more rotation.
 */
export async function recordRotated(
  input: RecordKey & { newClientId: string; actor: RecordActor },
  db: Database = getDb(),
): Promise<ApplicationRecord> {
  const [row] = await db
    .insert(applicationRecords)
    .values({
      entityId: input.entityId,
      applicationId: input.applicationId,
      lastClientId: input.newClientId,
      rotations: 1,
      secretIssuedAt: sql`now()`,
      secretIssuedBy: input.actor.email,
    })
    .onConflictDoUpdate({
      target: [applicationRecords.entityId, applicationRecords.applicationId],
      set: {
        lastClientId: input.newClientId,
        rotations: sql`${applicationRecords.rotations} + 1`,
        secretIssuedAt: sql`now()`,
        secretIssuedBy: input.actor.email,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return row!;
}

/** After Wink deleted an application: the record is marked gone and kept. False if none existed. */
export async function recordDeleted(input: RecordKey, db: Database = getDb()): Promise<boolean> {
  const rows = await db
    .update(applicationRecords)
    .set({ goneAt: sql`coalesce(${applicationRecords.goneAt}, now())`, updatedAt: sql`now()` })
    .where(keyOf(input))
    .returning({ applicationId: applicationRecords.applicationId });
  return rows.length > 0;
}

/**
 * The details only the console keeps, as an admin edits them. A member left out is unchanged;
 * null clears it. Shared by the form and the action that calls `updateRecordDetails`.
 */
export const recordDetailsSchema = z.object({
  description: descriptionSchema.nullable().optional(),
  owner: ownerSchema.nullable().optional(),
  /** An admin's correction of the client type (Wink does not keep it). */
  clientType: z.enum(CLIENT_TYPES).optional(),
});
export type RecordDetails = z.infer<typeof recordDetailsSchema>;

/**
 * Sets description, owner and (marked as set by an admin) client type. Empty text is stored as
 * null. Throws a ZodError for details that break `recordDetailsSchema`.
 */
export async function updateRecordDetails(
  input: RecordKey & RecordDetails,
  db: Database = getDb(),
): Promise<ApplicationRecord> {
  const details = recordDetailsSchema.parse(input);
  const set: Partial<typeof applicationRecords.$inferInsert> = {};
  if (details.description !== undefined) set.description = details.description || null;
  if (details.owner !== undefined) set.owner = details.owner || null;
  if (details.clientType !== undefined) {
    set.clientType = details.clientType;
    set.clientTypeSource = "admin";
  }
  const [row] = await db
    .insert(applicationRecords)
    .values({ entityId: input.entityId, applicationId: input.applicationId, ...set })
    .onConflictDoUpdate({
      target: [applicationRecords.entityId, applicationRecords.applicationId],
      set: { ...set, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

/** The record of one application, or null when the console has none. */
export async function getRecord(
  key: RecordKey,
  db: Database = getDb(),
): Promise<ApplicationRecord | null> {
  const [row] = await db.select().from(applicationRecords).where(keyOf(key)).limit(1);
  return row ?? null;
}

function keyOf({ entityId, applicationId }: RecordKey) {
  return and(
    eq(applicationRecords.entityId, entityId),
    eq(applicationRecords.applicationId, applicationId),
  );
}
