import type { Application } from "@/lib/wink";

/**
 * What Wink said about one application a moment ago in this process, so that a change and the page
 * around it do not ask Wink the same thing twice. Two kinds, kept apart because they are trusted
 * for different things:
 *
 * - **shown**: the application as a page showed it to someone (a read of Wink, or a change's
 *   answer), for at most `SHOWN_TTL_MS`. A delete confirmed on that page checks against it what
 *   does not go stale: which application the console's own credential belongs to (a client ID
 *   belongs to one application for ever, so an application seen with another client ID is not the
 *   console's while its credential works) and the name the admin was shown and typed. A rotate and
 *   an update never use it: a rotate's client-ID check and an update's audit diff need Wink as it
 *   is now, read under the lock.
 * - **changed**: the application as Wink holds it after a change this process made (the read before
 *   the change with what Wink answered laid over it), taken once by the next page render of that
 *   application within `CHANGED_TTL_MS`, in place of reading it again.
 *
 * Per process and bounded (`MAX_ENTRIES` each, oldest out first): another process simply reads
 * Wink. Nothing secret is kept: `Application` has no secret member. Kept on globalThis because
 * Next.js bundles server actions and pages apart, each with its own copy of this module.
 */

export const SHOWN_TTL_MS = 60_000;
/** Long enough for a rotate's reveal dialog to be read and closed before the page refreshes. */
export const CHANGED_TTL_MS = 120_000;
const MAX_ENTRIES = 500;

type Entry = { application: Application; at: number };

/** The two kinds of answer, with their rules (see the module's comment). */
export type RecentAnswers = {
  /** A page showed `application` (as Wink gave it) to a signed-in person. */
  noteShown(entityId: string, application: Application, now?: number): void;
  /** The application as a page of this process showed it less than `SHOWN_TTL_MS` ago. */
  recentlyShown(entityId: string, applicationId: string, now?: number): Application | undefined;
  /** Wink holds `application` after a change this process made just now. */
  noteChanged(entityId: string, application: Application, now?: number): void;
  /**
   * The application after this process's change, once, if recent enough, with when Wink answered
   * (what the record's reconcile takes as the time it was observed); else undefined.
   */
  takeChanged(
    entityId: string,
    applicationId: string,
    now?: number,
  ): { application: Application; at: number } | undefined;
  /** The application is gone (deleted): nothing about it may be answered from here. */
  forget(entityId: string, applicationId: string): void;
};

const keyOf = (entityId: string, applicationId: string) => `${entityId}/${applicationId}`;

function put(map: Map<string, Entry>, entityId: string, application: Application, now: number) {
  const key = keyOf(entityId, application.id);
  map.delete(key);
  map.set(key, { application: structuredClone(application), at: now });
  while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}

function get(map: Map<string, Entry>, key: string, ttlMs: number, now: number) {
  const entry = map.get(key);
  if (!entry) return undefined;
  if (now - entry.at > ttlMs || now < entry.at) {
    map.delete(key);
    return undefined;
  }
  return { application: structuredClone(entry.application), at: entry.at };
}

/** A store of its own (the tests make one each); the console uses `recentAnswers()`. */
export function createRecentAnswers(): RecentAnswers {
  const shown = new Map<string, Entry>();
  const changed = new Map<string, Entry>();
  return {
    noteShown: (entityId, application, now = Date.now()) => put(shown, entityId, application, now),
    recentlyShown: (entityId, applicationId, now = Date.now()) =>
      get(shown, keyOf(entityId, applicationId), SHOWN_TTL_MS, now)?.application,
    noteChanged: (entityId, application, now = Date.now()) =>
      put(changed, entityId, application, now),
    takeChanged(entityId, applicationId, now = Date.now()) {
      const key = keyOf(entityId, applicationId);
      const found = get(changed, key, CHANGED_TTL_MS, now);
      changed.delete(key);
      return found;
    },
    forget(entityId, applicationId) {
      shown.delete(keyOf(entityId, applicationId));
      changed.delete(keyOf(entityId, applicationId));
    },
  };
}

const ANSWERS_KEY = Symbol.for("wink-console.recent-application-answers");

/** The process's one store. */
export function recentAnswers(): RecentAnswers {
  const holder = globalThis as { [ANSWERS_KEY]?: RecentAnswers };
  holder[ANSWERS_KEY] ??= createRecentAnswers();
  return holder[ANSWERS_KEY];
}
