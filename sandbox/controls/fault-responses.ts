import type { ServerResponse } from "node:http";

import { problem } from "../api/problem";
import { jsonResult, type HttpResult } from "../http/io";
import type { Fault, FaultOperation } from "./faults";

type StatusFault = Extract<Fault, { kind: "status" }>;

/** The answer of a `status` fault, in the three shapes Wink's errors come in. */
export function statusFaultResult(fault: StatusFault, instance: string): HttpResult {
  switch (fault.body) {
    case "empty-object":
      // What Wink's 500s often are: a bare {} with a JSON media type.
      return jsonResult(fault.status, {});
    case "non-json":
      // A proxy or load balancer in front of Wink answering in HTML.
      return {
        status: fault.status,
        headers: { "content-type": "text/html; charset=utf-8" },
        body: `<html><head><title>${fault.status}</title></head><body><h1>${fault.status}</h1><p>The upstream server is unavailable.</p></body></html>`,
      };
    case "problem":
      return problem({
        status: fault.status,
        detail: "The sandbox was told to fail this request (injected fault).",
        instance,
      });
  }
}

/** 200 with a body that breaks the operation's schema: wrong shape, wrong types, missing members. */
const MALFORMED_BODIES: Record<FaultOperation, unknown> = {
  list: { applications: [{ id: 42, name: null }] },
  get: { id: 42, name: null, scopes: "account.read" },
  create: { id: "not-a-uuid", name: "" },
  update: { id: null, redirectUris: "https://example.com" },
  delete: { success: "yes" },
  rotate: { id: "not-a-uuid", clientId: 123 },
  entities: { content: "no entities here" },
  token: { access_token: 42, token_type: "Bearer", expires_in: "soon" },
};

export function malformedResult(operation: FaultOperation): HttpResult {
  return jsonResult(200, MALFORMED_BODIES[operation]);
}

/**
 * Requests that a `hang` fault answers never. The socket stays open until the client gives up;
 * on shutdown the sandbox cuts them all.
 */
export class HangingResponses {
  #open = new Set<ServerResponse>();

  hold(res: ServerResponse): void {
    this.#open.add(res);
    res.on("close", () => this.#open.delete(res));
  }

  releaseAll(): void {
    for (const res of this.#open) res.destroy();
    this.#open.clear();
  }
}
