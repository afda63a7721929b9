/**
 * The part of the console's record that crosses to the browser, next to Wink's own fields: the list
 * and the application page show it. Pure (no server-only fence) and schema-free, so the browser's
 * list carries no schema code: the server builds it with `toPublicRecord` from the database's row.
 *
 * Never a secret: the record holds none (lib/db/schema.ts). Who did something is a name or an
 * email the session gave; dates are ISO 8601 strings, as JSON carries them.
 */
import type { ApplicationRecord } from "@/lib/db/schema";
import type { ClientType } from "@/lib/wink-contract/client-types";

/**
 * Where the client type comes from: the console created the application ("recorded at create"),
 * an admin set it afterwards, or nobody knows (created outside the console, Wink does not say).
 */
export const CLIENT_TYPE_SOURCES = ["created", "admin", "unknown"] as const;
export type ClientTypeOrigin = (typeof CLIENT_TYPE_SOURCES)[number];

/** Dates are ISO 8601 strings with an offset, as JSON carries them. */
export interface PublicRecord {
  clientType: ClientType | null;
  clientTypeSource: ClientTypeOrigin;
  /** Null: created outside the console (or before it kept a record). */
  createdAt: string | null;
  createdBy: string | null;
  /** Null: the secret in use was issued outside the console; its age counts from `firstSeenAt`. */
  secretIssuedAt: string | null;
  secretIssuedBy: string | null;
  rotations: number;
  firstSeenAt: string;
  clientIdChangedOutsideAt: string | null;
  owner: string | null;
  description: string | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The record's row as it may leave the server: chosen fields only, nothing inherited. */
export function toPublicRecord(row: ApplicationRecord): PublicRecord {
  return {
    clientType: row.clientType ?? null,
    clientTypeSource:
      row.clientType === null ? "unknown" : row.clientTypeSource === "admin" ? "admin" : "created",
    createdAt: iso(row.createdAt),
    createdBy: row.createdByName || row.createdByEmail || null,
    secretIssuedAt: iso(row.secretIssuedAt),
    secretIssuedBy: row.secretIssuedBy ?? null,
    rotations: row.rotations,
    firstSeenAt: row.firstSeenAt.toISOString(),
    clientIdChangedOutsideAt: iso(row.clientIdChangedOutsideAt),
    owner: row.owner ?? null,
    description: row.description ?? null,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How old the secret in use is, in whole days. */
export interface SecretAge {
  days: number;
  /**
   * True when the secret was issued outside the console: it is at least `days` old, counted from
   * when the console first saw the application.
   */
  atLeast: boolean;
  /** The moment counted from. */
  since: Date;
}

export function secretAge(record: PublicRecord, now: number): SecretAge {
  const since = new Date(record.secretIssuedAt ?? record.firstSeenAt);
  const days = Math.max(0, Math.floor((now - since.getTime()) / DAY_MS));
  return { days, atLeast: record.secretIssuedAt === null, since };
}

/** "12 days", "1 day", "at least 40 days". */
export function describeSecretAge(age: SecretAge): string {
  const days = `${age.days} ${age.days === 1 ? "day" : "days"}`;
  return age.atLeast ? `at least ${days}` : days;
}

/**
 * A guess at the client type of an application whose type is unknown, from what Wink returns:
 * no redirect URIs can only be a machine-to-machine client (the scopes do not change that: an
 * interactive type without one cannot sign anyone in); a custom-scheme or loopback-only redirect
 * is a native app (RFC 8252 §7.1, §7.3); an https redirect is a web application (a single-page
 * app looks the same from outside: hence only a guess, which an admin confirms).
 */
export function guessClientType(application: { redirectUris: readonly string[] }): ClientType {
  const uris = application.redirectUris.map((uri) => uri.trim().toLowerCase());
  if (uris.length === 0) return "MACHINE_2_MACHINE";
  if (uris.some((uri) => !/^https?:/.test(uri))) return "MOBILE";
  const loopback = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/;
  return uris.every((uri) => loopback.test(uri)) ? "MOBILE" : "WEB";
}
