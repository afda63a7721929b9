/**
 * An audit event's action and outcome in plain words, the same on the page, in the exports and in
 * the filter lists. Pure: no server-only fence.
 */
import type { AuditAction, AuditOutcome } from "@/lib/audit";

/** The verb of "Ada Admin rotated the credentials of Booking site". */
export const ACTION_WORDS: Record<AuditAction, string> = {
  "application.create": "created",
  "application.update": "updated",
  "application.rotate": "rotated the credentials of",
  "application.delete": "deleted",
};

/** For the filter list: what the action is, as a noun phrase. */
export const ACTION_LABELS: Record<AuditAction, string> = {
  "application.create": "Create",
  "application.update": "Update",
  "application.rotate": "Rotate credentials",
  "application.delete": "Delete",
};

export const OUTCOME_WORDS: Record<AuditOutcome, string> = {
  succeeded: "Succeeded",
  failed: "Failed",
  unknown: "May or may not have happened",
  refused: "Refused",
};

/** An action stored by a later version of the console still shows, as itself. */
export function actionWords(action: string): string {
  return ACTION_WORDS[action as AuditAction] ?? action;
}

export function outcomeWords(outcome: string): string {
  return OUTCOME_WORDS[outcome as AuditOutcome] ?? outcome;
}
