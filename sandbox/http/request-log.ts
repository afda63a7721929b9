import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * One line per request: method, path without the query, status, duration. Never a header or a
 * body: they carry secrets, tokens and Authorization headers. The query goes too, because the
 * OAuth endpoints put codes and state in it.
 */
export function logRequests(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  const path = (req.url ?? "/").split("?")[0];
  res.once("close", () => {
    const ms = Math.round(performance.now() - started);
    const status = res.writableFinished ? res.statusCode : "aborted";
    console.log(`${req.method} ${path} ${status} ${ms}ms`);
  });
}
