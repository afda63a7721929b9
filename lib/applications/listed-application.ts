/**
 * One application as the list's answer carries it: Wink's fields with the console's record, which
 * is null when the record is unavailable or the application is not in it yet. Types only, so the
 * browser's list imports no schema: the server builds it (lib/applications/list-join.ts) from data
 * it has already validated.
 */
import type { Application } from "@/lib/wink-contract/schemas";
import type { PublicRecord } from "@/lib/applications/record/public-record";

export type ListedApplication = Application & { record: PublicRecord | null };

/** A list of applications with whether the console's record could be read at all. */
export interface ApplicationListData {
  applications: ListedApplication[];
  /** True when the console's record could not be read: Wink's data alone. */
  recordUnavailable: boolean;
}

/** The words the list and the application page show when the record is unavailable. */
export const RECORD_UNAVAILABLE_MESSAGE =
  "The console's record is unavailable: client types, secret ages and owners are not shown.";
