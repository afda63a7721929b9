import "server-only";
import { authorize } from "@/lib/auth/guard";
import { isKnownEntity } from "@/lib/entities";
import { getEnv } from "@/lib/env";
import { recordChange } from "@/lib/metrics/record";
import { getWinkClient } from "@/lib/wink";
import { databaseDependencies } from "./database";
import type { ChangeDependencies } from "./dependencies";
import { changeLockTtlMs } from "./guard-times";
import { recentAnswers } from "./recent-answers";

/**
 * The pipeline's dependencies in the running console: the session of this request, the process's
 * Wink client, and the database (PostgreSQL, or the embedded PGlite) for the replay guard, the
 * change lock, the audit and the record, so that every console process shares them.
 */
export function defaultChangeDependencies(): ChangeDependencies {
  const env = getEnv();
  const database = databaseDependencies();
  return {
    authorize,
    wink: getWinkClient(),
    isKnownEntity,
    ...database,
    // Counted for /api/metrics before the append, so a change shows there even if the append fails.
    audit: async (event) => {
      recordChange(event);
      await database.audit(event);
    },
    consoleScopes: env.wink.scopes,
    lockTtlMs: changeLockTtlMs(env.wink.timeoutMs),
    answers: recentAnswers(),
  };
}
