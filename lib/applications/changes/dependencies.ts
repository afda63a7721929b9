import type { RecordDetails, RecordKey } from "@/lib/applications/record";
import type { AuditEvent } from "@/lib/audit";
import type { Authorization, Permission } from "@/lib/auth/guard";
import type { WinkClient } from "@/lib/wink/client";
import type { ClientType } from "@/lib/wink-contract/client-types";
import type { RecentAnswers } from "./recent-answers";

/**
 * What the change pipeline needs from the world, passed down rather than imported, so that each can
 * be replaced in one place: the database-backed replay guard, change lock and audit store swap in
 * through `defaultChangeDependencies` (default-dependencies.ts), and the tests pass a session, a
 * Wink client built against the sandbox and an audit they can read.
 */

/** The replay guard and the change lock. Async: the database versions answer over the network. */
export type ChangeGuards = {
  /** True the first time `id` is claimed within `ttlMs`; false for a repeat. */
  claimSubmission(id: string, ttlMs: number): Promise<boolean>;
  /** The lock on `key` for at most `ttlMs`, as its release; null while someone else holds it. */
  acquireChangeLock(key: string, ttlMs: number): Promise<(() => Promise<void>) | null>;
};

/**
 * Appends one audit event. Never given a secret: the event's fields are a fixed list. Throws when
 * the event could not be stored; the pipeline still answers (see audit-trail.ts).
 */
export type AuditSink = (event: AuditEvent) => Promise<void>;

/** Who made a change, as the record keeps it. */
export type ChangeActor = { email: string; name: string | null };

/**
 * The console's record of an application, written after Wink did a change
 * (lib/applications/record). Each throws when the database fails; the pipeline then still returns
 * Wink's answer, and the next reconcile on read repairs the record.
 */
export type RecordWriter = {
  created(input: {
    entityId: string;
    applicationId: string;
    clientId: string;
    clientType: ClientType;
    actor: ChangeActor;
  }): Promise<unknown>;
  rotated(input: {
    entityId: string;
    applicationId: string;
    newClientId: string;
    actor: ChangeActor;
  }): Promise<unknown>;
  deleted(input: { entityId: string; applicationId: string }): Promise<unknown>;
  /**
   * Description and owner, and the client type only while the record has none: an admin records
   * an unknown type, and a type recorded at create (or by an admin) is not overwritten here.
   */
  details(input: RecordKey & RecordDetails): Promise<unknown>;
};

export type ChangeDependencies = {
  /** The session and the role of the caller (lib/auth/guard's `authorize`). */
  authorize(permission: Permission): Promise<Authorization>;
  /** Its `clientId` is the console's own credential, which rotate and delete refuse to touch. */
  wink: WinkClient;
  /** Whether the managing entity from the URL is one the console manages. */
  isKnownEntity(entityId: string): Promise<boolean>;
  guards: ChangeGuards;
  audit: AuditSink;
  record: RecordWriter;
  /** How long a change lock is held at most (see `changeLockTtlMs`); default `CHANGE_LOCK_TTL_MS`. */
  lockTtlMs?: number;
  /** The scopes the console asks for (WINK_SCOPES): an edit of its own application keeps them. */
  consoleScopes: readonly string[];
  /** What Wink said about an application a moment ago in this process (recent-answers.ts). */
  answers: RecentAnswers;
};
