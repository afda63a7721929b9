/**
 * The guards that must hold across every console process, kept in the database: the replay guard
 * on change requests, change locks, and revoked sessions.
 */
export { claimSubmission, pruneSubmissionClaims } from "./submissions";
export { acquireChangeLock, withChangeLock, type ReleaseChangeLock } from "./change-locks";
export { isSessionRevoked, revokeSession } from "./sessions";
