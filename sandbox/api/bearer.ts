import type { IncomingMessage } from "node:http";

import type { HttpResult } from "../http/io";
import type { StoredApplication } from "../state/types";
import { problem } from "./problem";

/** What the API needs to know about a valid access token. */
export interface Caller {
  application: StoredApplication;
  scopes: ReadonlySet<string>;
}

/** Resolves an access token to its caller, or undefined when it is unknown, expired or revoked. */
export type AccessTokenVerifier = (token: string) => Promise<Caller | undefined>;

export type Authentication = { ok: true; caller: Caller } | { ok: false; result: HttpResult };

/**
 * RFC 6750: a request without credentials gets a bare `Bearer` challenge; a token that is unknown,
 * expired, or whose client was rotated or deleted gets `error="invalid_token"`. Either way nothing
 * was done, so the console may fetch a new token and retry once.
 */
export async function authenticate(
  req: IncomingMessage,
  verify: AccessTokenVerifier,
  instance: string,
): Promise<Authentication> {
  const header = req.headers.authorization;
  if (!header) {
    return unauthorized(
      instance,
      "Full authentication is required to access this resource.",
      "Bearer",
    );
  }
  const match = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
  const caller = match?.[1] ? await verify(match[1]) : undefined;
  if (!caller) {
    return unauthorized(
      instance,
      "The access token is invalid, expired or revoked.",
      'Bearer error="invalid_token", error_description="The access token is invalid, expired or revoked"',
    );
  }
  return { ok: true, caller };
}

function unauthorized(instance: string, detail: string, challenge: string): Authentication {
  return {
    ok: false,
    result: problem({ status: 401, detail, instance, headers: { "www-authenticate": challenge } }),
  };
}

export function insufficientScope(instance: string, scope: string): HttpResult {
  return problem({
    status: 403,
    detail: `The access token lacks the scope ${scope} that this operation requires.`,
    instance,
    extensions: { requiredScope: scope },
    headers: {
      "www-authenticate": `Bearer error="insufficient_scope", scope="${scope}"`,
    },
  });
}
