/**
 * The console's record in words, the same on the server and in the browser: dates are written in
 * UTC with a fixed locale, so the server's render and the browser's agree (no hydration mismatch)
 * whatever the machines' time zones. Pure.
 */
import { CLIENT_TYPE_CHOICES } from "@/lib/applications/client-type-choices";
import type { ClientType } from "@/lib/wink-contract/client-types";
import {
  describeSecretAge,
  guessClientType,
  secretAge,
  type PublicRecord,
} from "@/lib/applications/record/public-record";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "18 Nov 2026, 14:02 UTC". */
export function formatRecordDate(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

export function clientTypeLabel(type: ClientType): string {
  return CLIENT_TYPE_CHOICES[type].label;
}

/** The client type as the list and the page show it. */
export interface ClientTypeWords {
  /** "Web application", or "Unknown". */
  text: string;
  /** "set by an admin" or "guess: Mobile or desktop app"; null for a type recorded at create. */
  note: string | null;
  guess: ClientType | null;
}

export function clientTypeWords(
  record: PublicRecord,
  application: { redirectUris: readonly string[] },
): ClientTypeWords {
  if (record.clientType === null) {
    const guess = guessClientType(application);
    return { text: "Unknown", note: `guess: ${clientTypeLabel(guess)}`, guess };
  }
  return {
    text: clientTypeLabel(record.clientType),
    note: record.clientTypeSource === "admin" ? "set by an admin" : null,
    guess: null,
  };
}

/** The secret's age in words and, for the tooltip, where it is counted from. */
export function secretAgeWords(
  record: PublicRecord,
  now: number,
): { text: string; detail: string } {
  const age = secretAge(record, now);
  const when = formatRecordDate(age.since.toISOString());
  const detail = age.atLeast
    ? `Issued outside the console; first seen ${when}`
    : `Issued ${when}${record.secretIssuedBy ? ` by ${record.secretIssuedBy}` : ""}`;
  return { text: describeSecretAge(age), detail };
}
