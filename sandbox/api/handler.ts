import type { IncomingMessage, ServerResponse } from "node:http";

import { HangingResponses, malformedResult, statusFaultResult } from "../controls/fault-responses";
import { faultApplies, type FaultRegistry } from "../controls/faults";
import {
  BodyTooLargeError,
  isJsonMediaType,
  mediaType,
  readBody,
  sleep,
  writeResult,
  type HttpResult,
} from "../http/io";
import { Router } from "../http/router";
import { APPLICATION_ROUTES } from "./applications";
import { authenticate, insufficientScope, type AccessTokenVerifier } from "./bearer";
import { MANAGING_ENTITY_ROUTES, visibleEntities } from "./managing-entities";
import { notFoundProblem, problem } from "./problem";
import type { ApiRoute, ApiServices } from "./route";

const WINK_VERSION = "2.0";
const BODY_LIMIT = 1024 * 1024;

/** Spring Security's default headers, which Wink's answers carry. */
const API_HEADERS = {
  "cache-control": "no-cache, no-store, max-age=0, must-revalidate",
  pragma: "no-cache",
  expires: "0",
  "x-content-type-options": "nosniff",
};

export interface ApiHandlerDependencies extends ApiServices {
  verifyAccessToken: AccessTokenVerifier;
  faults: FaultRegistry;
  hanging: HangingResponses;
}

export function createApiHandler(deps: ApiHandlerDependencies) {
  const router = new Router<ApiRoute>();
  for (const route of [...APPLICATION_ROUTES, ...MANAGING_ENTITY_ROUTES]) {
    router.add(route.method, route.pattern, route);
  }

  return async function handleApiRequest(req: IncomingMessage, res: ServerResponse, url: URL) {
    const instance = `${url.origin}${url.pathname}`;
    const match = router.match(req.method ?? "GET", url.pathname);
    if (match.kind === "not-found") {
      writeResult(
        res,
        withApiHeaders(notFoundProblem(instance, `No endpoint ${req.method} ${url.pathname}.`)),
      );
      return;
    }
    if (match.kind === "method-not-allowed") {
      const detail = `Method '${req.method}' is not supported.`;
      writeResult(
        res,
        withApiHeaders(
          problem({ status: 405, detail, instance, headers: { allow: match.allow.join(", ") } }),
        ),
      );
      return;
    }

    const { value: route, params } = match;
    deps.stats.request(route.operation);
    const fault = deps.faults.take(route.operation);
    // Wink acts at once and only its answer is late: the request (and its body) is handled
    // first, then the answer waits. A client that gives up meanwhile cannot undo the change.
    const result = faultApplies(fault)
      ? await execute(route, params, req, url, instance, deps)
      : undefined;
    if (fault?.kind === "latency") await sleep(fault.ms);

    if (fault?.kind === "hang") {
      deps.hanging.hold(res);
    } else if (fault?.kind === "status") {
      writeResult(res, withApiHeaders(statusFaultResult(fault, instance)));
    } else if (fault?.kind === "malformed" && result && result.status < 300) {
      writeResult(res, withApiHeaders(malformedResult(route.operation)));
    } else if (result) {
      writeResult(res, withApiHeaders(result));
    }
  };
}

/** Authentication, version, scope, entity, body: in the order Wink's filters and mappings apply them. */
async function execute(
  route: ApiRoute,
  params: Record<string, string>,
  req: IncomingMessage,
  url: URL,
  instance: string,
  deps: ApiHandlerDependencies,
): Promise<HttpResult> {
  const authentication = await authenticate(req, deps.verifyAccessToken, instance);
  if (!authentication.ok) return authentication.result;
  const { caller } = authentication;

  const versionProblem = checkWinkVersion(req, instance);
  if (versionProblem) return versionProblem;

  if (!caller.scopes.has(route.scope)) return insufficientScope(instance, route.scope);

  if (params.entityId !== undefined) {
    const visible = visibleEntities({ caller }).some((entity) => entity.id === params.entityId);
    if (!visible) {
      return notFoundProblem(instance, `Managing entity ${params.entityId} was not found.`);
    }
  }

  let body: unknown;
  if (route.takesBody) {
    const parsed = await readJsonBody(req, instance);
    if ("result" in parsed) return parsed.result;
    body = parsed.body;
  }

  try {
    return await route.handle({ params, query: url.searchParams, body, instance, caller }, deps);
  } catch (error) {
    console.error(`sandbox: ${route.operation} failed:`, error);
    return problem({ status: 500, detail: "The sandbox failed to handle the request.", instance });
  }
}

/** Wink-Version must be exactly "2.0". The spec's own default, "2.0.0", is not in its enum. */
function checkWinkVersion(req: IncomingMessage, instance: string): HttpResult | undefined {
  const version = req.headers["wink-version"];
  if (version === WINK_VERSION) return undefined;
  const detail =
    version === undefined
      ? `The Wink-Version header is required. Send Wink-Version: ${WINK_VERSION}.`
      : `Invalid API version: '${version}'. The supported version is ${WINK_VERSION}.`;
  return problem({
    status: 400,
    detail,
    instance,
    extensions: { header: "Wink-Version", supportedVersions: [WINK_VERSION] },
    nestExtensions: true,
  });
}

async function readJsonBody(
  req: IncomingMessage,
  instance: string,
): Promise<{ body: unknown } | { result: HttpResult }> {
  const type = mediaType(req);
  if (!isJsonMediaType(type)) {
    const detail = `Content-Type '${type ?? "application/octet-stream"}' is not supported.`;
    return {
      result: problem({ status: 415, detail, instance, headers: { accept: "application/json" } }),
    };
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return { result: problem({ status: 413, detail: error.message, instance }) };
    }
    throw error;
  }
  if (raw.length === 0) {
    return {
      result: problem({ status: 400, detail: "Required request body is missing.", instance }),
    };
  }
  try {
    return { body: JSON.parse(raw.toString("utf8")) };
  } catch {
    return {
      result: problem({ status: 400, detail: "Failed to read request: malformed JSON.", instance }),
    };
  }
}

function withApiHeaders(result: HttpResult): HttpResult {
  return { ...result, headers: { ...API_HEADERS, ...result.headers } };
}
