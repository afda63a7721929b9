/**
 * The console's own record, in PostgreSQL (or the embedded PGlite): what Wink does not keep about
 * an application, the audit history, and the guards that must hold across every console process.
 *
 * Pure table definitions with no server-only fence: drizzle-kit reads this file to generate the SQL
 * migrations in `lib/db/migrations/`. After a change here, run
 * `npx drizzle-kit generate --name <what-changed>` and commit the SQL it writes.
 *
 * No column holds a secret, a token or a session cookie: the client ID is public (it is sent with
 * every token request), and a revoked session is kept by its id (`jti`) only.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { ClientType } from "@/lib/wink-contract/schemas";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Who set an application's client type: the console when it created it, or an admin afterwards. */
export type ClientTypeSource = "console" | "admin";

/**
 * One row per managing entity and application id. Wink stays the source of truth: rows are joined
 * to Wink's list on read (see lib/applications/record/reconcile.ts), never the other way round.
 */
export const applicationRecords = pgTable(
  "application_records",
  {
    entityId: text("entity_id").notNull(),
    applicationId: text("application_id").notNull(),
    /** Null: unknown (created outside the console and not yet set by an admin). */
    clientType: text("client_type").$type<ClientType>(),
    clientTypeSource: text("client_type_source").$type<ClientTypeSource>(),
    /** Null when the application was created outside the console. */
    createdAt: at("created_at"),
    createdByEmail: text("created_by_email"),
    createdByName: text("created_by_name"),
    /** The last time the console saw Wink issue a secret (create or rotate), and to whom. */
    secretIssuedAt: at("secret_issued_at"),
    secretIssuedBy: text("secret_issued_by"),
    rotations: integer("rotations").notNull().default(0),
    firstSeenAt: at("first_seen_at").notNull().defaultNow(),
    /** Null until the console has seen the application in Wink's list or issued its credential. */
    lastClientId: text("last_client_id"),
    /** Set when Wink reported a client ID the console did not issue (rotated elsewhere). */
    clientIdChangedOutsideAt: at("client_id_changed_outside_at"),
    description: text("description"),
    owner: text("owner"),
    /** Set when the application is no longer in Wink (deleted here or elsewhere); the row stays. */
    goneAt: at("gone_at"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.entityId, table.applicationId] }),
    check(
      "application_records_client_type_source",
      sql`${table.clientTypeSource} in ('console', 'admin')`,
    ),
    check("application_records_rotations", sql`${table.rotations} >= 0`),
  ],
);

/**
 * A counter per managing entity that every write to its application records moves on (triggers in
 * the migration, so a write from any process or tool counts). The list read compares it with the
 * version its in-memory copy of the records was read at: one primary-key lookup instead of reading
 * back every record (see lib/applications/record/record-cache.ts).
 */
export const applicationRecordVersions = pgTable("application_record_versions", {
  entityId: text("entity_id").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});

/**
 * The audit history: append-only (a trigger refuses UPDATE and DELETE), each row chained to the one
 * before it by `prev_hash`, so that an edit made behind the console's back shows (lib/audit/verify.ts).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: at("occurred_at").notNull(),
    actorEmail: text("actor_email"),
    actorName: text("actor_name"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    outcome: text("outcome").notNull(),
    entityId: text("entity_id"),
    applicationId: text("application_id"),
    applicationName: text("application_name"),
    clientId: text("client_id"),
    winkStatus: integer("wink_status"),
    winkRequestId: text("wink_request_id"),
    reason: text("reason"),
    /** What an update changed: names, scopes and URIs added and removed. Never a secret. */
    changes: jsonb("changes"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (table) => [
    // The activity page pages through one entity's history, newest first (keyset on both columns).
    index("audit_events_entity_recent").on(
      table.entityId,
      table.occurredAt.desc(),
      table.id.desc(),
    ),
    // The activity page's exact filters: without these, one application's or one person's few
    // events are found by walking the entity's whole history (lib/audit/read.ts).
    index("audit_events_entity_application_recent").on(
      table.entityId,
      table.applicationId,
      table.occurredAt.desc(),
      table.id.desc(),
    ),
    index("audit_events_entity_actor_recent").on(
      table.entityId,
      sql`lower(${table.actorEmail})`,
      table.occurredAt.desc(),
      table.id.desc(),
    ),
    // Outcome and action have a handful of values each, but a rare pair (an unknown outcome of a
    // delete) with a search on top leaves fewer matches than a page, so a walk of the recent index
    // reads the whole history (430 ms at 100,000 events on PGlite). A common action alone still
    // fills a page soon on the recent walk; a rare outcome alone has its own index.
    index("audit_events_entity_action_outcome_recent").on(
      table.entityId,
      table.action,
      table.outcome,
      table.occurredAt.desc(),
      table.id.desc(),
    ),
    index("audit_events_entity_outcome_recent").on(
      table.entityId,
      table.outcome,
      table.occurredAt.desc(),
      table.id.desc(),
    ),
  ],
);

/**
 * The replay guard: a change request's id can be claimed once until it expires, by any process.
 * Only the id is kept, never the request's input or Wink's answer.
 */
export const submissionClaims = pgTable(
  "submission_claims",
  {
    submissionId: text("submission_id").primaryKey(),
    claimedAt: at("claimed_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
  },
  (table) => [index("submission_claims_expires").on(table.expiresAt)],
);

/**
 * Change locks (rotate, delete) that hold across processes: a row is the lock, its holder a random
 * token, and a lock whose process died is taken over once `expires_at` has passed.
 */
export const changeLocks = pgTable("change_locks", {
  key: text("key").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: at("expires_at").notNull(),
});

/**
 * Sessions ended by sign-out, by their JWT id, until the JWT itself would have expired: the
 * session cookie is a self-contained JWT, so only this list ends it on every process.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    expiresAt: at("expires_at").notNull(),
  },
  (table) => [index("revoked_sessions_expires").on(table.expiresAt)],
);

/**
 * The secret-age report's webhook posts, one row per UTC day and digest (`npm run report:secrets`):
 * a run claims its row before it posts and deletes it when the post fails, so that a retry on the
 * same day posts again and two runs at once post once. A claim whose run died before it posted is
 * taken over once `claimed_at` is old enough (lib/applications/secret-report/post-once.ts). Holds
 * the digest's hash only, never the webhook's URL.
 */
export const notificationPosts = pgTable(
  "notification_posts",
  {
    day: text("day").notNull(),
    digestHash: text("digest_hash").notNull(),
    claimedAt: at("claimed_at").notNull().defaultNow(),
    /** Null while the post is in flight. */
    postedAt: at("posted_at"),
  },
  (table) => [primaryKey({ columns: [table.day, table.digestHash] })],
);

export type ApplicationRecord = typeof applicationRecords.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
