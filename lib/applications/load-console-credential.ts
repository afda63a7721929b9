import "server-only";
import { cache } from "react";
import { isConsoleApplication } from "@/lib/applications/console-application";
import { loadRecordForPage, type LoadedRecord } from "@/lib/applications/load-record";
import { getEnv } from "@/lib/env";
import { getWinkClient, isWinkError } from "@/lib/wink";

/**
 * The console's own credential as its page shows it: the client ID and scopes from the settings
 * (WINK_CLIENT_ID, WINK_SCOPES; never the secret), and, when the application that holds it is one of
 * this managing entity's, that application and the console's record of it (for the secret's age).
 */
export type ConsoleCredential = {
  clientId: string;
  scopes: readonly string[];
  /**
   * `found`: the entity holds the application (with its record, or `{ ok: false }` when the
   * database could not be read); `elsewhere`: it is not among this entity's applications;
   * `unavailable`: Wink could not list them (its safe message).
   */
  application:
    | { state: "found"; id: string; name: string; record: LoadedRecord; observedAt: number }
    | { state: "elsewhere" }
    | { state: "unavailable"; message: string };
};

/** Memoised per request. Never throws for Wink's sake: its failure is part of the answer. */
export const loadConsoleCredential = cache(async (entityId: string): Promise<ConsoleCredential> => {
  const wink = getWinkClient();
  const base = { clientId: wink.clientId, scopes: getEnv().wink.scopes };
  const observedAt = Date.now();
  try {
    const applications = await wink.listApplications(entityId);
    const own = applications.find((application) =>
      isConsoleApplication(application, wink.clientId),
    );
    if (!own) return { ...base, application: { state: "elsewhere" } };
    const record = await loadRecordForPage(entityId, own.id, own.clientId, observedAt);
    return {
      ...base,
      application: { state: "found", id: own.id, name: own.name, record, observedAt },
    };
  } catch (error) {
    if (!isWinkError(error)) throw error;
    return { ...base, application: { state: "unavailable", message: error.message } };
  }
});
