import "server-only";
import { joinRecords } from "@/lib/applications/list-join";
import type { SecretPolicy } from "@/lib/applications/secret-policy";
import type { Database } from "@/lib/db/connection";
import type { WinkClient } from "@/lib/wink";
import { entityDigest, secretDigest, type DigestEntity, type SecretDigest } from "./digest";

/** Wink or the console's database could not be read: the report is incomplete and says so. */
export class ReportReadError extends Error {
  override name = "ReportReadError";
}

export type CollectOptions = {
  wink: WinkClient;
  db: Database;
  policy: SecretPolicy;
  /** WINK_MANAGING_ENTITY_ID: only that entity; null: every entity the credential can see. */
  managingEntityId: string | null;
  now: Date;
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads every managing entity's applications from Wink, joins them with the console's record (the
 * same reconciling read as the list: lib/applications/list-join.ts) and builds the digest. With the
 * policy off nothing is read. Throws ReportReadError naming what could not be read; a partial
 * digest is never returned, since "nothing due" must not stand for "could not look".
 */
export async function collectDigest(options: CollectOptions): Promise<SecretDigest> {
  const { wink, db, policy, managingEntityId, now } = options;
  if (policy.maxAgeDays <= 0) return secretDigest([], policy, now);
  let entities: { id: string; name: string }[];
  try {
    const listed = await wink.listManagingEntities();
    const all = listed.map(({ id, name }) => ({ id, name: name || id }));
    entities = managingEntityId
      ? [
          all.find((entity) => entity.id === managingEntityId) ?? {
            id: managingEntityId,
            name: managingEntityId,
          },
        ]
      : all;
  } catch (error) {
    throw new ReportReadError(`Wink's managing entities could not be read: ${describe(error)}`);
  }
  const parts: DigestEntity[] = [];
  for (const entity of entities) {
    let applications;
    try {
      applications = await wink.listApplications(entity.id);
    } catch (error) {
      throw new ReportReadError(
        `The applications of ${entity.name} (${entity.id}) could not be read from Wink: ${describe(error)}`,
      );
    }
    const joined = await joinRecords(entity.id, applications, now, db);
    if (joined.recordUnavailable) {
      throw new ReportReadError(
        `The console's database could not be read, so the secrets' ages of ${entity.name} are unknown.`,
      );
    }
    parts.push(entityDigest(entity, joined.applications, policy, now, wink.clientId));
  }
  return secretDigest(parts, policy, now);
}
