import "server-only";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { recordWinkEvent } from "@/lib/metrics/record";
import { traceWinkEvent } from "@/lib/telemetry/wink-spans";
import { createWinkClient, type WinkClient, type WinkEvent } from "./client";

/**
 * The entry point of lib/wink for the app: `getWinkClient()` and the types of what it returns.
 *
 * One client per process, built from the validated settings. The console is stateless (sessions are
 * cookies), so this token cache is the only state, and each instance behind a load balancer simply
 * holds its own token.
 */

// Next.js bundles server code more than once (pages and actions apart from route handlers), and
// each bundle has its own copy of this module. The client, and so the token cache, is kept on
// globalThis so that the whole process shares one token and one view of whether it still works.
const CLIENT_KEY = Symbol.for("wink-console.wink-client");
type ClientHolder = { [CLIENT_KEY]?: WinkClient };

export function getWinkClient(): WinkClient {
  const holder = globalThis as ClientHolder;
  holder[CLIENT_KEY] ??= createWinkClient({
    ...getEnv().wink,
    onEvent: (event) => (logWinkEvent(event), recordWinkEvent(event), traceWinkEvent(event)),
  });
  return holder[CLIENT_KEY];
}

/** Logs what an operator needs (failures, repeats, token requests), not every successful read. */
export function logWinkEvent(event: WinkEvent): void {
  switch (event.type) {
    case "retry":
      log.warn("wink.retry", event);
      return;
    case "token-request":
      if (event.error) log.warn("wink.token.failed", event);
      else log.info("wink.token", event);
      return;
    case "api-request":
      if (event.failure || (event.status ?? 0) >= 400) log.warn("wink.request.failed", event);
      else if (event.method !== "GET" || event.path.endsWith("/revoke"))
        log.info("wink.request", event);
      return;
  }
}

export { createWinkClient } from "./client";
export type {
  ApiRequestEvent,
  RetryEvent,
  WinkClient,
  WinkClientOptions,
  WinkEvent,
} from "./client";
export { WinkError, isWinkError } from "./errors";
export type { FieldError, WinkErrorJSON, WinkErrorKind, WinkOutcome, WinkProblem } from "./errors";
export { TokenCache } from "./token";
export type { OperationName } from "./operations";
export * from "@/lib/wink-contract/schemas";
