/**
 * The activity exports: the page's columns as CSV (RFC 4180) or JSON lines, one row per event,
 * encoded batch by batch into a `ReadableStream` that reads the next batch only when the client has
 * taken the last one, so the server holds one batch however long the history.
 *
 * The audit table holds no secret (lib/audit/write.ts stores named fields only); the exports add
 * nothing but words for the action and the outcome.
 */
import type { AuditChanges } from "./write";
import { actionWords, outcomeWords } from "./activity-words";
import type { ActivityEvent } from "./read";

export type ExportFormat = "csv" | "jsonl";

/** One exported event: the page's columns, flat, in this order. */
export interface ExportRow {
  id: number;
  occurred_at: string;
  actor_name: string | null;
  actor_email: string | null;
  actor_role: string | null;
  action: string;
  action_words: string;
  application_id: string | null;
  application_name: string | null;
  client_id: string | null;
  outcome: string;
  outcome_words: string;
  wink_status: number | null;
  wink_request_id: string | null;
  reason: string | null;
  name_from: string | null;
  name_to: string | null;
  scopes_added: string[];
  scopes_removed: string[];
  redirect_uris_added: string[];
  redirect_uris_removed: string[];
  post_logout_redirect_uris_added: string[];
  post_logout_redirect_uris_removed: string[];
}

export const EXPORT_COLUMNS = [
  "id",
  "occurred_at",
  "actor_name",
  "actor_email",
  "actor_role",
  "action",
  "action_words",
  "application_id",
  "application_name",
  "client_id",
  "outcome",
  "outcome_words",
  "wink_status",
  "wink_request_id",
  "reason",
  "name_from",
  "name_to",
  "scopes_added",
  "scopes_removed",
  "redirect_uris_added",
  "redirect_uris_removed",
  "post_logout_redirect_uris_added",
  "post_logout_redirect_uris_removed",
] as const satisfies readonly (keyof ExportRow)[];

export function toExportRow(event: ActivityEvent): ExportRow {
  const changes = (event.changes ?? {}) as AuditChanges;
  return {
    id: event.id,
    occurred_at: event.occurredAt.toISOString(),
    actor_name: event.actorName,
    actor_email: event.actorEmail,
    actor_role: event.actorRole,
    action: event.action,
    action_words: actionWords(event.action),
    application_id: event.applicationId,
    application_name: event.applicationName,
    client_id: event.clientId,
    outcome: event.outcome,
    outcome_words: outcomeWords(event.outcome),
    wink_status: event.winkStatus,
    wink_request_id: event.winkRequestId,
    reason: event.reason,
    name_from: changes.name?.from ?? null,
    name_to: changes.name?.to ?? null,
    scopes_added: changes.scopes?.added ?? [],
    scopes_removed: changes.scopes?.removed ?? [],
    redirect_uris_added: changes.redirectUris?.added ?? [],
    redirect_uris_removed: changes.redirectUris?.removed ?? [],
    post_logout_redirect_uris_added: changes.postLogoutRedirectUris?.added ?? [],
    post_logout_redirect_uris_removed: changes.postLogoutRedirectUris?.removed ?? [],
  };
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some strip
 * first) as a formula (OWASP "CSV injection"): such a cell gets a leading apostrophe, which the
 * spreadsheet shows as text. Names and reasons come from admins and from Wink, so any may.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 §2: a field with a comma, a double quote or a line break is quoted, quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF (RFC 4180 §2.1); a list is its members separated by spaces. */
export function csvLine(row: ExportRow): string {
  return `${EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    return csvField(Array.isArray(value) ? value.join(" ") : value);
  }).join(",")}\r\n`;
}

export const CSV_HEADER = `${EXPORT_COLUMNS.join(",")}\r\n`;

export function jsonLine(row: ExportRow): string {
  return `${JSON.stringify(row)}\n`;
}

/** `activity-<entity>-<YYYY-MM-DD>.<ext>`, with the entity id kept to characters safe in a name. */
export function exportFilename(entityId: string, format: ExportFormat, now = new Date()): string {
  const entity = entityId.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "entity";
  return `activity-${entity}-${now.toISOString().slice(0, 10)}.${format}`;
}

/**
 * The export as a byte stream, pulling one batch from `batches` per read: back-pressure from the
 * client keeps the database reads in step. Cancelling the download stops the reads.
 */
export function exportStream(
  batches: AsyncIterator<ActivityEvent[]>,
  format: ExportFormat,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = format === "csv" ? csvLine : jsonLine;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === "csv") controller.enqueue(encoder.encode(CSV_HEADER));
      started = true;
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(
        encoder.encode(next.value.map((event) => line(toExportRow(event))).join("")),
      );
    },
    async cancel() {
      await batches.return?.(undefined);
    },
  });
}
