import type { AuditEvent } from "@/lib/audit";
import type { Authorization, Permission } from "@/lib/auth/guard";
import type { WinkClient } from "@/lib/wink";
import type { RecordWriter } from "./record-writes";

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

/** Appends one audit event. Never given a secret: the event's fields are a fixed list. */
export type AuditSink = (event: AuditEvent) => Promise<void>;

export type ChangeDependencies = {
  /** The session and the role of the caller (lib/auth/guard's `authorize`). */
  authorize(permission: Permission): Promise<Authorization>;
  /** Its `clientId` is the console's own credential, which rotate and delete refuse to touch. */
  wink: WinkClient;
  /** Whether the managing entity from the URL is one the console manages. */
  isKnownEntity(entityId: string): Promise<boolean>;
  guards: ChangeGuards;
  audit: AuditSink;
  /** The scopes the console asks for (WINK_SCOPES): an edit of its own application keeps them. */
  consoleScopes: readonly string[];
  /** The console's record, written after Wink's change; absent, nothing is recorded. */
  record?: RecordWriter;
};
