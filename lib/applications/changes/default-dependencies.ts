import "server-only";
import { authorize } from "@/lib/auth/guard";
import { isKnownEntity } from "@/lib/entities";
import { getEnv } from "@/lib/env";
import { getWinkClient } from "@/lib/wink";
import { databaseDependencies } from "./database";
import type { ChangeDependencies } from "./dependencies";
import { changeLockTtlMs } from "./guard-times";

/**
 * The pipeline's dependencies in the running console: the session of this request, the process's
 * Wink client, and the database (PostgreSQL, or the embedded PGlite) for the replay guard, the
 * change lock, the audit and the record, so that every console process shares them.
 */
export function defaultChangeDependencies(): ChangeDependencies {
  const env = getEnv();
  return {
    authorize,
    wink: getWinkClient(),
    isKnownEntity,
    ...databaseDependencies(),
    consoleScopes: env.wink.scopes,
    lockTtlMs: changeLockTtlMs(env.wink.timeoutMs),
  };
}
