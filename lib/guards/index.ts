/**
 * The guards that must hold across every console process, kept in the database: the replay guard
 * on change requests, change locks, and revoked sessions.
 */
export { claimSubmission, pruneSubmissionClaims } from "./submissions";
export { acquireChangeLock, withChangeLock, type ReleaseChangeLock } from "./change-locks";
export { isSessionRevoked, revokeSession } from "./sessions";

/**
 * What an admin is told when a change needs the database and cannot reach it. Changes fail closed:
 * without the replay guard a repeat cannot be told from a first request, and without the audit a
 * change would leave no trace, so nothing is asked of Wink.
 */
export const RECORD_UNAVAILABLE =
  "The console's record is unavailable, so changes are paused: the replay guard and the audit live there. Try again in a moment.";
