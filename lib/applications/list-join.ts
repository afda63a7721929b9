import "server-only";
import type { Database } from "@/lib/db/connection";
import { log } from "@/lib/log";
import type { Application } from "@/lib/wink";
import { getDb } from "@/lib/db/connection";
import { reconcileRecords, type PublicRecord } from "@/lib/applications/record";
import { recordSnapshot } from "@/lib/applications/record/record-cache";

/**
 * Wink's list joined with the console's record by application id: what the list page and its
 * route handler send to the browser.
 */

import type { ListedApplication } from "./listed-application";

export type { ListedApplication };

export interface JoinedList {
  applications: ListedApplication[];
  /**
   * True when the record could not be read (the database is unreachable or failed): the list is
   * Wink's alone, and the page says that client types, secret ages and owners are not shown.
   */
  recordUnavailable: boolean;
}

/**
 * How long the list waits for the record before it shows Wink's list alone: a database that hangs
 * (a pool waiting for a connection) must not hold the list that Wink already answered.
 */
const RECORD_WAIT_MS = 5_000;

function withinWait<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The application as it may leave the server, with its record. Only the members of `Application`
 * are copied, one by one: the zod schema already drops what it does not know, but this is the
 * line the data crosses to the browser, so a field added on Wink's side (or to the schema) must
 * be chosen, not inherited.
 */
export function toListedApplication(
  application: Application,
  record: PublicRecord | null,
): ListedApplication {
  const { id, userIdentifier, name, clientId, redirectUris, postLogoutRedirectUris } = application;
  return {
    id,
    ...(userIdentifier === undefined ? {} : { userIdentifier }),
    name,
    clientId,
    redirectUris,
    postLogoutRedirectUris,
    scopes: application.scopes,
    iconIdentifier: application.iconIdentifier,
    record,
  };
}

/** `toListedApplication` without the record: the application page's copy of Wink's fields. */
export function toPublicApplication(application: Application): Application {
  const listed: Partial<ListedApplication> = toListedApplication(application, null);
  delete listed.record;
  return listed as Application;
}

/**
 * The common case in one pass over the list: every application matches a live record of the
 * snapshot (same client ID) and no live record is left over. Null when anything differs, and the
 * record must be written first.
 */
async function joinUnchanged(
  db: Database,
  entityId: string,
  applications: readonly Application[],
): Promise<ListedApplication[] | null> {
  const { live } = await recordSnapshot(db, entityId);
  if (live.size !== applications.length) return null;
  const listed = new Array<ListedApplication>(applications.length);
  for (let index = 0; index < applications.length; index++) {
    const application = applications[index]!;
    const record = live.get(application.id);
    if (!record || record.row.lastClientId !== application.clientId) return null;
    listed[index] = toListedApplication(application, record.shown);
  }
  return listed;
}

async function join(
  db: Database,
  entityId: string,
  applications: readonly Application[],
  observedAt: Date,
): Promise<ListedApplication[]> {
  const unchanged = await joinUnchanged(db, entityId, applications);
  if (unchanged) return unchanged;
  const { publicRecords } = await reconcileRecords(entityId, applications, { observedAt }, db);
  return applications.map((application) =>
    toListedApplication(application, publicRecords.get(application.id) ?? null),
  );
}

/**
 * Wink's list (`applications`, read at `observedAt`) as it may leave the server, reconciled with
 * the record and joined to it. Never throws for the database's sake: a failure is logged (the
 * driver's error class only: its message may name the host and the user) and answered as
 * `recordUnavailable`, with Wink's data alone.
 */
export async function joinRecords(
  entityId: string,
  applications: readonly Application[],
  observedAt: Date,
  db?: Database,
): Promise<JoinedList> {
  try {
    const joined = (async () => join(db ?? getDb(), entityId, applications, observedAt))();
    return { applications: await withinWait(joined, RECORD_WAIT_MS), recordUnavailable: false };
  } catch (error) {
    log.warn("record.unavailable", {
      entityId,
      error: error instanceof Error ? error.name : typeof error,
    });
    return {
      applications: applications.map((application) => toListedApplication(application, null)),
      recordUnavailable: true,
    };
  }
}
