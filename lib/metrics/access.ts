import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Who may read /api/metrics: a scraper that sends `Authorization: Bearer <CONSOLE_METRICS_TOKEN>`.
 * The metrics say how busy the console is and how Wink answers it: not for the public internet.
 */

export type MetricsAccess = "disabled" | "denied" | "allowed";

/**
 * `disabled` when no token is configured (the endpoint then does not exist: 404), `denied` for a
 * missing or wrong token (401), else `allowed`. The comparison takes the same time whatever the
 * token sent: both sides are hashed to equal length first, then compared in constant time.
 */
export function metricsAccess(
  authorization: string | null,
  configuredToken: string | undefined,
): MetricsAccess {
  const expected = configuredToken?.trim();
  if (!expected) return "disabled";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const sent = match?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(sent), digest(expected)) && sent.length > 0 ? "allowed" : "denied";
}
