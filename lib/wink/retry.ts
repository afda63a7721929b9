import "server-only";

/**
 * Backoff of reads after a transient failure. Changes are never repeated (see operations.ts); reads
 * are, a bounded number of times, because a list that fails once in a while is worse than a list
 * that takes a second longer.
 */

export type RetryPolicy = {
  /** Base delay before each repeat; its length is the number of repeats. */
  delaysMs: readonly number[];
  /** Longest wait a `Retry-After` may ask for; a longer one is shortened to this. */
  maxRetryAfterMs: number;
  /** 0..1; tests pass a constant. */
  random: () => number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysMs: [200, 600],
  maxRetryAfterMs: 2_000,
  random: Math.random,
};

/**
 * The wait before repeat number `repeat` (1-based): Wink's `Retry-After` when it sent one (capped),
 * else the base delay with ±25% jitter so that instances that failed together do not retry together.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  repeat: number,
  retryAfter: string | null,
  now = Date.now(),
): number {
  const asked = parseRetryAfterMs(retryAfter, now);
  if (asked !== undefined) return Math.min(asked, policy.maxRetryAfterMs);
  const base = policy.delaysMs[repeat - 1] ?? policy.delaysMs.at(-1) ?? 0;
  return Math.round(base * (0.75 + policy.random() * 0.5));
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function parseRetryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
