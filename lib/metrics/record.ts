import type { AuditEvent } from "@/lib/audit";
import type { WinkEvent } from "@/lib/wink/client";
import { getMetrics, type ConsoleMetrics } from "./registry";

/**
 * What the console counts, taken from events it already has: the Wink client's `onEvent` and the
 * change pipeline's audit events. Only names and classes are copied into labels; paths, ids,
 * request ids and error texts stay out (see ./registry.ts).
 */

/** `2xx`, `4xx`, `5xx`, or `none` when no answer came (time-out, network). */
export function statusClass(status: number | undefined): string {
  return status === undefined ? "none" : `${Math.floor(status / 100)}xx`;
}

/** Counts one event of the Wink client. */
export function recordWinkEvent(event: WinkEvent, metrics: ConsoleMetrics = getMetrics()): void {
  switch (event.type) {
    case "api-request": {
      const status_class = statusClass(event.status);
      const outcome =
        event.failure ?? (event.status !== undefined && event.status < 400 ? "ok" : "error");
      metrics.winkRequests.inc({ operation: event.operation, status_class, outcome });
      metrics.winkRequestDuration.observe(
        { operation: event.operation, status_class },
        event.durationMs / 1000,
      );
      return;
    }
    case "retry":
      metrics.winkRetries.inc({ operation: event.operation });
      return;
    case "token-request":
      metrics.tokenRequests.inc({ outcome: event.error ? "failed" : "ok" });
      metrics.tokenRequestDuration.observe(event.durationMs / 1000);
      return;
  }
}

/** Counts one audited change by its action and outcome. */
export function recordChange(
  event: Pick<AuditEvent, "action" | "outcome">,
  metrics: ConsoleMetrics = getMetrics(),
): void {
  metrics.changes.inc({ action: event.action, outcome: event.outcome });
}
