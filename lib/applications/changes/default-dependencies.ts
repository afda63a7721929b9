import "server-only";
import { acquireChangeLock } from "@/lib/applications/change-lock";
import { claimSubmission } from "@/lib/applications/submissions";
import { audit } from "@/lib/audit";
import { authorize } from "@/lib/auth/guard";
import { isKnownEntity } from "@/lib/entities";
import { getEnv } from "@/lib/env";
import { getWinkClient } from "@/lib/wink";
import type { ChangeDependencies } from "./dependencies";
import { databaseRecordWriter } from "./record-writes";

/**
 * The pipeline's dependencies in the running console: the session of this request, the process's
 * Wink client, and today's in-memory replay guard and change lock with the log-line audit. Each
 * database-backed replacement is one line here.
 */
export function defaultChangeDependencies(): ChangeDependencies {
  return {
    authorize,
    wink: getWinkClient(),
    isKnownEntity,
    guards: { claimSubmission, acquireChangeLock },
    audit: async (event) => audit(event),
    consoleScopes: getEnv().wink.scopes,
    record: databaseRecordWriter,
  };
}
