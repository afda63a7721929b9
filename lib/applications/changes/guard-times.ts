/**
 * How long the pipeline's guards hold: the replay guard's memory of a submission id, and a change
 * lock's time-to-live.
 */

/** How long an exclusive change may hold its lock when the dependencies do not say. */
export const CHANGE_LOCK_TTL_MS = 2 * 60 * 1000;

/**
 * The lock's time-to-live for a Wink timeout: longer than a locked change can take (a token
 * request and the change itself, each bounded by the timeout, plus a third for the database's
 * writes), and no longer, because a console process killed mid-change leaves its lock row behind
 * and the application cannot be rotated again until it expires. Default timeout 10 s: 40 s.
 */
export function changeLockTtlMs(winkTimeoutMs: number): number {
  return 3 * winkTimeoutMs + 10_000;
}

/** How long a submission id is remembered: far longer than a person takes to click twice. */
export const SUBMISSION_TTL_MS = 10 * 60 * 1000;
