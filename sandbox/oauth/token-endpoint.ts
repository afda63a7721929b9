import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

import { HangingResponses, malformedResult, statusFaultResult } from "../controls/fault-responses";
import type { FaultRegistry } from "../controls/faults";
import type { SandboxStats } from "../controls/stats";
import { BodyTooLargeError, jsonResult, mediaType, readBody, sleep, writeResult } from "../http/io";
import type { SandboxStore } from "../state/store";
import { prepareTokenRequest } from "./token-request";

/** oidc-provider's own limit for form bodies. */
const BODY_LIMIT = 56 * 1024;

export interface TokenEndpointDependencies {
  /** The provider's request handler. */
  provider: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  store: SandboxStore;
  faults: FaultRegistry;
  stats: SandboxStats;
  hanging: HangingResponses;
}

/**
 * POST /oauth2/token: faults and the pre-handler of token-request.ts, then the provider. Token
 * faults never issue a token: a `hang` or a 5xx here is the identity server being down.
 */
export function createTokenEndpoint(deps: TokenEndpointDependencies) {
  return async function handleTokenRequest(req: IncomingMessage, res: ServerResponse, url: URL) {
    deps.stats.request("token");
    const fault = deps.faults.take("token");
    if (fault?.kind === "latency") await sleep(fault.ms);
    if (fault?.kind === "hang") return deps.hanging.hold(res);
    if (fault?.kind === "status") {
      return writeResult(res, statusFaultResult(fault, `${url.origin}${url.pathname}`));
    }
    if (fault?.kind === "malformed") return writeResult(res, malformedResult("token"));

    if (req.method !== "POST" || mediaType(req) !== "application/x-www-form-urlencoded") {
      return deps.provider(req, res);
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return writeResult(res, tokenError(400, "invalid_request", "request entity too large"));
    }

    const prepared = prepareTokenRequest(
      { form: new URLSearchParams(raw.toString("utf8")), authorization: req.headers.authorization },
      (clientId) => deps.store.findByClientId(clientId),
    );
    if (prepared.kind === "reject") {
      return writeResult(res, tokenError(400, prepared.error, prepared.description));
    }
    return deps.provider(replay(req, prepared.form.toString(), prepared.authorization), res);
  };
}

/** RFC 6749 section 5.2 errors: JSON, never cached. */
function tokenError(status: number, error: string, description: string) {
  return jsonResult(
    status,
    { error, error_description: description },
    { "cache-control": "no-store", pragma: "no-cache" },
  );
}

/**
 * The request the provider reads: same method, URL and socket, the rewritten body and
 * Authorization header. The provider reads the body from the stream itself, so the stream is
 * replayed rather than handed over parsed.
 */
function replay(original: IncomingMessage, body: string, authorization: string | undefined) {
  const buffer = Buffer.from(body, "utf8");
  const headers = { ...original.headers, "content-length": String(buffer.length) };
  delete headers["transfer-encoding"];
  if (authorization === undefined) delete headers.authorization;
  else headers.authorization = authorization;

  const stream = Readable.from([buffer], { objectMode: false });
  return Object.assign(stream, {
    headers,
    method: original.method,
    url: original.url,
    httpVersion: original.httpVersion,
    httpVersionMajor: original.httpVersionMajor,
    httpVersionMinor: original.httpVersionMinor,
    socket: original.socket,
    connection: original.socket,
  }) as unknown as IncomingMessage;
}
